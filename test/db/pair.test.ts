// Pairing queries and the report figures on a temporary database.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { activePairsOfHelper, getPair, insertPair, insertPairLog, listPairLogs, listPairs, updatePair, type PairInput } from '../../src/db/pair.js';
import {
  pairActivePerHelper,
  pairFigures,
  pairHelpEntriesLogged,
  pairOverdueContacts,
  pairPeopleByKind,
  pairsStartedAndEnded,
} from '../../src/db/pair-report.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { softDelete, write } from '../../src/db/store.js';
import { isPairOverdue } from '../../src/domain/pair.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir();
let n = 0;
let db: Db;

beforeEach(async () => {
  db = await openDatabase(join(dir, `pair-${++n}.db`));
  return () => db.close();
});

const person = (name: string, tags: string[] = []) => write(db, () => insertPerson(db, { name, tags: tags as never }));
const pair = (p: Partial<PairInput> & { person_id: number }) =>
  write(db, () => insertPair(db, { helper: '李明', needs: 'work', measures: null, cadence_days: 30, started_on: '2026-10-01', ...p }));
const log = (pairId: number, date: string, action = 'visited') => write(db, () => insertPairLog(db, pairId, { date, action, result: null }));

describe('pairings', () => {
  it('reads a pairing with its person kind, last contact and number of entries; logs come in date order', () => {
    const wang = person('王秀英', ['poor']);
    const id = pair({ person_id: wang });
    log(id, '2026-10-20', 'second');
    log(id, '2026-10-05', 'first');
    const p = getPair(db, id);
    expect(p).toMatchObject({ person: '王秀英', person_kind: 'villager', person_tags: ['poor'], last_contact: '2026-10-20', entries: 2, ended_on: null });
    expect(listPairLogs(db, id).map((e) => e.action)).toEqual(['first', 'second']);
  });

  it('every write lands in the change log', () => {
    const id = pair({ person_id: person('王秀英') });
    log(id, '2026-10-20');
    write(db, () => updatePair(db, id, { ended_on: '2026-11-01', outcome: 'done' }));
    const ops = db.prepare("SELECT entity, op FROM change_log WHERE entity LIKE 'pair%' ORDER BY id").all();
    expect(ops).toEqual([
      { entity: 'pair', op: 'insert' },
      { entity: 'pair_log', op: 'insert' },
      { entity: 'pair', op: 'update' },
    ]);
  });

  it('lists active first, filters by status and helper; only active ones count for the limit', () => {
    const a = pair({ person_id: person('甲'), helper: '李明' });
    const b = pair({ person_id: person('乙'), helper: '张红' });
    const c = pair({ person_id: person('丙'), helper: '李明', started_on: '2026-09-01' });
    write(db, () => updatePair(db, c, { ended_on: '2026-10-01', outcome: 'done' }));
    // Helpers sort by code point (张 before 李), active before ended.
    expect(listPairs(db).map((p) => p.id)).toEqual([b, a, c]);
    expect(listPairs(db, { status: 'active', helper: '李明' }).map((p) => p.id)).toEqual([a]);
    expect(listPairs(db, { status: 'ended' }).map((p) => p.id)).toEqual([c]);
    expect(activePairsOfHelper(db, '李明')).toEqual([{ id: a, person_id: expect.any(Number), started_on: '2026-10-01' }]);
  });

  it('the database itself refuses a second active pairing of the same person and helper, but not after the first ended', () => {
    const wang = person('王秀英');
    const first = pair({ person_id: wang });
    expect(() => pair({ person_id: wang })).toThrow(/UNIQUE/);
    expect(pair({ person_id: wang, helper: '张红' })).toBeGreaterThan(first);
    write(db, () => updatePair(db, first, { ended_on: '2026-11-01', outcome: 'done' }));
    expect(pair({ person_id: wang })).toBeGreaterThan(first);
  });

  it('refuses a cadence below one', () => {
    expect(() => pair({ person_id: person('王秀英'), cadence_days: 0 })).toThrow(/CHECK/);
  });
});

