// The visit listing's fast read (fs visit list on a terminal or piped): listVisits as listing
// lines, from one scan of the covering index visits_list, with each name read once.
import { maskToTopics, type VisitCategory, type VisitLine, type VisitTopic } from '../domain/visits.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import type { Row } from './store.js';
import { visitWhere, type VisitFilter } from './visits.js';

/** Visits read in one JSON text by listVisitLines: a bound on the text, not on the listing (tests pass a smaller one). */
const LINES_PER_BATCH = 20_000;

/** Listing lines' columns from visits_list, a column to an array (in the order of the scan). */
interface LineColumns {
  id: number[];
  date: IsoDate[];
  person_id: number[];
  household_id: (number | null)[];
  category: VisitCategory[];
  topics: number[];
  notes: (string | null)[];
}

const LINE_COLUMNS = ['id', 'date', 'person_id', 'household_id', 'category', 'topics', 'notes'] as const satisfies readonly (keyof LineColumns)[];

/**
 * listVisits as listing lines, in the same order, read the way SQLite reads them fastest: the
 * visits from one scan of visits_list (migration 0011), which holds every column a line shows
 * from them in the listing's order, then each person and household once rather than once a visit.
 * Over 20,000 visits of 200,000 that scan takes ~20 ms where reading the ids from one index and
 * then each row from the table took ~45 ms, and the names are one string each, shared down the
 * table.
 */
export function listVisitLines(db: Db, f: VisitFilter = {}, batchSize = LINES_PER_BATCH): VisitLine[] {
  const { sql, params } = visitWhere(f);
  // One read transaction: every batch and the names come from the same snapshot.
  return db.transaction(() => {
    const c = readLineColumns(db, f, sql, params, batchSize);
    const n = c.id.length;
    const out = new Array<VisitLine>(n);
    if (n === 0) return out;
    const order = listingOrder(c, Boolean(f.limit));
    const ids = new Array<number>(n);
    for (let k = 0; k < n; k++) ids[k] = c.id[order[k]!]!;
    const concernCounts = listedConcernCounts(db, ids, listingPositions(ids));
    // [id, name, group] and [id, label] rows, by id.
    const people = new Map<number, [number, string, string | null]>();
    for (const p of listedNames(db, 'people', 'id, name, village_group', c.person_id, n) as [number, string, string | null][]) people.set(p[0], p);
    const households = new Map<number, string>();
    for (const h of listedNames(db, 'households', 'id, label', c.household_id, n) as [number, string][]) households.set(h[0], h[1]);
    // One topics list for each set of topics, shared by the lines that have it (and frozen).
    const topicLists = new Map<number, readonly VisitTopic[]>();
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const mask = c.topics[i]!;
      let topics = topicLists.get(mask);
      if (!topics) topicLists.set(mask, (topics = Object.freeze(maskToTopics(mask))));
      const person = people.get(c.person_id[i]!)!;
      const household = c.household_id[i]!;
      out[k] = { id: c.id[i]!, date: c.date[i]!, person: person[1], household: household === null ? null : (households.get(household) ?? null), group: person[2], category: c.category[i]!, topics, concerns: concernCounts[k]!, notes: c.notes[i]! };
    }
    return out;
  })();
}

/**
 * The rows of `table` (people or households) that a listing of `lines` lines names by `ids`:
 * when the table has no more rows than that (by its largest id, one step in its primary key),
 * all of them, read straight through; else the ids, each once, looked up (20,000 lines naming
 * 2,000 people and 2,000 households: ~6 ms less than gathering the ids).
 */
