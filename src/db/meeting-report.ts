// The figures the report needs from meetings and decisions, each (db, from, to, today) → plain
// objects. Counting is SQL aggregation over the indexed date ranges; rules come from the domain.
// Nothing dated after today counts: a meeting recorded ahead has not been held.
import { complianceCountRange, complianceGapsOf, computeCompliance, type ComplianceRow } from '../domain/compliance.js';
import { STUCK_DAYS, stuckAt, type OpenDecisionRow, type StuckDecision } from '../domain/decision.js';
import { FREQUENCIES, frequencySettingKey, MEETING_TYPES, type Frequency, type MeetingType } from '../domain/meeting.js';
import { addDays, type IsoDate } from '../time/dates.js';
import { meetingCountsByMonth } from './meetings.js';
import type { Db } from './open.js';
import { getSetting, ledgerStart } from './settings.js';
import { statement } from './store.js';

const until = (to: IsoDate, today: IsoDate) => (to < today ? to : today);
const rate = (present: number, expected: number) => (expected > 0 ? Math.round((present / expected) * 1000) / 1000 : null);

/** The required frequency of every type: the settings, else DOMAIN.md's defaults. */
export function meetingFrequencies(db: Db): Record<MeetingType, Frequency> {
  const out = {} as Record<MeetingType, Frequency>;
  for (const type of MEETING_TYPES) {
    const v = getSetting(db, frequencySettingKey(type));
    out[type] = (FREQUENCIES as readonly string[]).includes(v) ? (v as Frequency) : 'none';
  }
  return out;
}

/** Every required interval in [from, to] up to today since the ledger began: ok, missing or pending (what `fs meeting check` shows). */
export function meetingCompliance(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): ComplianceRow[] {
  const range = complianceCountRange(from, to, today);
  const counts = range.from <= range.to ? meetingCountsByMonth(db, range.from, range.to) : [];
  return computeCompliance(from, to, today, meetingFrequencies(db), counts, ledgerStart(db, today));
}

/** The required meetings missing in the period. */
export function complianceGaps(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): ComplianceRow[] {
  return complianceGapsOf(meetingCompliance(db, from, to, today));
}

export interface MeetingTypeStats {
  type: MeetingType;
  held: number;
  /** Votes recorded without a quorum (--force). */
  forced: number;
  /** Meetings that have both counts, and the pooled present / expected over them. */
  with_counts: number;
  attendance_rate: number | null;
}

/** Meetings held per type in the period, every type listed (zero included), DOMAIN.md order. */
export function meetingsHeldByType(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): MeetingTypeStats[] {
  const rows = statement(db, 
      `SELECT type, count(*) AS held, sum(forced) AS forced,
              count(CASE WHEN expected IS NOT NULL AND present IS NOT NULL THEN 1 END) AS with_counts,
              coalesce(sum(CASE WHEN expected IS NOT NULL AND present IS NOT NULL THEN present END), 0) AS present,
              coalesce(sum(CASE WHEN expected IS NOT NULL AND present IS NOT NULL THEN expected END), 0) AS expected
       FROM meetings WHERE deleted_at IS NULL AND date BETWEEN ? AND ? GROUP BY type`,
    )
    .all(from, until(to, today)) as Array<{ type: MeetingType; held: number; forced: number; with_counts: number; present: number; expected: number }>;
  return MEETING_TYPES.map((type) => {
    const r = rows.find((x) => x.type === type);
    return { type, held: r?.held ?? 0, forced: r?.forced ?? 0, with_counts: r?.with_counts ?? 0, attendance_rate: r ? rate(r.present, r.expected) : null };
  });
}

export interface AttendanceSummary {
  /** Meetings in the period that have both counts. */
  meetings: number;
  expected: number;
  present: number;
  /** Pooled: all present / all expected. */
  rate: number | null;
  /** The mean of each meeting's own rate. */
  mean_rate: number | null;
}

/** Average attendance over the period's meetings that recorded counts. */
export function averageAttendance(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): AttendanceSummary {
  const r = statement(db, 
      `SELECT count(*) AS meetings, coalesce(sum(expected), 0) AS expected, coalesce(sum(present), 0) AS present,
              avg(CAST(present AS REAL) / expected) AS mean_rate
       FROM meetings WHERE deleted_at IS NULL AND date BETWEEN ? AND ? AND expected > 0 AND present IS NOT NULL`,
    )
    .get(from, until(to, today)) as { meetings: number; expected: number; present: number; mean_rate: number | null };
  return { ...r, rate: rate(r.present, r.expected), mean_rate: r.mean_rate === null ? null : Math.round(r.mean_rate * 1000) / 1000 };
}

export interface DecisionSummary {
  /** Taken up in the period (the decision's date). */
  started: number;
  /** Result disclosed (the last step) in the period. */
  completed: number;
  /** A vote failed in the period. */
  rejected: number;
  /** Still in progress at the end of the period (or today) with no step for more than STUCK_DAYS. */
  stuck: StuckDecision[];
}

/** Decisions started, completed, rejected in the period, and those stuck at its end. */
export function decisionSummary(db: Db, from: IsoDate, to: IsoDate, today: IsoDate, stuckDays = STUCK_DAYS): DecisionSummary {
  const asOf = until(to, today);
  const started = (statement(db, 'SELECT count(*) AS n FROM decisions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?').get(from, asOf) as { n: number }).n;
  const stepCount = (cond: string) =>
    (
      statement(db, 
          `SELECT count(*) AS n FROM decision_steps s JOIN decisions d ON d.id = s.decision_id
           WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.date BETWEEN ? AND ? AND ${cond}`,
        )
        .get(from, asOf) as { n: number }
    ).n;
  const open = openDecisions(db, asOf, addDays(asOf, -stuckDays));
  return {
    started,
    completed: stepCount("s.step = 'result-public'"),
    rejected: stepCount('s.passed = 0'),
    stuck: open.map((r) => stuckAt(r, asOf, stuckDays)).filter((s): s is StuckDecision => s !== null),
  };
}

/**
 * Decisions still open on `asOf` (no result made public, none rejected) with their steps up to
 * then; with `idleBefore`, only those whose last step (or start) is before it. Read by the
 * report's "stuck" and by the agenda's "next step waited too long".
 */
export function openDecisions(db: Db, asOf: IsoDate, idleBefore?: IsoDate): Array<OpenDecisionRow & { uid: string }> {
  const live = 's.decision_id = d.id AND s.deleted_at IS NULL AND s.date <= @asOf';
  return statement(db, 
      `SELECT d.id, d.uid, d.matter, d.kind, d.date,
              (SELECT count(*) FROM decision_steps s WHERE ${live}) AS taken,
              (SELECT s.step FROM decision_steps s WHERE ${live} ORDER BY s.date DESC, s.id DESC LIMIT 1) AS last_step,
              (SELECT max(s.date) FROM decision_steps s WHERE ${live}) AS last_date
       FROM decisions d
       WHERE d.deleted_at IS NULL AND d.date <= @asOf
         AND NOT EXISTS (SELECT 1 FROM decision_steps s WHERE ${live} AND (s.step = 'result-public' OR s.passed = 0))
         AND coalesce((SELECT max(s.date) FROM decision_steps s WHERE ${live}), d.date) < @cutoff
       ORDER BY d.date, d.id`,
    )
    .all({ asOf, cutoff: idleBefore ?? '9999-12-31' }) as Array<OpenDecisionRow & { uid: string }>;
}
