// The 台账 sheets' rows, straight from the tables: one query per ledger, children folded into text
// with group_concat so a sheet is one pass. Visits are iterated, not loaded, for large ledgers.
// People removed from the roster keep their names here: past records still name them.
import type { ConcernLedgerRow, DecisionLedgerRow, DisputeLedgerRow, MeetingLedgerRow, PairLedgerRow, PlanLedgerRow, VisitLedgerRow } from '../domain/ledger-records.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';

export interface LedgerRange {
  from: IsoDate;
  to: IsoDate;
}

/** Everything: no record is dated outside these. */
export const ALL_TIME: LedgerRange = { from: '0001-01-01', to: '9999-12-31' };

export function visitLedger(db: Db, r: LedgerRange): IterableIterator<VisitLedgerRow> {
  return db
    .prepare(
      `SELECT v.date, p.name AS person, h.label AS household, coalesce(h.village_group, p.village_group) AS "group",
              v.category, v.topics, v.notes, v.place,
              (SELECT group_concat(c.text, char(10)) FROM concerns c WHERE c.visit_id = v.id AND c.deleted_at IS NULL) AS concerns
       FROM visits v JOIN people p ON p.id = v.person_id LEFT JOIN households h ON h.id = coalesce(v.household_id, p.household_id)
       WHERE v.deleted_at IS NULL AND v.date BETWEEN ? AND ? ORDER BY v.date, v.id`,
    )
    .iterate(r.from, r.to) as IterableIterator<VisitLedgerRow>;
}

export function concernLedger(db: Db, r: LedgerRange): ConcernLedgerRow[] {
  return db
    .prepare(
      `SELECT c.raised_on, p.name AS person, c.text, c.status, c.referred_to, c.due_on, c.resolved_on, c.feedback_on
       FROM concerns c LEFT JOIN people p ON p.id = c.person_id
       WHERE c.deleted_at IS NULL AND c.raised_on BETWEEN ? AND ? ORDER BY c.raised_on, c.id`,
    )
    .all(r.from, r.to) as ConcernLedgerRow[];
}

/**
 * Every case touched in the range: registered in it, or with an event in it (the two found by
 * their indexes, not by an EXISTS on each of the ledger's 50,000 cases).
 */
export function disputeLedger(db: Db, r: LedgerRange): DisputeLedgerRow[] {
  return db
    .prepare(
      `SELECT d.registered_on, d.title, d.category, d.source, d.channel, d.description, d.agreement, d.agreed_on, d.perform_by,
              d.status, d.risk, d.flags,
              (SELECT group_concat(coalesce(pe.name, dp.name), '、') FROM (SELECT * FROM dispute_parties WHERE dispute_id = d.id AND deleted_at IS NULL ORDER BY position) dp
                 LEFT JOIN people pe ON pe.id = dp.person_id) AS parties,
              (SELECT json_group_array(json_object('date', e.date, 'kind', e.kind, 'note', e.note, 'participants', json(e.participants),
                                                   'performed', e.performed, 'satisfied', e.satisfied, 'escalated_to', e.escalated_to))
                 FROM (SELECT * FROM dispute_events WHERE dispute_id = d.id AND deleted_at IS NULL ORDER BY date, id) e) AS events
       FROM disputes d
       WHERE d.deleted_at IS NULL
         AND d.id IN (SELECT id FROM disputes WHERE deleted_at IS NULL AND registered_on BETWEEN @from AND @to
                      UNION SELECT dispute_id FROM dispute_events WHERE deleted_at IS NULL AND date BETWEEN @from AND @to)
       ORDER BY d.registered_on, d.id`,
    )
    .all(r) as DisputeLedgerRow[];
}

/** Pairings active at some time in the range, with their help entries in it. */
export function pairLedger(db: Db, r: LedgerRange): PairLedgerRow[] {
  return db
    .prepare(
      `SELECT pr.helper, pe.name AS person, pr.needs, pr.measures, pr.started_on, pr.ended_on, pr.cadence_days,
              (SELECT max(l.date) FROM pair_logs l WHERE l.pair_id = pr.id AND l.deleted_at IS NULL) AS last_contact,
              (SELECT json_group_array(json_object('date', l.date, 'action', l.action, 'result', l.result))
                 FROM (SELECT * FROM pair_logs WHERE pair_id = pr.id AND deleted_at IS NULL AND date BETWEEN @from AND @to ORDER BY date, id) l) AS logs
       FROM pairs pr JOIN people pe ON pe.id = pr.person_id
       WHERE pr.deleted_at IS NULL AND pr.started_on <= @to AND (pr.ended_on IS NULL OR pr.ended_on >= @from)
       ORDER BY pr.helper, pr.started_on, pr.id`,
    )
    .all(r) as PairLedgerRow[];
}

