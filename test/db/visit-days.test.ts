// The visits' day counts (migration 0012, visit_days): filled from the visits a ledger had when it
// upgraded, then kept by triggers through every kind of write (add, move to another day or
// category, topics changed, deleted, restored, removed outright), always the live visits grouped
// by day and category. Reports read their figures from it (src/db/report.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDatabase, type Db } from '../../src/db/open.js';
import { visitCountsByDay } from '../../src/db/report.js';
import { insertRecord, write } from '../../src/db/store.js';
import { visitCountsByCategory } from '../../src/db/visits.js';
import { VISIT_TOPICS } from '../../src/domain/visits.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir();
const TOPICS = VISIT_TOPICS;

const kept = (db: Db) => db.prepare(`SELECT date, category, visits, ${TOPICS.map((k) => `"${k}"`).join(', ')} FROM visit_days ORDER BY date, category`).all();
const counted = (db: Db) =>
  db
    .prepare(
      `SELECT date, category, count(*) AS visits, ${TOPICS.map((k, i) => `count(*) FILTER (WHERE topics & ${1 << i}) AS "${k}"`).join(', ')}
       FROM visits WHERE deleted_at IS NULL GROUP BY date, category ORDER BY date, category`,
    )
    .all();

function addVisits(db: Db, person: number, rows: [string, string, number][]): number[] {
  return write(db, () => rows.map(([date, category, topics]) => insertRecord(db, 'visits', 'visit', { person_id: person, date, category, topics })));
}

describe('visit_days', () => {
  it('an upgraded ledger starts with its visits counted, deleted ones left out', async () => {
    const path = join(dir, 'upgrade.db');
    const before = listMigrations().filter((m) => m.version < 12);
    const old = await openDatabase(path, { migrations: before });
    const person = write(old, () => insertRecord(old, 'people', 'person', { name: '王秀英' }));
    const [, second] = addVisits(old, person, [
      ['2026-11-02', 'poor-household', 9],
      ['2026-11-02', 'poor-household', 1],
      ['2026-11-02', 'party-cadre', 0],
      ['2026-11-03', 'poor-household', 31],
    ]);
    old.prepare("UPDATE visits SET deleted_at = '2026-11-04T00:00:00Z' WHERE id = ?").run(second);
    old.close();
    const db = await openDatabase(path);
    expect(kept(db)).toEqual([
      { date: '2026-11-02', category: 'party-cadre', visits: 1, team: 0, opinion: 0, development: 0, hardship: 0, disputes: 0 },
      { date: '2026-11-02', category: 'poor-household', visits: 1, team: 1, opinion: 0, development: 0, hardship: 1, disputes: 0 },
      { date: '2026-11-03', category: 'poor-household', visits: 1, team: 1, opinion: 1, development: 1, hardship: 1, disputes: 1 },
    ]);
    db.close();
  });

  it('follows every write to visits, in the same transaction', async () => {
    const db = await openDatabase(join(dir, 'writes.db'));
    const person = write(db, () => insertRecord(db, 'people', 'person', { name: '李四' }));
    const [a, b, c] = addVisits(db, person, [
      ['2026-11-02', 'poor-household', 3],
      ['2026-11-02', 'poor-household', 4],
      ['2026-11-05', 'village-rep', 16],
    ]);
    const steps: [string, () => void][] = [
      ['moved to another day', () => db.prepare("UPDATE visits SET date = '2026-11-06' WHERE id = ?").run(a)],
      ['another category', () => db.prepare("UPDATE visits SET category = 'village-rep' WHERE id = ?").run(b)],
      ['topics changed', () => db.prepare('UPDATE visits SET topics = 31 WHERE id = ?').run(c)],
      ['deleted', () => db.prepare("UPDATE visits SET deleted_at = '2026-11-07T00:00:00Z' WHERE id = ?").run(b)],
      ['restored (undo)', () => db.prepare('UPDATE visits SET deleted_at = NULL WHERE id = ?').run(b)],
      ['several columns at once', () => db.prepare("UPDATE visits SET date = '2026-11-02', category = 'poor-household', topics = 0 WHERE id = ?").run(c)],
      ['removed outright', () => db.prepare('DELETE FROM visits WHERE id = ?').run(a)],
      ['a deleted one removed', () => db.prepare("UPDATE visits SET deleted_at = '2026-11-07T00:00:00Z' WHERE id = ?").run(b) && db.prepare('DELETE FROM visits WHERE id = ?').run(b)],
      ['a note changed', () => db.prepare("UPDATE visits SET notes = '屋顶漏雨' WHERE id = ?").run(c)],
    ];
    for (const [what, step] of steps) {
      step();
      expect(kept(db), what).toEqual(counted(db));
    }
    expect(kept(db)).toEqual([{ date: '2026-11-02', category: 'poor-household', visits: 1, team: 0, opinion: 0, development: 0, hardship: 0, disputes: 0 }]);
    // A write that fails leaves the counts as they were.
    expect(() => write(db, () => { addVisits(db, person, [['2026-11-08', 'poor-household', 1]]); throw new Error('refused'); })).toThrow('refused');
    expect(kept(db)).toEqual(counted(db));
    db.close();
  });

  it('gives the reports the figures they counted from the visits', async () => {
    const db = await openDatabase(join(dir, 'figures.db'));
    const person = write(db, () => insertRecord(db, 'people', 'person', { name: '张三' }));
    addVisits(db, person, [
      ['2026-10-31', 'poor-household', 1],
      ['2026-11-01', 'poor-household', 3],
      ['2026-11-01', 'other', 2],
      ['2026-11-30', 'poor-household', 8],
      ['2026-12-01', 'poor-household', 16],
    ]);
    expect(visitCountsByDay(db, '2026-11-01', '2026-11-30')).toEqual([
      { date: '2026-11-01', category: 'other', visits: 1, by_topic: { team: 0, opinion: 1, development: 0, hardship: 0, disputes: 0 } },
      { date: '2026-11-01', category: 'poor-household', visits: 1, by_topic: { team: 1, opinion: 1, development: 0, hardship: 0, disputes: 0 } },
      { date: '2026-11-30', category: 'poor-household', visits: 1, by_topic: { team: 0, opinion: 0, development: 0, hardship: 1, disputes: 0 } },
    ]);
    expect(visitCountsByCategory(db, '2026-11-01', '2026-11-30')).toEqual([
      { category: 'other', visits: 1, by_topic: { team: 0, opinion: 1, development: 0, hardship: 0, disputes: 0 } },
      { category: 'poor-household', visits: 2, by_topic: { team: 1, opinion: 1, development: 0, hardship: 1, disputes: 0 } },
    ]);
    db.close();
  });
});