describe('report figures for a period', () => {
  // Helper 李明: 甲 (party member) active since 10-01, contacted 10-20; 乙 active since 11-05, never contacted;
  // 丙 started 09-01, ended 10-15. Helper 张红: 丁 (party member) started 11-20 with a cadence of 3.
  let ids: Record<string, number>;
  beforeEach(() => {
    const jia = person('甲', ['party-member']);
    const yi = person('乙', ['poor']);
    const bing = person('丙');
    const ding = person('丁', ['party-member', 'cadre']);
    ids = {
      jia: pair({ person_id: jia }),
      yi: pair({ person_id: yi, started_on: '2026-11-05' }),
      bing: pair({ person_id: bing, started_on: '2026-09-01' }),
      ding: pair({ person_id: ding, helper: '张红', started_on: '2026-11-20', cadence_days: 3 }),
    };
    log(ids.jia!, '2026-10-20');
    log(ids.bing!, '2026-09-10');
    log(ids.bing!, '2026-10-10');
    write(db, () => updatePair(db, ids.bing!, { ended_on: '2026-10-15', outcome: 'found work' }));
    const gone = log(ids.ding!, '2026-11-21');
    write(db, () => softDelete(db, 'pair_logs', 'pair_log', gone));
  });

  it('active pairings per helper: any time in the period, and still running at its end', () => {
    expect(pairActivePerHelper(db, '2026-10-01', '2026-10-31', '2026-11-27')).toEqual([{ helper: '李明', active_in_period: 2, active_at_end: 1 }]);
    expect(pairActivePerHelper(db, '2026-11-01', '2026-11-30', '2026-11-27')).toEqual([
      { helper: '张红', active_in_period: 1, active_at_end: 1 },
      { helper: '李明', active_in_period: 2, active_at_end: 2 },
    ]);
  });

  it('help entries logged in the period (deleted entries left out)', () => {
    expect(pairHelpEntriesLogged(db, '2026-10-01', '2026-10-31', '2026-11-27')).toEqual({
      total: 2,
      pairings: 2,
      by_helper: [{ helper: '李明', entries: 2, pairings: 2 }],
    });
    expect(pairHelpEntriesLogged(db, '2026-11-01', '2026-11-30', '2026-11-27')).toEqual({ total: 0, pairings: 0, by_helper: [] });
  });

  it('pairings started and ended in the period', () => {
    expect(pairsStartedAndEnded(db, '2026-09-01', '2026-09-30', '2026-11-27')).toEqual({ started: 1, ended: 0 });
    expect(pairsStartedAndEnded(db, '2026-10-01', '2026-10-31', '2026-11-27')).toEqual({ started: 1, ended: 1 });
    expect(pairsStartedAndEnded(db, '2026-11-01', '2026-11-30', '2026-11-27')).toEqual({ started: 2, ended: 0 });
  });

  it('overdue contacts at the period end agree with isPairOverdue on and after the boundary day', () => {
    // 甲 was last contacted 10-20 (cadence 30): due 11-19, overdue from 11-20. 丁 started 11-20 (cadence 3): overdue from 11-24.
    const on = (today: string) => pairOverdueContacts(db, '2026-11-01', '2026-11-30', today);
    expect(on('2026-11-19')).toMatchObject({ as_of: '2026-11-19', total: 0 });
    expect(on('2026-11-20').pairings.map((p) => p.person)).toEqual(['甲']);
    expect(on('2026-11-23').total).toBe(1);
    const late = on('2026-11-24');
    expect(late).toMatchObject({ total: 2, by_helper: [{ helper: '张红', overdue: 1 }, { helper: '李明', overdue: 1 }] });
    expect(late.pairings[0]).toMatchObject({ person: '丁', last_contact: null, next_contact_due: '2026-11-23' });
    expect(late.pairings[1]).toMatchObject({ person: '甲', last_contact: '2026-10-20', next_contact_due: '2026-11-19' });
    for (const today of ['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-27']) {
      const expected = listPairs(db, { status: 'active' }).filter((p) => isPairOverdue(p, today)).map((p) => p.id).sort();
      expect(on(today).pairings.map((p) => p.id).sort()).toEqual(expected);
    }
  });

  it('overdue for a past period is judged at its end, with only the contacts made by then', () => {
    // On 10-31: 甲 contacted 10-20, fine; 丙 ended 10-15; nobody overdue.
    expect(pairOverdueContacts(db, '2026-10-01', '2026-10-31', '2026-11-27').total).toBe(0);
    // On 09-30: 丙 contacted 09-10, fine; 甲 had not started.
    expect(pairOverdueContacts(db, '2026-09-01', '2026-09-30', '2026-11-27').total).toBe(0);
    // 丙 with a 20-day cadence: contacted 09-10, so due 09-30; on 10-09 it is overdue, and the 10-10
    // entry made afterwards does not count yet. On 10-12 it does.
    write(db, () => updatePair(db, ids.bing!, { cadence_days: 20 }));
    expect(pairOverdueContacts(db, '2026-10-01', '2026-10-09', '2026-11-27')).toMatchObject({ as_of: '2026-10-09', total: 1, pairings: [{ person: '丙', last_contact: '2026-09-10' }] });
    expect(pairOverdueContacts(db, '2026-10-01', '2026-10-12', '2026-11-27').total).toBe(0);
  });

  it('party members and villagers among the people in pairings that ran in the period', () => {
    expect(pairPeopleByKind(db, '2026-10-01', '2026-10-31', '2026-11-27')).toEqual({
      people: { 'party-member': 1, villager: 1 },
      pairings: { 'party-member': 1, villager: 1 },
    });
    expect(pairPeopleByKind(db, '2026-11-01', '2026-11-30', '2026-11-27')).toEqual({
      people: { 'party-member': 2, villager: 1 },
      pairings: { 'party-member': 2, villager: 1 },
    });
    expect(pairPeopleByKind(db, '2025-01-01', '2025-12-31', '2026-11-27')).toEqual({
      people: { 'party-member': 0, villager: 0 },
      pairings: { 'party-member': 0, villager: 0 },
    });
  });

  it('pairFigures gathers them all', () => {
    const f = pairFigures(db, '2026-11-01', '2026-11-30', '2026-11-27');
    expect(Object.keys(f)).toEqual(['from', 'to', 'active_per_helper', 'help_entries', 'started_ended', 'overdue', 'people_by_kind']);
    expect(f.overdue.total).toBe(2);
    expect(f.started_ended).toEqual({ started: 2, ended: 0 });
  });

  it('the period queries use the date indexes', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '2026-01-01', to: '2026-12-31' }) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT count(*) FROM pair_logs WHERE deleted_at IS NULL AND date BETWEEN @from AND @to')).toMatch(/pair_logs_date/);
    expect(plan('SELECT count(*) FROM pairs WHERE deleted_at IS NULL AND started_on BETWEEN @from AND @to')).toMatch(/pairs_started/);
    expect(plan('SELECT count(*) FROM pairs WHERE deleted_at IS NULL AND ended_on BETWEEN @from AND @to')).toMatch(/pairs_ended/);
  });
});
