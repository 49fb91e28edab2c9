// Visit and coverage queries.
import { maskToTopics, recentVisitSince, topicBit, topicsToMask, VISIT_TOPICS, type CategoryCount, type Visit, type VisitCategory, type VisitTopic } from '../domain/visits.js';
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

export function visitWhere(f: VisitFilter): { sql: string; params: Row } {
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

/**
 * Per category in [from, to]: visits, and visits that asked each topic, summed from the day
 * counts (visit_days, migration 0012: kept by triggers in step with every write to visits).
 */
export function visitCountsByCategory(db: Db, from: IsoDate, to: IsoDate): CategoryCount[] {
  const sums = VISIT_TOPICS.map((k) => `sum("${k}") AS "${k}"`).join(', ');
  const rows = db
    .prepare(`SELECT category, sum(visits) AS visits, ${sums} FROM visit_days WHERE date BETWEEN ? AND ? GROUP BY category ORDER BY category`)
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
