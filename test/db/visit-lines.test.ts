// listVisitLines (the listing's fast read: one scan of visits_list in batches, names once each)
// gives the same visits in the same order as listVisits, field for field, under every filter.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VISIT_CATEGORIES, VISIT_TOPICS, type Visit, type VisitLine } from '../../src/domain/visits.js';
import { softDelete, write } from '../../src/db/store.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { deletePerson, insertPerson } from '../../src/db/people.js';
import { listingPositions, listVisitLines } from '../../src/db/visit-lines.js';
import { deleteVisit, insertVisit, listVisits, type VisitFilter } from '../../src/db/visits.js';
import { tempDir } from '../helpers/cli.js';
import { rng } from '../helpers/rng.js';

const line = (v: Visit): VisitLine => ({ id: v.id, date: v.date, person: v.person, household: v.household, group: v.group, category: v.category, topics: v.topics, concerns: v.concerns, notes: v.notes });

let db: Db;
let people: number[];

beforeAll(async () => {
  db = await openDatabase(join(tempDir(), 'fs.db'));
  const rand = rng(7);
  write(db, () => {
    people = [];
    for (let i = 0; i < 40; i++) {
      // Some people without a household or a group; names repeat; households are shared.
      const household = rand() < 0.2 ? null : `户${Math.floor(rand() * 15)}`;
      people.push(insertPerson(db, { name: `人${i % 25}`, household, group: rand() < 0.3 ? null : `${1 + (i % 4)}组` }, '2024-01-01'));
    }
    for (let i = 0; i < 600; i++) {
      const person_id = people[Math.floor(rand() * people.length)]!;
      const household_id = rand() < 0.1 ? null : ((db.prepare('SELECT household_id FROM people WHERE id = ?').pluck().get(person_id) as number | null) ?? null);
      // Few distinct dates: many visits share one, so the id order inside a date counts.
      const date = `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 3)}`;
      const concerns = Array.from({ length: Math.floor(rand() * 3) }, (_, k) => `concern ${i}.${k}`);
      insertVisit(
        db,
        {
          date,
          person_id,
          household_id,
          category: VISIT_CATEGORIES[Math.floor(rand() * VISIT_CATEGORIES.length)]!,
          topics: VISIT_TOPICS.filter(() => rand() < 0.4),
          notes: rand() < 0.2 ? null : `note ${i} 屋顶漏雨`,
          place: null,
        },
        concerns,
        30,
      );
    }
    // Removed visits, removed concerns and a removed person (whose visits still list).
    for (const id of db.prepare('SELECT id FROM visits WHERE id % 17 = 0').pluck().all() as number[]) deleteVisit(db, id);
    for (const id of db.prepare('SELECT id FROM concerns WHERE id % 5 = 0').pluck().all() as number[]) softDelete(db, 'concerns', 'concern', id);
    deletePerson(db, people[3]!);
    // Notes JSON must carry exactly: quotes, backslashes, controls, NUL, emoji, a JSON-looking
    // text, and bytes that are no UTF-8 (stored as text by a cast).
    const tricky = ['say "hi" \\ back\\slash', 'tab\there\nnew line\r\u0001\u001b[31m', 'nul\u0000inside', '👨‍👩‍👧 🇨🇳 e\u0301', '{"a": [1, 2]}', '[1,2]', 'null', ''];
    const some = db.prepare('SELECT id FROM visits WHERE deleted_at IS NULL ORDER BY id LIMIT 12').pluck().all() as number[];
    tricky.forEach((text, k) => db.prepare('UPDATE visits SET notes = ? WHERE id = ?').run(text, some[k]));
    db.prepare("UPDATE visits SET notes = CAST(x'e4b8' AS TEXT) WHERE id = ?").run(some[9]);
    db.prepare("UPDATE visits SET notes = CAST(x'41ff42c0af' AS TEXT) WHERE id = ?").run(some[10]);
  });
  return () => db.close();
});

describe('listVisitLines', () => {
  it('lists what listVisits lists, in its order, under every filter and limit', () => {
    const filters: VisitFilter[] = [
      {},
      { limit: 1 },
      { limit: 50 },
      // A limit that ends on a batch's last row (batches of 7 below).
      { limit: 14 },
      { limit: 599 },
      { limit: 100_000 },
      { from: '2026-03-10' },
      { to: '2026-02-11', limit: 7 },
      { from: '2026-02-10', to: '2026-05-12' },
      { category: 'poor-household' },
      { topic: 'hardship', limit: 30 },
      { person_id: people[3] },
      { person_id: people[5], limit: 3 },
      { group: '2组' },
      { group: '3组', topic: 'team', limit: 20 },
      { from: '2099-01-01' },
      { person_id: 999_999 },
    ];
    for (const f of filters) {
      const want = listVisits(db, f).map(line);
      expect(listVisitLines(db, f), JSON.stringify(f)).toEqual(want);
      // Read in several batches, the same.
      expect(listVisitLines(db, f, 7), `${JSON.stringify(f)} in batches`).toEqual(want);
    }
    expect(listVisitLines(db, {}).length).toBeGreaterThan(500);
  });
});

describe('listingPositions', () => {
  it('finds each id where it stands, in a typed array, packed or (ids too large to pack) by a map', () => {
    const rand = rng(11);
    // Ids close together (dense) and far apart (packed; from 2^52 on, a map).
    for (const spread of [10_000, 1_000_000]) {
      for (const base of [1, 1_000_000, 2 ** 40, 2 ** 52]) {
        const ids = [...new Set(Array.from({ length: 3000 }, () => base + Math.floor(rand() * spread)))];
        const at = listingPositions(ids);
        ids.forEach((id, i) => expect(at(id)).toBe(i));
        // An id not listed (inside, below and above the range) is never found at a listed id's place.
        const listed = new Set(ids);
        for (const other of [base - 1, base + spread + 1, ...Array.from({ length: 200 }, () => base + Math.floor(rand() * spread))]) {
          if (!listed.has(other)) expect(ids[at(other)]).not.toBe(other);
        }
      }
    }
    expect(listingPositions([7])(7)).toBe(0);
  });
});
