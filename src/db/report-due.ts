// Stand-in queries for the due rules until src/db/due.ts (branch `agenda`) lands: what was open on
// a day and when it fell or falls due. Only src/report/due.ts reads these; the lead swaps that one
// adapter for dueItems() and this file goes.
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { statement } from './store.js';

export interface OpenDue {
  reason: 'concern-due' | 'concern-feedback' | 'dispute-mediation' | 'dispute-revisit' | 'pair-contact' | 'plan-milestone';
  ref: number;
  title: string;
  person: string | null;
  due: IsoDate;
  /** Days from `asOf` to `due`: negative when overdue. */
  days: number;
}

/**
 * Everything open on `asOf` falling due by `last` (overdue included), with its due day: concerns not resolved (their due date) or resolved
 * and not yet told (the day resolved), cases in mediation (registration + mediation days) or
 * awaiting their return visit, pairings' next contact, milestones not done.
 */
export function openDueOn(db: Db, asOf: IsoDate, mediationDays: number, last: IsoDate): OpenDue[] {
  return statement(
    db,
    `SELECT *, CAST(julianday(due) - julianday(@asOf) AS INTEGER) AS days FROM (
     SELECT 'concern-due' AS reason, c.id AS ref, c.text AS title, p.name AS person, c.due_on AS due
       FROM concerns c LEFT JOIN people p ON p.id = c.person_id
       WHERE c.deleted_at IS NULL AND c.due_on IS NOT NULL AND c.raised_on <= @asOf AND (c.resolved_on IS NULL OR c.resolved_on > @asOf)
     UNION ALL
     SELECT 'concern-feedback', c.id, c.text, p.name, c.resolved_on
       FROM concerns c LEFT JOIN people p ON p.id = c.person_id
       -- On the raised index (it holds resolved_on and feedback_on), not the resolved one: years of answered concerns.
       WHERE c.deleted_at IS NULL AND c.raised_on <= @asOf AND +c.resolved_on <= @asOf AND (c.feedback_on IS NULL OR c.feedback_on > @asOf)
     UNION ALL
     SELECT CASE WHEN s.status = 'resolved' THEN 'dispute-revisit' ELSE 'dispute-mediation' END, s.id, s.title, NULL,
            CASE WHEN s.status = 'resolved' THEN s.revisit_due ELSE date(s.registered_on, '+' || @days || ' days') END
       FROM (SELECT d.id, d.title, d.registered_on, e.to_status AS status, e.revisit_due
             FROM disputes d JOIN dispute_events e ON e.id = (
               SELECT e2.id FROM dispute_events e2 WHERE e2.dispute_id = d.id AND e2.to_status IS NOT NULL AND e2.deleted_at IS NULL AND e2.date <= @asOf
               ORDER BY e2.date DESC, e2.id DESC LIMIT 1)
             -- Open today, or changed after asOf (so possibly open then): not the whole history.
             WHERE d.deleted_at IS NULL AND d.registered_on <= @asOf
               AND (d.status IN ('registered', 'mediating', 'resolved') OR d.status_on > @asOf)) s
       WHERE s.status IN ('registered', 'mediating') OR (s.status = 'resolved' AND s.revisit_due IS NOT NULL)
     UNION ALL
     SELECT 'pair-contact', pr.id, pr.needs, pe.name,
            date(coalesce((SELECT max(l.date) FROM pair_logs l WHERE l.pair_id = pr.id AND l.deleted_at IS NULL AND l.date <= @asOf), pr.started_on), '+' || pr.cadence_days || ' days')
       FROM pairs pr JOIN people pe ON pe.id = pr.person_id
       WHERE pr.deleted_at IS NULL AND pr.started_on <= @asOf AND (pr.ended_on IS NULL OR pr.ended_on > @asOf)
     UNION ALL
     SELECT 'plan-milestone', m.id, p.title || ' — ' || m.title, m.owner, m.due_on
       FROM plan_milestones m JOIN plans p ON p.id = m.plan_id
       WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND (m.done_on IS NULL OR m.done_on > @asOf) AND m.status <> 'dropped'
     ) WHERE due <= @last ORDER BY due, reason, ref`,
  ).all({ asOf, days: mediationDays, last }) as OpenDue[];
}