function listedNames(db: Db, table: 'people' | 'households', columns: string, ids: readonly (number | null)[], lines: number): unknown[][] {
  const largest = (db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null) ?? 0;
  if (largest <= lines) return db.prepare(`SELECT ${columns} FROM ${table}`).raw(true).all() as unknown[][];
  const wanted = new Set<number>();
  for (const id of ids) if (id !== null) wanted.add(id);
  return db.prepare(`SELECT ${columns} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).raw(true).all(JSON.stringify([...wanted])) as unknown[][];
}

/**
 * The listed visits' columns, in the order of the scan: oldest first, or with a limit the most
 * recent newest first. They come as one JSON text a few thousand visits at a time, a column to an
 * array, parsed by V8 at once: one value crosses from SQLite for each batch instead of seven for
 * each visit (better-sqlite3 builds a row cell by cell), and seven arrays are made instead of one
 * a visit (20,000 visits read and made into lines, median of 8 processes: ~69 ms row by row, ~56
 * as rows of JSON, ~43 as columns).
 * Each batch starts after the last one's (date, id), a seek in the index, not an offset counted
 * again.
 */
function readLineColumns(db: Db, f: VisitFilter, sql: string, params: Row, batchSize: number): LineColumns {
  // People are joined only when a group filters them (every visit has its person).
  const join = f.group ? 'JOIN people p ON p.id = v.person_id' : '';
  const newestFirst = Boolean(f.limit);
  const dir = newestFirst ? 'DESC' : 'ASC';
  const select = (where: string) =>
    db
      .prepare(
        `SELECT json_object(${LINE_COLUMNS.map((k) => `'${k}', json_group_array(${k})`).join(', ')}) FROM (
           SELECT ${LINE_COLUMNS.map((k) => `v.${k}`).join(', ')} FROM visits v ${join}
           WHERE ${where} ORDER BY v.date ${dir}, v.id ${dir} LIMIT @batch)`,
      )
      .pluck();
  const first = select(sql);
  let next: ReturnType<typeof select> | undefined;
  const batches: LineColumns[] = [];
  let total = 0;
  const wanted = newestFirst ? Math.floor(f.limit!) : Infinity;
  while (total < wanted) {
    const batch = Math.min(batchSize, wanted - total);
    const last = batches[batches.length - 1];
    const at = last ? last.id.length - 1 : 0;
    const text = last
      ? (next ??= select(`${sql} AND (v.date, v.id) ${newestFirst ? '<' : '>'} (@after_date, @after_id)`)).get({ ...params, batch, after_date: last.date[at], after_id: last.id[at] })
      : first.get({ ...params, batch });
    const got = JSON.parse(text as string) as LineColumns;
    if (got.id.length === 0) break;
    batches.push(got);
    total += got.id.length;
    if (got.id.length < batch) break;
  }
  if (batches.length === 1) return batches[0]!;
  const all = {} as Record<keyof LineColumns, unknown[]>;
  for (const k of LINE_COLUMNS) all[k] = batches.flatMap((b): unknown[] => b[k]);
  return all as unknown as LineColumns;
}

/**
 * The places in `c` of the listing's lines, oldest first. SQLite hands an aggregate the rows of an
 * ordered subquery in that order (it reads them from a co-routine), but does not promise it; asking
 * with ORDER BY inside json_group_array sorts them again (~10 ms for 20,000). The order is checked
 * here instead, and restored if it ever differs.
 */
function listingOrder(c: LineColumns, newestFirst: boolean): Int32Array {
  const n = c.id.length;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = newestFirst ? n - 1 - k : k;
  const before = (a: number, b: number) => c.date[a]! < c.date[b]! || (c.date[a] === c.date[b] && c.id[a]! < c.id[b]!);
  for (let k = 1; k < n; k++) if (!before(order[k - 1]!, order[k]!)) return order.sort((a, b) => (before(a, b) ? -1 : 1));
  return order;
}

/**
 * The live concerns of each listed visit, by place in `ids`. Counted apart from the rows: a
 * correlated count for each of 20,000 visits took ~35 ms, most visits having none. When the
 * concerns are few beside the listing (by their largest id, one index step), all live concerns
 * with a visit are read at once and those of unlisted visits skipped; else the listed ids are
 * looked up in concerns_visit.
 */
function listedConcernCounts(db: Db, ids: number[], positionOf: (id: number) => number): Int32Array {
  const counts = new Int32Array(ids.length);
  const maxId = (db.prepare('SELECT max(id) FROM concerns').pluck().get() as number | null) ?? 0;
  if (maxId === 0) return counts;
  const visitIds = JSON.parse(
    (maxId <= 4 * ids.length
      ? db.prepare('SELECT json_group_array(visit_id) FROM concerns WHERE deleted_at IS NULL AND visit_id IS NOT NULL').pluck().get()
      : db.prepare('SELECT json_group_array(visit_id) FROM concerns WHERE visit_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').pluck().get(JSON.stringify(ids))) as string,
  ) as number[];
  for (const id of visitIds) {
    const i = positionOf(id);
    if (ids[i] === id) counts[i]!++;
  }
  return counts;
}

/** A listing whose ids span fewer than this many times their number finds places in a typed array. */
const DENSE_SPAN = 16;

/**
 * Where each id stands in `ids` (distinct), as a function (for an id not in `ids`, any number).
 * When the ids lie close together (a listing's visits of the last weeks, among 200,000: their
 * ids span about ten times their number), each place is kept in a typed array by id; else the ids
 * and their places are packed into one sorted array of numbers (id × 2^k + place) and found by
 * binary search (20,000 ids: ~3-5 ms to sort, against ~1 ms to fill the array). Neither is a map
 * of 20,000 entries, but ids too large to pack exactly go into one after all.
 */
export function listingPositions(ids: number[]): (id: number) => number {
  const n = ids.length;
  const m = 2 ** Math.ceil(Math.log2(n + 1));
  let max = 0;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    if (ids[i]! > max) max = ids[i]!;
    if (ids[i]! < min) min = ids[i]!;
  }
  // At most 64 bytes of array for each id listed.
  if (max - min < DENSE_SPAN * n) {
    const at = new Int32Array(max - min + 1);
    for (let i = 0; i < n; i++) at[ids[i]! - min] = i;
    return (id) => at[id - min] ?? 0;
  }
  if ((max + 1) * m > Number.MAX_SAFE_INTEGER) {
    const at = new Map(ids.map((id, i) => [id, i]));
    return (id) => at.get(id)!;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ids[i]! * m + i;
  keys.sort();
  return (id) => {
    const want = id * m;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! < want) lo = mid + 1;
      else hi = mid;
    }
    return keys[lo]! - want;
  };
}
