import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { listConcerns, updateConcern } from '../../src/db/concerns.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { deletePerson, findPeopleByName, getPerson, insertPerson, listPeople, updatePerson } from '../../src/db/people.js';
import { getSetting, setSetting } from '../../src/db/settings.js';
import { write } from '../../src/db/store.js';
import { getVisit, insertVisit, listVisits, staleHouseholds, updateVisit, visitCountsByCategory } from '../../src/db/visits.js';
import { tempDir } from '../helpers/cli.js';

let db: Db;
beforeEach(async () => {
  db = await openDatabase(join(tempDir(), 'fs.db'));
  return () => db.close();
});

const log = () => db.prepare('SELECT entity, entity_id, op, changes FROM change_log ORDER BY id').all() as { entity: string; entity_id: number; op: string; changes: string }[];

function visit(person_id: number, date: string, topics: ('team' | 'hardship' | 'opinion')[] = [], concerns: string[] = []) {
  const p = getPerson(db, person_id);
  return write(db, () => insertVisit(db, { date, person_id, household_id: p.household_id, category: 'poor-household', topics, notes: null, place: null }, concerns, 30));
}

describe('records', () => {
  it('every record gets a UUIDv7 uid and timestamps; every change a change_log row', () => {
    const id = write(db, () => insertPerson(db, { name: '王秀英', household: '王家', tags: ['poor'] }));
    const p = getPerson(db, id);
    expect(p.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p.created_at).toBe(p.updated_at);
    write(db, () => updatePerson(db, id, { phone: '138' }));
    expect(getPerson(db, id).phone).toBe('138');
    write(db, () => deletePerson(db, id));
    expect(listPeople(db)).toEqual([]);
    const entries = log();
    expect(entries.map((e) => `${e.entity}:${e.op}`)).toEqual(['household:insert', 'person:insert', 'person:update', 'person:delete']);
    expect(JSON.parse(entries[2]!.changes)).toEqual({ phone: '138', before: { phone: null } });
    // soft delete: the row is still there
    expect(db.prepare('SELECT deleted_at FROM people WHERE id = ?').get(id)).toMatchObject({ deleted_at: expect.any(String) });
  });

  it('names are not unique; households are shared', () => {
    write(db, () => insertPerson(db, { name: '张三', household: '张家' }));
    write(db, () => insertPerson(db, { name: '张三', household: '张家' }));
    expect(findPeopleByName(db, '张三')).toHaveLength(2);
    expect(db.prepare('SELECT count(*) AS n FROM households').get()).toEqual({ n: 1 });
  });

  it('a visit keeps its topics and raises concerns due after concern.due_days', () => {
    const pid = write(db, () => insertPerson(db, { name: 'a', household: 'A' }));
    const vid = visit(pid, '2026-11-01', ['hardship', 'team'], ['roof']);
    expect(getVisit(db, vid)).toMatchObject({ topics: ['team', 'hardship'], concerns: 1, household: 'A' });
    expect(listConcerns(db)).toMatchObject([{ text: 'roof', raised_on: '2026-11-01', due_on: '2026-12-01', status: 'open' }]);
    write(db, () => updateVisit(db, vid, { topics: ['opinion'] }));
    expect(getVisit(db, vid).topics).toEqual(['opinion']);
  });

  it('concerns: open, overdue and awaiting-feedback filters', () => {
    const pid = write(db, () => insertPerson(db, { name: 'a' }));
    visit(pid, '2026-10-01', [], ['late one', 'answered']);
    const [late, answered] = listConcerns(db);
    write(db, () => updateConcern(db, answered!.id, { status: 'resolved', resolved_on: '2026-10-20', feedback_on: '2026-10-21' }));
    expect(listConcerns(db, { open: true }).map((c) => c.id)).toEqual([late!.id]);
    // due 2026-10-31: overdue on 11-01, not on 10-31
    expect(listConcerns(db, { overdue: true, today: '2026-10-31' })).toHaveLength(0);
    expect(listConcerns(db, { overdue: true, today: '2026-11-01' }).map((c) => c.id)).toEqual([late!.id]);
  });

  it('coverage counts by category and topic over a date range', () => {
    const pid = write(db, () => insertPerson(db, { name: 'a' }));
    visit(pid, '2026-11-01', ['hardship', 'team']);
    visit(pid, '2026-11-30', ['hardship']);
    visit(pid, '2026-12-01', ['opinion']);
    expect(visitCountsByCategory(db, '2026-11-01', '2026-11-30')).toEqual([
      { category: 'poor-household', visits: 2, by_topic: { team: 1, opinion: 0, development: 0, hardship: 2, disputes: 0 } },
    ]);
    expect(listVisits(db, { from: '2026-11-01', to: '2026-11-30', topic: 'hardship' })).toHaveLength(2);
    expect(listVisits(db, { limit: 1 }).map((v) => v.date)).toEqual(['2026-12-01']);
  });

  it('households not visited: last visit before the cut-off, or never', () => {
    const a = write(db, () => insertPerson(db, { name: 'a', household: 'A' }, '2026-08-01'));
    const b = write(db, () => insertPerson(db, { name: 'b', household: 'B' }, '2026-08-01'));
    write(db, () => insertPerson(db, { name: 'c', household: 'C' }, '2026-08-01'));
    write(db, () => insertPerson(db, { name: 'd', household: 'D' }, '2026-11-28'));
    visit(a, '2026-08-28');
    visit(b, '2026-08-29');
    // today 2026-11-27, 90 days: cut-off 2026-08-29; B visited exactly 90 days ago is not stale;
    // D, added the day after, was not on the roster yet
    expect(staleHouseholds(db, '2026-11-27', 90).map((h) => [h.household, h.last_visit])).toEqual([
      ['C', null],
      ['A', '2026-08-28'],
    ]);
  });

  it('settings have defaults and validated values', () => {
    expect(getSetting(db, 'concern.due_days')).toBe('30');
    setSetting(db, 'concern.due_days', '15');
    expect(getSetting(db, 'concern.due_days')).toBe('15');
    expect(() => setSetting(db, 'concern.due_days', '0')).toThrow(/whole number/);
    expect(() => getSetting(db, 'nope')).toThrow(/unknown setting/);
  });
});
