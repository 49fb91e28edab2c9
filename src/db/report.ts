// The report's own queries: visit and concern figures for a date range, and the period's items
// (the narrative) for every section, newest last, capped. Figures of the other sections come from
// their own db modules (dispute-counts, pair-report, meeting-report, plan-reports).
import type { Detail, DetailField } from '../domain/report.js';
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { recentVisitSince, VISIT_TOPICS, type VisitCategory, type VisitTopic } from '../domain/visits.js';
import { STALE_HOUSEHOLDS_WHERE, topicSums } from './visits.js';
import { statement } from './store.js';

export interface VisitDay {
  date: IsoDate;
  category: VisitCategory;
  visits: number;
  by_topic: Record<VisitTopic, number>;
}

/**
 * Visits per day and category, with the topics asked, over [from, to]: one scan of the covering
 * date index in its own order (no sort). Reports sum the days into weeks, months and quarters.
 */
export function visitCountsByDay(db: Db, from: IsoDate, to: IsoDate): VisitDay[] {
  const memo = remembered.get(db);
  const key = `${from}|${to}`;
  const hit = memo?.get(key);
  if (hit) return hit;
  const days = countVisitsByDay(db, from, to);
  memo?.set(key, days);
  return days;
}

// One command may ask for the same scan twice (the report's figures, then the document's grid).
const remembered = new WeakMap<Db, Map<string, VisitDay[]>>();

/** Within `fn`, visitCountsByDay answers a range it has scanned already from memory (one command, one snapshot). */
export async function rememberingVisitDays<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  remembered.set(db, new Map());
  try {
    return await fn();
  } finally {
    remembered.delete(db);
  }
}

function countVisitsByDay(db: Db, from: IsoDate, to: IsoDate): VisitDay[] {
  const sums = topicSums();
  const rows = statement(db, `SELECT date, category, count(*) AS visits, ${sums} FROM visits WHERE deleted_at IS NULL AND date BETWEEN ? AND ? GROUP BY date, category`)
    .all(from, to) as (Record<string, number> & { date: IsoDate; category: VisitCategory; visits: number })[];
  return rows.map((r) => ({
    date: r.date,
    category: r.category,
    visits: r.visits,
    by_topic: Object.fromEntries(VISIT_TOPICS.map((k) => [k, r[k]!])) as Record<VisitTopic, number>,
  }));
}

/**
 * People and households visited in [from, to]. For up to two months, count the distinct ids in
 * the range of the covering date index; for longer, seek each person and household in their own
 * (person, date) and (household, date) indexes: a roster is thousands, a year's visits hundreds of thousands.
 */
export function visitReach(db: Db, from: IsoDate, to: IsoDate): { people: number; households: number } {
  if (daysBetween(from, to) <= 62) {
    return statement(db, 'SELECT count(DISTINCT person_id) AS people, count(DISTINCT household_id) AS households FROM visits WHERE deleted_at IS NULL AND date BETWEEN ? AND ?')
      .get(from, to) as { people: number; households: number };
  }
  return statement(db, 
      `SELECT
         (SELECT count(*) FROM people p WHERE EXISTS (SELECT 1 FROM visits v WHERE v.person_id = p.id AND v.deleted_at IS NULL AND v.date BETWEEN @from AND @to)) AS people,
         (SELECT count(*) FROM households h WHERE EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.deleted_at IS NULL AND v.date BETWEEN @from AND @to)) AS households`,
    )
    .get({ from, to }) as { people: number; households: number };
}

/** Households not visited lately as of `asOf`: the same rule and text as `fs visit coverage`'s list. */
export function staleHouseholdCount(db: Db, asOf: IsoDate, days: number): number {
  return (statement(db, `SELECT count(*) AS n FROM households h WHERE ${STALE_HOUSEHOLDS_WHERE}`).get({ asOf, since: recentVisitSince(asOf, days) }) as { n: number }).n;
}

