// The period counts behind the monthly dispute report: SQL aggregation over indexed date ranges.
import { asOfDay, computeDisputeCounts, type CountRow, type DisputePeriodCounts } from '../domain/dispute-counts.js';
import { addDays, type IsoDate } from '../time/dates.js';
import { bucketOf } from './buckets.js';
import type { Db } from './open.js';
import { getNumberSetting } from './settings.js';
import { statement } from './store.js';

/**
 * Events dated in [from, to], grouped: cases registered, agreements reached, cases closed by a
 * return visit that found the agreement performed, escalations and withdrawals. With `ends` (the
 * last days of a report's intervals) each row also says which interval it falls in (`bucket`).
 */
export function disputeFlowRows(db: Db, from: IsoDate, to: IsoDate, ends?: readonly IsoDate[]): (CountRow & { bucket?: number })[] {
  const day = ends ? `${bucketOf('e.date', ends)} AS bucket, ` : '';
  return statement(db, 
      `SELECT ${day}d.category, d.source, d.channel,
              CASE e.kind WHEN 'register' THEN 'registered' WHEN 'agreement' THEN 'resolved' WHEN 'revisit' THEN 'closed'
                          WHEN 'escalation' THEN 'escalated' ELSE 'withdrawn' END AS key,
              count(*) AS n
       FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id
       WHERE e.deleted_at IS NULL AND d.deleted_at IS NULL AND e.date BETWEEN @from AND @to
         AND (e.kind IN ('register', 'agreement', 'escalation', 'withdrawal') OR (e.kind = 'revisit' AND e.to_status = 'closed'))
       GROUP BY ${ends ? 'bucket, ' : ''}d.category, d.source, d.channel, key`,
    )
    .all({ from, to }) as CountRow[];
}

/**
 * The longest a finished case (closed, escalated, withdrawn) took from registration to its end, in
 * days. A finished case registered longer than that before a day had ended by then: the bound
 * lets the state "as of" a day read only the registrations of its last weeks, not of every year.
 */
export function longestFinishedCase(db: Db): number {
  const row = statement(db, 
      `SELECT max(julianday(status_on) - julianday(registered_on)) AS days FROM disputes
       WHERE deleted_at IS NULL AND status IN ('closed', 'escalated', 'withdrawn')`,
    )
    .get() as { days: number | null };
  return Math.ceil(row.days ?? 0);
}

/**
 * The ledger as it stood at the end of `asOf`: each case's state is its latest state-setting
 * event on or before that day. Only cases open now, or that ended after `asOf`, can have been open;
 * of the latter only those registered within `longest` days (longestFinishedCase) before it.
 */
export function disputeStockRows(db: Db, asOf: IsoDate, mediationDays: number, longest = longestFinishedCase(db)): CountRow[] {
  const rows = statement(db, 
      `WITH candidates AS (
         SELECT id FROM disputes
         WHERE deleted_at IS NULL AND status IN ('registered', 'mediating', 'resolved') AND registered_on <= @asOf
         UNION ALL
         SELECT id FROM disputes
         WHERE deleted_at IS NULL AND registered_on BETWEEN @since AND @asOf
           -- unary + keeps SQLite on the registration index (a few weeks) instead of the status one (years)
           AND +status IN ('closed', 'escalated', 'withdrawn') AND +status_on > @asOf
       ),
       state AS (
         SELECT d.category, d.source, d.channel, d.registered_on, e.to_status AS status, e.revisit_due
         FROM candidates c
         JOIN disputes d ON d.id = c.id
         JOIN dispute_events e ON e.id = (
           SELECT e2.id FROM dispute_events e2
           WHERE e2.dispute_id = d.id AND e2.to_status IS NOT NULL AND e2.deleted_at IS NULL AND e2.date <= @asOf
           ORDER BY e2.date DESC, e2.id DESC LIMIT 1)
       )
       SELECT category, source, channel,
              sum(status IN ('registered', 'mediating', 'resolved')) AS open,
              sum(status = 'mediating') AS mediating,
              sum((status IN ('registered', 'mediating') AND registered_on < @cutoff) OR (status = 'resolved' AND revisit_due < @asOf)) AS overdue,
              sum(status = 'resolved' AND revisit_due <= @asOf) AS revisits_due
       FROM state GROUP BY category, source, channel`,
    )
    .all({ asOf, since: addDays(asOf, -longest), cutoff: addDays(asOf, -mediationDays) }) as Array<Omit<CountRow, 'key' | 'n'> & Record<'open' | 'mediating' | 'overdue' | 'revisits_due', number>>;
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
