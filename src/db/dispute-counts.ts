// The period counts behind the monthly dispute report: SQL aggregation over indexed date ranges.
import { asOfDay, computeDisputeCounts, type CountRow, type DisputePeriodCounts } from '../domain/dispute-counts.js';
import { addDays, type IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { getNumberSetting } from './settings.js';
import { statement } from './store.js';

/**
 * Events dated in [from, to], grouped: cases registered, agreements reached, cases closed by a
 * return visit that found the agreement performed, escalations and withdrawals. A report split
 * by interval asks for each interval: a query each costs less than one over the period whose
 * rows must all be told their interval before they are grouped. Each event's case is read from
 * disputes_kind (0011), which holds the grouped columns: the planner takes the table's rows by
 * rowid otherwise, reading twice the pages (measured: 10 → 5 ms a month on the 1M ledger).
 */
export function disputeFlowRows(db: Db, from: IsoDate, to: IsoDate): CountRow[] {
  return statement(db, 
      `SELECT d.category, d.source, d.channel,
              CASE e.kind WHEN 'register' THEN 'registered' WHEN 'agreement' THEN 'resolved' WHEN 'revisit' THEN 'closed'
                          WHEN 'escalation' THEN 'escalated' ELSE 'withdrawn' END AS key,
              count(*) AS n
       FROM dispute_events e JOIN disputes d INDEXED BY disputes_kind ON d.id = e.dispute_id
       WHERE e.deleted_at IS NULL AND d.deleted_at IS NULL AND e.date BETWEEN @from AND @to
         AND (e.kind IN ('register', 'agreement', 'escalation', 'withdrawal') OR (e.kind = 'revisit' AND e.to_status = 'closed'))
       GROUP BY d.category, d.source, d.channel, key`,
    )
    .all({ from, to }) as CountRow[];
}

/**
 * The longest a case finished (closed, escalated, withdrawn) after `after` took from registration
 * to its end, in days. On any day from `after` on, a case finished since was one of these: one
 * registered longer than that before the day had ended by then. The bound lets the state "as of"
 * a day read only the registrations of its last weeks, not of every year; and reading only the
 * cases finished after a report's first day reads a fifth of the status index for a year's report.
 */
export function longestFinishedCase(db: Db, after: IsoDate): number {
  const row = statement(db, 
      `SELECT max(julianday(status_on) - julianday(registered_on)) AS days FROM disputes
       WHERE deleted_at IS NULL AND status IN ('closed', 'escalated', 'withdrawn') AND status_on > ?`,
    )
    .get(after) as { days: number | null };
  return Math.ceil(row.days ?? 0);
}

/** The cases open now and registered by @asOf: the state of each is read as of @asOf. */
const OPEN_NOW = `SELECT id, category, source, channel, registered_on FROM disputes
         WHERE deleted_at IS NULL AND status IN ('registered', 'mediating', 'resolved') AND registered_on <= @asOf`;

/**
 * The cases finished after @asOf and registered by it, which may have been open then: found among
 * the registrations of the @since..@asOf weeks (the registration index holds every column needed;
 * unary + keeps SQLite on it rather than on the status index, years long for an old day), or,
 * without a bound, among the cases finished after @asOf (the status index: short for a recent day).
 */
const FINISHED_AFTER = {
  since: `SELECT id, category, source, channel, registered_on FROM disputes
         WHERE deleted_at IS NULL AND registered_on BETWEEN @since AND @asOf
           AND +status IN ('closed', 'escalated', 'withdrawn') AND +status_on > @asOf`,
  all: `SELECT id, category, source, channel, registered_on FROM disputes
         WHERE deleted_at IS NULL AND status IN ('closed', 'escalated', 'withdrawn') AND status_on > @asOf AND +registered_on <= @asOf`,
};

/**
 * The ledger as it stood at the end of `asOf`: each case's state is its latest state-setting
 * event on or before that day. Only cases open now, or that ended after `asOf`, can have been open.
 * With `longest` (longestFinishedCase after `asOf` or a day before it: worth reading once for a
 * report's many days), the latter are looked for among the registrations of the `longest` days
 * before `asOf` only; both ways find the same cases, since none took longer.
 */
export function disputeStockRows(db: Db, asOf: IsoDate, mediationDays: number, longest?: number): CountRow[] {
  const rows = statement(db, 
      `WITH candidates AS (
         ${OPEN_NOW}
         UNION ALL
         ${longest === undefined ? FINISHED_AFTER.all : FINISHED_AFTER.since}
       ),
       state AS (
         SELECT c.category, c.source, c.channel, c.registered_on, e.to_status AS status, e.revisit_due
         FROM candidates c
         JOIN dispute_events e ON e.id = (
           SELECT e2.id FROM dispute_events e2
           WHERE e2.dispute_id = c.id AND e2.to_status IS NOT NULL AND e2.deleted_at IS NULL AND e2.date <= @asOf
           ORDER BY e2.date DESC, e2.id DESC LIMIT 1)
       )
       SELECT category, source, channel,
              sum(status IN ('registered', 'mediating', 'resolved')) AS open,
              sum(status = 'mediating') AS mediating,
              sum((status IN ('registered', 'mediating') AND registered_on < @cutoff) OR (status = 'resolved' AND revisit_due < @asOf)) AS overdue,
              sum(status = 'resolved' AND revisit_due <= @asOf) AS revisits_due
       FROM state GROUP BY category, source, channel`,
    )
    .all({ asOf, cutoff: addDays(asOf, -mediationDays), ...(longest === undefined ? {} : { since: addDays(asOf, -longest) }) }) as Array<Omit<CountRow, 'key' | 'n'> & Record<'open' | 'mediating' | 'overdue' | 'revisits_due', number>>;
  return rows.flatMap((r) =>
    (['open', 'mediating', 'overdue', 'revisits_due'] as const).map((key) => ({ category: r.category, source: r.source, channel: r.channel, key, n: r[key] })),
  );
}

/**
 * Every figure of the monthly dispute report for [from, to]: registered, resolved, closed,
 * escalated and withdrawn in the period; open, mediating, overdue and return visits due at its
 * end (or today, while it runs); by category, by source, petitions apart, and the zero report.
 */
export function disputePeriodCounts(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): DisputePeriodCounts {
  const mediationDays = getNumberSetting(db, 'dispute.mediation_days');
  const rows = [...disputeFlowRows(db, from, to), ...disputeStockRows(db, asOfDay(to, today), mediationDays)];
  return computeDisputeCounts(rows, from, to, today);
}
