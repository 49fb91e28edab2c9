// The report's own queries: visit and concern figures for a date range (the narrative's items are
// in report-details.ts). Figures of the other sections come from their own db modules
// (dispute-counts, pair-report, meeting-report, plan-reports).
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { recentVisitSince, VISIT_TOPICS, type VisitCategory, type VisitTopic } from '../domain/visits.js';
import { STALE_HOUSEHOLDS_WHERE } from './visits.js';
import { statement } from './store.js';

export interface VisitDay {
  date: IsoDate;
  category: VisitCategory;
  visits: number;
  by_topic: Record<VisitTopic, number>;
}

/**
 * Visits per day and category, with the topics asked, over [from, to]: a range of the table of
 * day counts (no visit read). Reports sum the days into weeks, months and quarters.
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

export type RememberedVisitDays = Array<[string, VisitDay[]]>;

/** Whether visitCountsByDay on `db` is remembering (inside rememberingVisitDays). */
export function isRememberingVisitDays(db: Db): boolean {
  return remembered.has(db);
}

/** The ranges visitCountsByDay has scanned on `db` so far, to hand to a connection that reads the same snapshot. */
export function rememberedVisitDays(db: Db): RememberedVisitDays {
  return [...(remembered.get(db) ?? [])];
}

/**
 * Ranges scanned by another connection on the same snapshot (the report worker's): answered from
 * memory here too, while `db` is remembering. Anything else would be another state of the ledger.
 */
export function shareVisitDays(db: Db, days: RememberedVisitDays): void {
  const memo = remembered.get(db);
  if (memo) for (const [key, rows] of days) if (!memo.has(key)) memo.set(key, rows);
}