/** Concerns raised and resolved in [from, to]: two indexed range counts. */
export function concernFlows(db: Db, from: IsoDate, to: IsoDate): { raised: number; resolved: number } {
  return statement(db, 
      `SELECT (SELECT count(*) FROM concerns WHERE deleted_at IS NULL AND raised_on BETWEEN @from AND @to) AS raised,
              (SELECT count(*) FROM concerns WHERE deleted_at IS NULL AND resolved_on BETWEEN @from AND @to) AS resolved`,
    )
    .get({ from, to }) as { raised: number; resolved: number };
}

export interface ConcernState {
  open: number;
  overdue: number;
  awaiting_feedback: number;
}

/**
 * Open, overdue and awaiting feedback as the ledger stood on each of `days` (a concern is open
 * until resolved; awaiting feedback once resolved until the villager is told): one scan of the
 * covering index for all the days of a report's intervals.
 */
export function concernStates(db: Db, days: readonly IsoDate[]): ConcernState[] {
  if (days.length === 0) return [];
  const sums = days
    .map(
      (_, i) => `coalesce(sum(raised_on <= @d${i} AND (resolved_on IS NULL OR resolved_on > @d${i})), 0) AS open${i},
         coalesce(sum(raised_on <= @d${i} AND (resolved_on IS NULL OR resolved_on > @d${i}) AND due_on < @d${i}), 0) AS overdue${i},
         coalesce(sum(resolved_on <= @d${i} AND (feedback_on IS NULL OR feedback_on > @d${i})), 0) AS awaiting${i}`,
    )
    .join(',\n');
  const params = Object.fromEntries(days.map((d, i) => [`d${i}`, d]));
  const first = days.reduce((a, b) => (a < b ? a : b));
  const last = days.reduce((a, b) => (a > b ? a : b));
  // A concern finished (resolved and told) by the first day counts on none of them: skip it early.
  const row = statement(db, 
      `SELECT ${sums} FROM concerns
       WHERE deleted_at IS NULL AND raised_on <= @last AND NOT (coalesce(resolved_on <= @first, 0) AND coalesce(feedback_on <= @first, 0))`,
    )
    .get({ ...params, first, last }) as Record<string, number>;
  return days.map((_, i) => ({ open: row[`open${i}`]!, overdue: row[`overdue${i}`]!, awaiting_feedback: row[`awaiting${i}`]! }));
}

/** A narrative line with the ids redaction needs. */
export interface DetailRow extends Detail {
  person_id: number | null;
}

export interface Details {
  rows: DetailRow[];
  total: number;
}

/** A detail's own fields: selected as columns of the same name, moved into `fields`. */
type FieldSpec = Omit<DetailField, 'value'>;

function capped(db: Db, select: string, count: string, params: Record<string, unknown>, limit: number, fields: FieldSpec[] = []): Details {
  const total = (statement(db, count).get(params) as { n: number }).n;
  const newestFirst = `SELECT * FROM (${select}) ORDER BY date DESC, id DESC${limit > 0 ? ` LIMIT ${Math.floor(limit)}` : ''}`;
  const rows = statement(db, newestFirst).all(params) as (DetailRow & { id: number } & Record<string, unknown>)[];
  return {
    rows: rows.reverse().map((row) => {
      const { id: _id, ...r } = row;
      if (!fields.length) return r;
      for (const f of fields) delete (r as Record<string, unknown>)[f.key];
      return { ...r, fields: fields.map((f) => ({ ...f, value: String(row[f.key] ?? '') })) } as DetailRow;
    }),
    total,
  };
}

type DetailQuery = (db: Db, from: IsoDate, to: IsoDate, limit: number) => Details;