export function meetingLedger(db: Db, r: LedgerRange): MeetingLedgerRow[] {
  return db
    .prepare(
      `SELECT m.date, m.type, m.topic, m.expected, m.present, m.decisions,
              (SELECT json_group_array(json_object('name', coalesce(pe.name, a.name), 'reason', a.reason))
                 FROM (SELECT * FROM meeting_attendance WHERE meeting_id = m.id AND present = 0 ORDER BY seq) a
                 LEFT JOIN people pe ON pe.id = a.person_id) AS absent
       FROM meetings m WHERE m.deleted_at IS NULL AND m.date BETWEEN ? AND ? ORDER BY m.date, m.id`,
    )
    .all(r.from, r.to) as MeetingLedgerRow[];
}

/** Matters taken up in the range, or with a step in it. */
export function decisionLedger(db: Db, r: LedgerRange): DecisionLedgerRow[] {
  return db
    .prepare(
      `SELECT d.matter, d.kind, d.status,
              (SELECT json_group_array(json_object('step', s.step, 'date', s.date, 'expected', s.expected, 'present', s.present,
                                                   'votes_for', s.votes_for, 'passed', s.passed, 'note', s.note))
                 FROM (SELECT * FROM decision_steps WHERE decision_id = d.id AND deleted_at IS NULL ORDER BY date, id) s) AS steps
       FROM decisions d
       WHERE d.deleted_at IS NULL
         AND (d.date BETWEEN @from AND @to
              OR EXISTS (SELECT 1 FROM decision_steps s WHERE s.decision_id = d.id AND s.deleted_at IS NULL AND s.date BETWEEN @from AND @to))
       ORDER BY d.date, d.id`,
    )
    .all(r) as DecisionLedgerRow[];
}

/** Goals and practical things that were not finished or dropped before the range began. */
export function planLedger(db: Db, r: LedgerRange): PlanLedgerRow[] {
  return db
    .prepare(
      `SELECT p.title, p.area, p.kind, p.target, p.measures, p.owner, p.due_on, p.status, p.done_on, p.dropped_on,
              (SELECT g.percent FROM plan_progress g WHERE g.plan_id = p.id AND g.deleted_at IS NULL AND g.percent IS NOT NULL AND g.date <= @to
                 ORDER BY g.date DESC, g.id DESC LIMIT 1) AS percent,
              (SELECT g.note FROM plan_progress g WHERE g.plan_id = p.id AND g.deleted_at IS NULL AND g.date <= @to
                 ORDER BY g.date DESC, g.id DESC LIMIT 1) AS progress_note,
              (SELECT json_group_array(json_object('title', m.title, 'due_on', m.due_on, 'status', m.status, 'done_on', m.done_on))
                 FROM (SELECT * FROM plan_milestones WHERE plan_id = p.id AND deleted_at IS NULL ORDER BY due_on, id) m) AS milestones
       FROM plans p
       WHERE p.deleted_at IS NULL AND coalesce(p.done_on, p.dropped_on, '9999-12-31') >= @from
       ORDER BY p.kind DESC, p.area, p.id`,
    )
    .all(r) as PlanLedgerRow[];
}

/** The day of the ledger's first dated record (today when it has none): where "everything" begins. */
export function firstRecordDate(db: Db, today: IsoDate): IsoDate {
  const row = db
    .prepare(
      `SELECT min(d) AS d FROM (
         SELECT min(date) AS d FROM visits WHERE deleted_at IS NULL
         UNION ALL SELECT min(raised_on) FROM concerns WHERE deleted_at IS NULL
         UNION ALL SELECT min(registered_on) FROM disputes WHERE deleted_at IS NULL
         UNION ALL SELECT min(started_on) FROM pairs WHERE deleted_at IS NULL
         UNION ALL SELECT min(date) FROM meetings WHERE deleted_at IS NULL
         UNION ALL SELECT min(date) FROM decisions WHERE deleted_at IS NULL)`,
    )
    .get() as { d: IsoDate | null };
  return row.d && row.d < today ? row.d : today;
}