function countVisitsByDay(db: Db, from: IsoDate, to: IsoDate): VisitDay[] {
  // visit_days (migration 0012): kept by triggers in step with every write to visits.
  const rows = statement(db, `SELECT date, category, visits, ${VISIT_TOPICS.map((k) => `"${k}"`).join(', ')} FROM visit_days WHERE date BETWEEN ? AND ? ORDER BY date, category`)
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

export interface Reach {
  people: number;
  households: number;
}

/** Ids this large are counted by the queries above: the one-pass count keeps a slot per id. */
const REACH_MAX_ID = 1 << 20;

/**
 * People and households visited in a period and in each of its intervals, which tile it in order
 * (a report split --by): one read of the covering (date, person, household) index, interval by
 * interval, each row one number (person and household packed), counted in JS. A query per range
 * would read the year's visits once per month, or seek every person and household for each.
 * Ledgers whose ids would not fit the packing are counted with visitReach per range.
 */
export function visitReachSplit(db: Db, period: { from: IsoDate; to: IsoDate }, intervals: readonly { from: IsoDate; to: IsoDate }[]): { total: Reach; per: Reach[] } {
  // A long period unsplit is one interval read the same way: seeking every person and household
  // in their own indexes takes twice as long as one read of a year's visits.
  const short = intervals.length === 0 && daysBetween(period.from, period.to) <= 62;
  const tiling = intervals.length > 0 ? intervals : [period];
  const ids = !short && tiles(period, tiling) ? reachIds(db) : undefined;
  if (!ids) return { total: visitReach(db, period.from, period.to), per: intervals.map((r) => visitReach(db, r.from, r.to)) };
  // Packed as person * m + household (0 for none), below 2^53: exact in a double.
  const m = ids.household + 1;
  const scan = statement(db, 'SELECT person_id * ? + coalesce(household_id, 0) FROM visits INDEXED BY visits_reach WHERE deleted_at IS NULL AND date BETWEEN ? AND ?').pluck();
  // The last interval (1-based) each id was seen in; 0 = not seen in the period yet.
  const person = new Int32Array(ids.person + 1);
  const household = new Int32Array(ids.household + 1);
  const total = { people: 0, households: 0 };
  const per = tiling.map((r, i) => {
    const mark = i + 1;
    let people = 0;
    let households = 0;
    for (const v of scan.all(m, r.from, r.to) as number[]) {
      const p = Math.floor(v / m);
      const h = v - p * m;
      if (person[p] !== mark) {
        if (person[p] === 0) total.people++;
        person[p] = mark;
        people++;
      }
      if (h !== 0 && household[h] !== mark) {
        if (household[h] === 0) total.households++;
        household[h] = mark;
        households++;
      }
    }
    return { people, households };
  });
  return { total, per: intervals.length > 0 ? per : [] };
}

/** Whether the intervals cover the period exactly, in order, each day once. */
function tiles(period: { from: IsoDate; to: IsoDate }, intervals: readonly { from: IsoDate; to: IsoDate }[]): boolean {
  return (
    intervals[0]!.from === period.from &&
    intervals[intervals.length - 1]!.to === period.to &&
    intervals.every((r, i) => r.from <= r.to && (i === 0 || r.from === addDays(intervals[i - 1]!.to, 1)))
  );
}

/** The largest person and household ids among the visits, if every id is a small positive integer. */
function reachIds(db: Db): { person: number; household: number } | undefined {
  const r = statement(db, 
    `SELECT (SELECT min(person_id) FROM visits WHERE deleted_at IS NULL) AS p0, (SELECT max(person_id) FROM visits WHERE deleted_at IS NULL) AS p1,
            (SELECT min(household_id) FROM visits WHERE deleted_at IS NULL) AS h0, (SELECT max(household_id) FROM visits WHERE deleted_at IS NULL) AS h1`,
  ).get() as Record<'p0' | 'p1' | 'h0' | 'h1', unknown>;
  const ok = (lo: unknown, hi: unknown) => lo === null || (Number.isInteger(lo) && Number.isInteger(hi) && (lo as number) >= 1 && (hi as number) <= REACH_MAX_ID);
  if (!ok(r.p0, r.p1) || !ok(r.h0, r.h1)) return undefined;
  return { person: (r.p1 as number | null) ?? 0, household: (r.h1 as number | null) ?? 0 };
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
 * covering index for all the days of a report's intervals. Each concern is open from the first of
 * the (sorted) days on or after it was raised until the first on or after it was resolved, overdue
 * from the first after its due date, and so on: SQL groups the concerns by those four day indexes
 * (a few dozen groups) and the counts per day are summed here from the groups.
 */
export function concernStates(db: Db, days: readonly IsoDate[]): ConcernState[] {
  if (days.length === 0) return [];
  const sorted = [...new Set(days)].sort();
  const n = sorted.length;
  const params = Object.fromEntries(sorted.map((d, i) => [`d${i}`, d]));
  // The index of the first day on which `test` holds for the column (days ascending), n if none or NULL.
  const firstDay = (column: string, test: '<=' | '<') => `CASE WHEN ${column} IS NULL THEN ${n} ${sorted.map((_, i) => `WHEN ${column} ${test} @d${i} THEN ${i}`).join(' ')} ELSE ${n} END`;
  // A concern finished (resolved and told) by the first day counts on none of them: skip it early.
  const groups = statement(db, 
      `SELECT ${firstDay('raised_on', '<=')}, ${firstDay('resolved_on', '<=')}, ${firstDay('feedback_on', '<=')}, ${firstDay('due_on', '<')}, count(*)
       FROM concerns
       WHERE deleted_at IS NULL AND raised_on <= @last AND NOT (coalesce(resolved_on <= @first, 0) AND coalesce(feedback_on <= @first, 0))
       GROUP BY 1, 2, 3, 4`,
    )
    .raw()
    .all({ ...params, first: sorted[0], last: sorted[n - 1] }) as [number, number, number, number, number][];
  const states = sorted.map(() => ({ open: 0, overdue: 0, awaiting_feedback: 0 }));
  for (const [raised, resolved, feedback, pastDue, count] of groups) {
    // Open on days [raised, resolved), overdue on those from pastDue on, awaiting on [resolved, feedback).
    for (let i = raised; i < resolved; i++) {
      states[i]!.open += count;
      if (i >= pastDue) states[i]!.overdue += count;
    }
    for (let i = resolved; i < feedback; i++) states[i]!.awaiting_feedback += count;
  }
  return days.map((d) => ({ ...states[sorted.indexOf(d)]! }));
}
