// `fs visit list`'s "50 of N": the count of visits not deleted, read from the partial index that
// holds exactly them, equals the plain count(*) whatever was added, deleted or restored, and the
// plain count answers whenever that index is not what the fast count assumes.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { getPerson, insertPerson } from '../../src/db/people.js';
import { write } from '../../src/db/store.js';
import { countVisits, deleteVisit, insertVisit, liveVisitCount } from '../../src/db/visits.js';
import { tempDir } from '../helpers/cli.js';

let db: Db;
beforeEach(async () => {
  db = await openDatabase(join(tempDir(), 'fs.db'));
  return () => db.close();
});

const plainCount = () => (db.prepare('SELECT count(*) AS n FROM visits WHERE deleted_at IS NULL').get() as { n: number }).n;

function addVisits(n: number, seed: number): number[] {
  const person = write(db, () => insertPerson(db, { name: `王${seed}`, household: `王家${seed}`, tags: [] }, '2026-11-27'));
  const p = getPerson(db, person);
  return write(db, () =>
    Array.from({ length: n }, (_, i) =>
      insertVisit(db, { date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, person_id: person, household_id: p.household_id, category: 'other', topics: [], notes: null, place: null }, [], 30),
    ),
  );
}

describe('the count of visits not deleted', () => {
  it('is the plain count, through additions and deletions, with the index many pages deep', () => {
    expect(liveVisitCount(db)).toBe(0);
    // The count reads through a small page cache and leaves the connection's as it was.
    const cacheSize = db.pragma('cache_size', { simple: true });
    addVisits(50, 99);
    expect(liveVisitCount(db)).toBe(50);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    const ids: number[] = [];
    let rand = 7;
    for (let round = 0; round < 6; round++) {
      ids.push(...addVisits(700 + round * 113, round));
      const drop = ids.filter(() => ((rand = (rand * 48271) % 2147483647) & 7) === 0);
      write(db, () => drop.forEach((id) => deleteVisit(db, id)));
      ids.splice(0, ids.length, ...ids.filter((id) => !drop.includes(id)));
      expect(liveVisitCount(db)).toBe(plainCount());
      expect(countVisits(db)).toBe(plainCount());
      expect(countVisits(db)).toBe(ids.length + 50);
    }
    // More than one level of pages: the interior pages' entries are visits too.
    const pages = (db.prepare("SELECT count(*) AS n FROM dbstat WHERE name = 'visits_person'").get() as { n: number }).n;
    expect(pages).toBeGreaterThan(3);
    // A filter counts with the plain query.
    expect(countVisits(db, { from: '2025-06-01' })).toBe((db.prepare("SELECT count(*) AS n FROM visits WHERE deleted_at IS NULL AND date >= '2025-06-01'").get() as { n: number }).n);
  });

  it('falls back to the plain count when the index is missing or holds other rows', () => {
    addVisits(300, 1);
    const [first] = addVisits(10, 2);
    write(db, () => deleteVisit(db, first!));
    const n = plainCount();
    db.exec('DROP INDEX visits_person');
    expect(liveVisitCount(db)).toBeUndefined();
    expect(countVisits(db)).toBe(n);
    db.exec('CREATE INDEX visits_person ON visits(person_id, date)');
    expect(liveVisitCount(db)).toBeUndefined();
    expect(countVisits(db)).toBe(n);
    db.exec('DROP INDEX visits_person; CREATE INDEX visits_person ON visits(person_id, date) WHERE deleted_at IS NULL');
    expect(liveVisitCount(db)).toBe(n);
  });
});
