// Meeting queries: records with their attendance, lists, and the per-month counts compliance needs.
import type { MonthCount } from '../domain/compliance.js';
import { attendanceRate, type AttendanceEntry, type Meeting, type MeetingType } from '../domain/meeting.js';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { insertRecord, logChange, nowStamp, softDelete, updateRecord, type Row } from './store.js';

export interface MeetingInput {
  type: MeetingType;
  date: IsoDate;
  topic: string | null;
  place: string | null;
  chair: string | null;
  recorder: string | null;
  expected: number | null;
  present: number | null;
  vote: boolean;
  forced: boolean;
  decisions: string[];
  minutes: string | null;
}

const SELECT_MEETING = `
  SELECT m.id, m.uid, m.type, m.date, m.topic, m.place, m.chair, m.recorder, m.expected, m.present,
         m.vote, m.forced, m.decisions, m.minutes, m.created_at, m.updated_at,
         (SELECT json_group_array(json_object('person_id', a.person_id, 'name', a.name, 'present', a.present, 'reason', a.reason))
            FROM (SELECT * FROM meeting_attendance WHERE meeting_id = m.id ORDER BY seq) a) AS attendance
  FROM meetings m`;

function toMeeting(row: Row): Meeting {
  const attendance = JSON.parse(row.attendance as string) as Array<{ person_id: number | null; name: string; present: number; reason: string | null }>;
  const expected = row.expected as number | null;
  const present = row.present as number | null;
  return {
    id: row.id as number,
    uid: row.uid as string,
    type: row.type as MeetingType,
    date: row.date as string,
    topic: row.topic as string | null,
    place: row.place as string | null,
    chair: row.chair as string | null,
    recorder: row.recorder as string | null,
    expected,
    present,
    attendance_rate: attendanceRate(expected, present),
    vote: row.vote === 1,
    forced: row.forced === 1,
    decisions: JSON.parse(row.decisions as string) as string[],
    minutes: row.minutes as string | null,
    attendees: attendance.filter((a) => a.present).map((a) => ({ person_id: a.person_id, name: a.name })),
    absentees: attendance.filter((a) => !a.present).map((a) => ({ person_id: a.person_id, name: a.name, reason: a.reason })),
    created_at: row.created_at as string,
    updated_at: row.updated_at as string,
  };
}

function fieldsOf(m: Partial<MeetingInput>): Row {
  const out: Row = { ...m };
  if (m.vote !== undefined) out.vote = m.vote ? 1 : 0;
  if (m.forced !== undefined) out.forced = m.forced ? 1 : 0;
  if (m.decisions !== undefined) out.decisions = JSON.stringify(m.decisions);
  return out;
}

function setAttendance(db: Db, meetingId: number, entries: readonly AttendanceEntry[]): void {
  db.prepare('DELETE FROM meeting_attendance WHERE meeting_id = ?').run(meetingId);
  const ins = db.prepare('INSERT INTO meeting_attendance (meeting_id, seq, person_id, name, present, reason) VALUES (?, ?, ?, ?, ?, ?)');
  entries.forEach((e, i) => ins.run(meetingId, i + 1, e.person_id, e.name, e.present ? 1 : 0, e.reason));
}

/** A meeting with its named attendance. Call inside a write transaction. */
export function insertMeeting(db: Db, m: MeetingInput, attendance: readonly AttendanceEntry[]): number {
  const id = insertRecord(db, 'meetings', 'meeting', fieldsOf(m));
  if (attendance.length) {
    setAttendance(db, id, attendance);
    logChange(db, 'meeting', id, null, 'update', { attendance });
  }
  return id;
}

export function getMeeting(db: Db, id: number): Meeting {
  const row = db.prepare(`${SELECT_MEETING} WHERE m.id = ? AND m.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'meeting'), id });
  return toMeeting(row);
}

/** The named attendance of a meeting, in the order given. */
export function getAttendance(db: Db, id: number): AttendanceEntry[] {
  return (
    db.prepare('SELECT person_id, name, present, reason FROM meeting_attendance WHERE meeting_id = ? ORDER BY seq').all(id) as Array<
      Omit<AttendanceEntry, 'present'> & { present: number }
    >
  ).map((a) => ({ ...a, present: a.present === 1 }));
}

/** Change fields; `attendance` given replaces the whole named attendance. */
export function updateMeeting(db: Db, id: number, changes: Partial<MeetingInput>, attendance?: readonly AttendanceEntry[]): void {
  updateRecord(db, 'meetings', 'meeting', id, fieldsOf(changes));
  if (attendance) {
    const before = getAttendance(db, id);
    if (JSON.stringify(before) === JSON.stringify(attendance)) return;
    setAttendance(db, id, attendance);
    const row = db.prepare('SELECT uid FROM meetings WHERE id = ?').get(id) as { uid: string };
    db.prepare('UPDATE meetings SET updated_at = ? WHERE id = ?').run(nowStamp(), id);
    logChange(db, 'meeting', id, row.uid, 'update', { attendance, before: { attendance: before } });
  }
}

export function deleteMeeting(db: Db, id: number): void {
  softDelete(db, 'meetings', 'meeting', id);
}

export interface MeetingFilter {
  types?: MeetingType[];
  from?: IsoDate;
  to?: IsoDate;
}

export function listMeetings(db: Db, f: MeetingFilter = {}): Meeting[] {
  const where = ['m.deleted_at IS NULL'];
  const params: Row = {};
  if (f.types?.length) {
    where.push(`m.type IN (${f.types.map((_, i) => `@type${i}`).join(', ')})`);
    f.types.forEach((k, i) => (params[`type${i}`] = k));
  }
  if (f.from) {
    where.push('m.date >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('m.date <= @to');
    params.to = f.to;
  }
  return (db.prepare(`${SELECT_MEETING} WHERE ${where.join(' AND ')} ORDER BY m.date, m.id`).all(params) as Row[]).map(toMeeting);
}

/** Meetings held per type and calendar month in [from, to]: the input of the compliance calculator. */
export function meetingCountsByMonth(db: Db, from: IsoDate, to: IsoDate): MonthCount[] {
  return db
    .prepare(
      `SELECT type, substr(date, 1, 7) AS month, count(*) AS held FROM meetings
       WHERE deleted_at IS NULL AND date BETWEEN ? AND ? GROUP BY type, month ORDER BY type, month`,
    )
    .all(from, to) as MonthCount[];
}
