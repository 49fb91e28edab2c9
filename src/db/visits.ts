// Visit and coverage queries.
import { maskToTopics, recentVisitSince, topicBit, topicsToMask, VISIT_TOPICS, type CategoryCount, type Visit, type VisitCategory, type VisitLine, type VisitTopic } from '../domain/visits.js';
import { defaultConcernDue } from '../domain/concerns.js';
import { NotFoundError } from '../errors.js';
import { insertConcern } from './concerns.js';
import { label, t } from '../i18n/index.js';
import { type IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { insertRecord, softDelete, updateRecord, type Row } from './store.js';

export interface VisitInput {
  date: IsoDate;
  person_id: number;
  household_id: number | null;
  category: VisitCategory;
  topics: VisitTopic[];
  notes: string | null;
  place: string | null;
}

const SELECT_VISIT = `
  SELECT v.id, v.uid, v.date, v.person_id, p.name AS person, h.label AS household, p.village_group AS "group",
         v.category, v.topics,
         v.notes, v.place,
         (SELECT count(*) FROM concerns c WHERE c.visit_id = v.id AND c.deleted_at IS NULL) AS concerns,
         v.created_at, v.updated_at
  FROM visits v
  JOIN people p ON p.id = v.person_id
  LEFT JOIN households h ON h.id = v.household_id`;

function toVisit(row: Row): Visit {
  return { ...(row as unknown as Visit), topics: maskToTopics(row.topics as number) };
}

/** SELECT_VISIT's columns in order: listings read rows as arrays (no object per row from SQLite, none copied). */
const VISIT_COLUMNS = ['id', 'uid', 'date', 'person_id', 'person', 'household', 'group', 'category', 'topics', 'notes', 'place', 'concerns', 'created_at', 'updated_at'];

/** The same object as toVisit, keys in the same order (JSON output follows it), from a raw row. */
function rawToVisit(r: unknown[]): Visit {
  return {
    id: r[0] as number,
    uid: r[1] as string,
    date: r[2] as IsoDate,
    person_id: r[3] as number,
    person: r[4] as string,
    household: r[5] as string | null,
    group: r[6] as string | null,
    category: r[7] as VisitCategory,
    topics: maskToTopics(r[8] as number),
    notes: r[9] as string | null,
    place: r[10] as string | null,
    concerns: r[11] as number,
    created_at: r[12] as string,
    updated_at: r[13] as string,
  };
}

function visitRows(db: Db, sql: string, params: Row, newestFirst: boolean): Visit[] {
  const stmt = db.prepare(sql);
  const names = stmt.columns().map((c) => c.name);
  if (names.join() !== VISIT_COLUMNS.join()) throw new Error(`visit columns changed: ${names.join()}`);
  const rows = stmt.raw(true).all(params) as unknown[][];
  const n = rows.length;
  const out = new Array<Visit>(n);
  for (let i = 0; i < n; i++) out[i] = rawToVisit(rows[newestFirst ? n - 1 - i : i]!);
  return out;
}

/** A visit with its topics and the concerns raised in it. Call inside a write transaction. */
export function insertVisit(db: Db, v: VisitInput, concerns: string[], concernDueDays: number): number {
  const id = insertRecord(db, 'visits', 'visit', { ...v, topics: topicsToMask(v.topics) });
  for (const text of concerns) {
    insertConcern(db, { visit_id: id, person_id: v.person_id, raised_on: v.date, text, due_on: defaultConcernDue(v.date, concernDueDays) });
  }
  return id;
}

export function getVisit(db: Db, id: number): Visit {
  const row = db.prepare(`${SELECT_VISIT} WHERE v.id = ? AND v.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'visit'), id });
  return toVisit(row);
}

export interface VisitFilter {
  from?: IsoDate;
  to?: IsoDate;
  category?: string;
  topic?: string;
  person_id?: number;
  group?: string;
  /** The most recent N only (0 or undefined: all). */
  limit?: number;
}

function visitWhere(f: VisitFilter): { sql: string; params: Row } {
  const where = ['v.deleted_at IS NULL'];
  const params: Row = {};
  if (f.from) {
    where.push('v.date >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('v.date <= @to');
    params.to = f.to;
  }
  if (f.category) {
    where.push('v.category = @category');
    params.category = f.category;
  }
  if (f.topic) {
    where.push('(v.topics & @topic) <> 0');
    params.topic = topicBit(f.topic as VisitTopic);
  }
  if (f.person_id !== undefined) {
    where.push('v.person_id = @person_id');
    params.person_id = f.person_id;
  }
  if (f.group) {
    where.push('p.village_group = @group');
    params.group = f.group;
  }
  return { sql: where.join(' AND '), params };
}

/** Visits in date order (oldest first); with a limit, the most recent N of them. */
export function listVisits(db: Db, f: VisitFilter = {}): Visit[] {
  const { sql, params } = visitWhere(f);
  if (f.limit) return visitRows(db, `${SELECT_VISIT} WHERE ${sql} ORDER BY v.date DESC, v.id DESC LIMIT ${Math.floor(f.limit)}`, params, true);
  return visitRows(db, `${SELECT_VISIT} WHERE ${sql} ORDER BY v.date, v.id`, params, false);
}

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

export function countVisits(db: Db, f: VisitFilter = {}): number {
  if (!f.from && !f.to && !f.category && !f.topic && f.person_id === undefined && !f.group) {
    const live = liveVisitCount(db);
    if (live !== undefined) return live;
  }
  const { sql, params } = visitWhere(f);
  const join = f.group ? 'JOIN people p ON p.id = v.person_id' : '';
  return (db.prepare(`SELECT count(*) AS n FROM visits v ${join} WHERE ${sql}`).get(params) as { n: number }).n;
}

/**
 * The visits not deleted, counted from the partial index that holds exactly them (visits_person,
 * WHERE deleted_at IS NULL): SQLite's dbstat table sums the entries page by page (580 pages for
 * 100,000 visits) instead of stepping through every row, about 1 ms instead of 3-8 ms for `fs
 * visit list`'s "50 of N". Undefined, and the plain count is used, if the index is not that one
 * or this SQLite has no dbstat.
 */
export function liveVisitCount(db: Db): number | undefined {
  // The pages pass through a small page cache: growing SQLite's cache by 600 pages cost more than
  // reading them (1.2 ms instead of 2.5 ms), and none of them is needed again.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = 16');
  try {
    const r = db
      .prepare(`SELECT (SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'visits_person' AND tbl_name = 'visits') AS def, (SELECT ncell FROM dbstat('main', 1) WHERE name = 'visits_person') AS n`)
      .get() as { def: string | null; n: number | null };
    return r.def !== null && r.n !== null && /\sWHERE\s+deleted_at\s+IS\s+NULL\s*$/i.test(r.def) ? r.n : undefined;
  } catch {
    return undefined;
  } finally {
    db.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
  }
}

export function updateVisit(db: Db, id: number, changes: Partial<VisitInput>): void {
  const { topics, ...fields } = changes;
  updateRecord(db, 'visits', 'visit', id, topics ? { ...fields, topics: topicsToMask(topics) } : (fields as Row));
}

export function deleteVisit(db: Db, id: number): void {
  softDelete(db, 'visits', 'visit', id);
}

/** SQL: for each topic, how many rows asked it (a count filtered by the topic's bit: a fifth cheaper than summing the shifted bit). */
export function topicSums(): string {
  return VISIT_TOPICS.map((k, i) => `count(*) FILTER (WHERE topics & ${1 << i}) AS "${k}"`).join(', ');
}

/**
 * Per category in [from, to]: visits, and visits that asked each topic. One covering-index scan:
 * visits_date (date, category, topics) named, since the planner would take visits_reach, which
 * has the date too, and read every visit's row for its category and topics.
 */
export function visitCountsByCategory(db: Db, from: IsoDate, to: IsoDate): CategoryCount[] {
  const sums = topicSums();
  const rows = db
    .prepare(`SELECT category, count(*) AS visits, ${sums} FROM visits INDEXED BY visits_date WHERE deleted_at IS NULL AND date BETWEEN ? AND ? GROUP BY category`)
    .all(from, to) as (Row & { category: VisitCategory; visits: number })[];
  return rows.map((r) => ({
    category: r.category,
    visits: r.visits,
    by_topic: Object.fromEntries(VISIT_TOPICS.map((k) => [k, r[k] as number])) as Record<VisitTopic, number>,
  }));
}

export interface StaleHousehold {
  household_id: number;
  household: string;
  group: string | null;
  last_visit: IsoDate | null;
  days_since: number | null;
}

/**
 * Households not visited lately on day @asOf (the domain's recentVisitSince gives @since): on the
 * roster by then (added on or before it, someone living there) and no visit in [@since, @asOf].
 * `fs visit coverage` lists them and `fs report` counts them: one rule, one text.
 */
export const STALE_HOUSEHOLDS_WHERE = `h.deleted_at IS NULL AND coalesce(h.added_on, '0000-01-01') <= @asOf
         AND EXISTS (SELECT 1 FROM people p WHERE p.household_id = h.id AND p.deleted_at IS NULL AND coalesce(p.added_on, '0000-01-01') <= @asOf)
         AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL AND v.date BETWEEN @since AND @asOf)`;

/** Households not visited lately as of `asOf`, oldest first, never-visited first. */
export function staleHouseholds(db: Db, asOf: IsoDate, days: number): Omit<StaleHousehold, 'days_since'>[] {
  return db
    .prepare(
      `SELECT h.id AS household_id, h.label AS household, h.village_group AS "group",
              (SELECT max(v.date) FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL AND v.date <= @asOf) AS last_visit
       FROM households h
       WHERE ${STALE_HOUSEHOLDS_WHERE}
       ORDER BY last_visit IS NOT NULL, last_visit, h.label`,
    )
    .all({ asOf, since: recentVisitSince(asOf, days) }) as Omit<StaleHousehold, 'days_since'>[];
}