/** The items of each section dated in the period. */
export const DETAIL_QUERIES: Record<string, DetailQuery> = {
  visits: (db, from, to, limit) =>
    capped(
      db,
      `SELECT v.id, v.date, p.name AS who, v.person_id, coalesce(v.notes, '') AS what, NULL AS status, v.category
       FROM visits v JOIN people p ON p.id = v.person_id WHERE v.deleted_at IS NULL AND v.date BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM visits WHERE deleted_at IS NULL AND date BETWEEN @from AND @to',
      { from, to },
      limit,
      [{ key: 'category', labelKind: 'visit_category' }],
    ),
  concerns: (db, from, to, limit) =>
    capped(
      db,
      `SELECT c.id, c.raised_on AS date, coalesce(p.name, '') AS who, c.person_id, c.text AS what, c.status, 'concern_status' AS statusKind
       FROM concerns c LEFT JOIN people p ON p.id = c.person_id WHERE c.deleted_at IS NULL AND c.raised_on BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM concerns WHERE deleted_at IS NULL AND raised_on BETWEEN @from AND @to',
      { from, to },
      limit,
    ),
  disputes: (db, from, to, limit) =>
    capped(
      db,
      `SELECT d.id, d.registered_on AS date,
              coalesce((SELECT group_concat(coalesce(p.name, dp.name), '、') FROM dispute_parties dp LEFT JOIN people p ON p.id = dp.person_id
                        WHERE dp.dispute_id = d.id AND dp.deleted_at IS NULL), '') AS who,
              NULL AS person_id, d.title AS what, d.status, 'dispute_status' AS statusKind
       FROM disputes d WHERE d.deleted_at IS NULL AND d.registered_on BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM disputes WHERE deleted_at IS NULL AND registered_on BETWEEN @from AND @to',
      { from, to },
      limit,
    ),
  pairs: (db, from, to, limit) =>
    capped(
      db,
      `SELECT l.id, l.date, p.name AS who, pr.person_id, l.action || coalesce(' → ' || l.result, '') AS what,
              -- The pairing's status at the period's end.
              CASE WHEN pr.ended_on IS NOT NULL AND pr.ended_on <= @to THEN 'ended' ELSE 'active' END AS status, 'pair_status' AS statusKind, pr.helper
       FROM pair_logs l JOIN pairs pr ON pr.id = l.pair_id JOIN people p ON p.id = pr.person_id
       WHERE l.deleted_at IS NULL AND pr.deleted_at IS NULL AND l.date BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM pair_logs l JOIN pairs pr ON pr.id = l.pair_id WHERE l.deleted_at IS NULL AND pr.deleted_at IS NULL AND l.date BETWEEN @from AND @to',
      { from, to },
      limit,
      [{ key: 'helper', name: true }],
    ),
  meetings: (db, from, to, limit) =>
    capped(
      db,
      `SELECT m.id, m.date, coalesce(m.chair, '') AS who, NULL AS person_id, coalesce(m.topic, '') AS what, NULL AS status, m.type
       FROM meetings m WHERE m.deleted_at IS NULL AND m.date BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL AND date BETWEEN @from AND @to',
      { from, to },
      limit,
      [{ key: 'type', labelKind: 'meeting_type' }],
    ),
  decisions: (db, from, to, limit) =>
    capped(
      db,
      `SELECT s.id, s.date, '' AS who, NULL AS person_id, d.matter AS what, d.status, 'decision_status' AS statusKind, s.step
       FROM decision_steps s JOIN decisions d ON d.id = s.decision_id
       WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.date BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM decision_steps s JOIN decisions d ON d.id = s.decision_id WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.date BETWEEN @from AND @to',
      { from, to },
      limit,
      [{ key: 'step', labelKind: 'decision_step' }],
    ),
  plan: (db, from, to, limit) =>
    capped(
      db,
      // Dated by the event that puts it in the period: done in it, else due in it (done later or not yet).
      `SELECT m.id, CASE WHEN m.done_on BETWEEN @from AND @to THEN m.done_on ELSE m.due_on END AS date, coalesce(m.owner, '') AS who, NULL AS person_id,
              p.title || ' — ' || m.title AS what, m.status, 'plan_status' AS statusKind
       FROM plan_milestones m JOIN plans p ON p.id = m.plan_id
       WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL
         AND (m.due_on BETWEEN @from AND @to OR m.done_on BETWEEN @from AND @to)`,
      `SELECT count(*) AS n FROM plan_milestones m JOIN plans p ON p.id = m.plan_id
       WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND (m.due_on BETWEEN @from AND @to OR m.done_on BETWEEN @from AND @to)`,
      { from, to },
      limit,
    ),
};
