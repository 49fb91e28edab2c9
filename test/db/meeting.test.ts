// Meeting queries and the report figures on a temporary database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttendanceEntry } from '../../src/domain/meeting.js';
import { averageAttendance, complianceGaps, meetingCompliance, meetingFrequencies, meetingsHeldByType } from '../../src/db/meeting-report.js';
import { deleteMeeting, getMeeting, insertMeeting, listMeetings, meetingCountsByMonth, updateMeeting, type MeetingInput } from '../../src/db/meetings.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { setSetting } from '../../src/db/settings.js';
import { write } from '../../src/db/store.js';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fs-meeting-db-'));
  db = await openDatabase(join(dir, 'fs.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const base: MeetingInput = {
  type: 'theme-day', date: '2026-11-05', topic: null, place: null, chair: null, recorder: null,
  expected: null, present: null, vote: false, forced: false, decisions: [], minutes: null,
};
const add = (m: Partial<MeetingInput>, attendance: AttendanceEntry[] = []) => write(db, () => insertMeeting(db, { ...base, ...m }, attendance));

describe('meetings', () => {
  it('round-trips a meeting with its attendance, in the order given, and logs the change', () => {
    const wang = write(db, () => insertPerson(db, { name: '王秀英', tags: ['party-member'] }));
    const id = add({ topic: 'study', expected: 3, present: 1, decisions: ['plant tea'], chair: '李明' }, [
      { person_id: wang, name: '王秀英', present: true, reason: null },
      { person_id: null, name: '外人', present: false, reason: 'away' },
      { person_id: null, name: '赵六', present: false, reason: null },
    ]);
    const m = getMeeting(db, id);
    expect(m).toMatchObject({
      type: 'theme-day', topic: 'study', expected: 3, present: 1, attendance_rate: 0.333, vote: false, forced: false,
      decisions: ['plant tea'], chair: '李明',
      attendees: [{ person_id: wang, name: '王秀英' }],
      absentees: [{ person_id: null, name: '外人', reason: 'away' }, { person_id: null, name: '赵六', reason: null }],
    });
    const log = db.prepare("SELECT op, changes FROM change_log WHERE entity = 'meeting' AND entity_id = ? ORDER BY id").all(id) as { op: string; changes: string }[];
    expect(log.map((l) => l.op)).toEqual(['insert', 'update']);
    expect(JSON.parse(log[1]!.changes).attendance).toHaveLength(3);
  });

  it('edits replace the attendance only when it changed, and log the before', () => {
    const id = add({ expected: 2, present: 1 }, [{ person_id: null, name: 'A', present: true, reason: null }, { person_id: null, name: 'B', present: false, reason: null }]);
    const logged = () => (db.prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'meeting' AND entity_id = ?").get(id) as { n: number }).n;
    const before = logged();
    write(db, () => updateMeeting(db, id, { topic: 't' }, [{ person_id: null, name: 'A', present: true, reason: null }, { person_id: null, name: 'B', present: false, reason: null }]));
    expect(logged()).toBe(before + 1); // the topic only
    write(db, () => updateMeeting(db, id, { expected: 2, present: 2 }, [{ person_id: null, name: 'A', present: true, reason: null }, { person_id: null, name: 'B', present: true, reason: null }]));
    expect(getMeeting(db, id)).toMatchObject({ topic: 't', present: 2, absentees: [], attendees: [{ name: 'A' }, { name: 'B' }] });
    expect(logged()).toBe(before + 3);
  });

  it('lists by types and date range, oldest first, without soft-deleted ones', () => {
    const a = add({ type: 'theme-day', date: '2026-10-05' });
    const b = add({ type: 'party-lesson', date: '2026-11-02' });
    const c = add({ type: 'branch-general', date: '2026-09-30' });
    add({ type: 'theme-day', date: '2026-11-03' });
    write(db, () => deleteMeeting(db, 4));
    expect(listMeetings(db).map((m) => m.id)).toEqual([c, a, b]);
    expect(listMeetings(db, { types: ['theme-day', 'party-lesson'] }).map((m) => m.id)).toEqual([a, b]);
    expect(listMeetings(db, { from: '2026-10-01', to: '2026-10-31' }).map((m) => m.id)).toEqual([a]);
    expect(() => getMeeting(db, 4)).toThrow(/meeting 4 not found/);
  });

  it('counts per type and month', () => {
    add({ date: '2026-01-05' });
    add({ date: '2026-01-25' });
    add({ date: '2026-02-05' });
    add({ type: 'party-lesson', date: '2026-02-06' });
    add({ date: '2026-03-01' });
    expect(meetingCountsByMonth(db, '2026-01-01', '2026-02-28')).toEqual([
      { type: 'party-lesson', month: '2026-02', held: 1 },
      { type: 'theme-day', month: '2026-01', held: 2 },
      { type: 'theme-day', month: '2026-02', held: 1 },
    ]);
  });
});

describe('report figures', () => {
  it('meetings held by type with forced votes and pooled attendance; nothing after today', () => {
    add({ type: 'branch-general', date: '2026-10-10', expected: 30, present: 20, vote: true });
    add({ type: 'branch-general', date: '2026-11-10', expected: 30, present: 10, vote: true, forced: true });
    add({ type: 'theme-day', date: '2026-11-05' });
    add({ type: 'theme-day', date: '2026-11-28', expected: 10, present: 10 }); // after today
    const rows = meetingsHeldByType(db, '2026-10-01', '2026-12-31', '2026-11-27');
    expect(rows).toHaveLength(13);
    expect(rows.find((r) => r.type === 'branch-general')).toEqual({ type: 'branch-general', held: 2, forced: 1, with_counts: 2, attendance_rate: 0.5 });
    expect(rows.find((r) => r.type === 'theme-day')).toEqual({ type: 'theme-day', held: 1, forced: 0, with_counts: 0, attendance_rate: null });
    expect(rows.find((r) => r.type === 'villagers')).toEqual({ type: 'villagers', held: 0, forced: 0, with_counts: 0, attendance_rate: null });
  });

  it('average attendance: pooled and per-meeting mean, over meetings with counts', () => {
    add({ date: '2026-11-01', expected: 10, present: 10 });
    add({ date: '2026-11-02', expected: 30, present: 15 });
    add({ date: '2026-11-03' });
    expect(averageAttendance(db, '2026-11-01', '2026-11-30', '2026-11-27')).toEqual({ meetings: 2, expected: 40, present: 25, rate: 0.625, mean_rate: 0.75 });
    expect(averageAttendance(db, '2026-12-01', '2026-12-31', '2026-11-27')).toEqual({ meetings: 0, expected: 0, present: 0, rate: null, mean_rate: null });
  });

  it('compliance follows the frequency settings; gaps are the missing rows', () => {
    for (let m = 1; m <= 10; m++) if (m !== 4) add({ type: 'theme-day', date: `2026-${String(m).padStart(2, '0')}-10` });
    const rows = meetingCompliance(db, '2026-01-01', '2026-11-27', '2026-11-27').filter((r) => r.type === 'theme-day');
    expect(rows.filter((r) => r.status === 'missing').map((r) => r.interval)).toEqual(['2026-04']);
    // November not over and not held yet: pending, due on its last day, not a gap.
    expect(rows.filter((r) => r.status === 'pending').map((r) => `${r.interval}:${r.to}`)).toEqual(['2026-11:2026-11-30']);
    expect(rows).toHaveLength(11);
    expect(meetingFrequencies(db)['party-lesson']).toBe('yearly');
    setSetting(db, 'meeting.frequency.party-lesson', 'quarterly');
    setSetting(db, 'meeting.frequency.theme-day', 'none');
    const gaps = complianceGaps(db, '2026-01-01', '2026-11-27', '2026-11-27');
    expect(gaps.every((r) => r.status === 'missing')).toBe(true);
    expect(gaps.filter((r) => r.type === 'party-lesson').map((r) => r.interval)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(gaps.some((r) => r.type === 'theme-day')).toBe(false);
  });
});
