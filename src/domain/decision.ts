// Village decisions under "four discussions, two disclosures" (四议两公开). Pure rules: the six
// steps in order, the votes of the members' review and the resolution, dates never going back.
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';
import { atLeastTwoThirds, moreThanHalf, type MeetingType, type QuorumRule } from './meeting.js';

/** What a decision is about (the matters DOMAIN.md lists for 四议两公开). */
export const DECISION_KINDS = ['land-forest-transfer', 'collective-assets', 'borrowing', 'project', 'rules', 'plan', 'other'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** DOMAIN.md order. */
export const DECISION_STEPS = ['proposal', 'consultation', 'members-review', 'resolution', 'resolution-public', 'result-public'] as const;
export type DecisionStep = (typeof DECISION_STEPS)[number];

export const DECISION_STATUSES = ['in-progress', 'done', 'rejected'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Steps that are votes: they need counts and can fail. */
export const VOTE_STEPS: readonly DecisionStep[] = ['members-review', 'resolution'];

/** The meetings a vote step may be linked to. */
export const STEP_MEETING_TYPES: Partial<Record<DecisionStep, readonly MeetingType[]>> = {
  'members-review': ['branch-general'],
  resolution: ['villager-reps', 'villagers'],
};

/** In progress for longer than this without a step: "stuck". */
export const STUCK_DAYS = 30;

export interface Decision {
  id: number;
  uid: string;
  matter: string;
  kind: DecisionKind;
  date: IsoDate;
  status: DecisionStatus;
  /** The step to take next; null when done or rejected. */
  next_step: DecisionStep | null;
  steps: DecisionStepRecord[];
  created_at: string;
  updated_at: string;
}

export interface DecisionStepRecord {
  id: number;
  step: DecisionStep;
  date: IsoDate;
  meeting_id: number | null;
  expected: number | null;
  present: number | null;
  votes_for: number | null;
  /** null for a step that is not a vote */
  passed: boolean | null;
  combined: boolean;
  note: string | null;
}

export interface StepInput {
  step: DecisionStep;
  date: IsoDate;
  combined: boolean;
  meeting_id: number | null;
  /** The type of the linked meeting, if any. */
  meeting_type: MeetingType | null;
  expected: number | null;
  present: number | null;
  votes_for: number | null;
  note: string | null;
}

export type StepError =
  | { error: 'closed'; status: DecisionStatus }
  | { error: 'out_of_order'; expected: DecisionStep | null }
  | { error: 'combined_not_here' }
  | { error: 'date_backwards'; previous: IsoDate }
  | { error: 'counts_not_a_vote' }
  | { error: 'counts_missing' }
  | { error: 'counts_invalid' }
  | { error: 'wrong_meeting'; allowed: readonly MeetingType[] }
  | { error: 'no_quorum'; rule: QuorumRule };

export interface StepPlan {
  ok: true;
  rows: Array<Omit<DecisionStepRecord, 'id'>>;
  status: DecisionStatus;
}

export function nextStep(taken: readonly Pick<DecisionStepRecord, 'step'>[], status: DecisionStatus): DecisionStep | null {
  if (status !== 'in-progress') return null;
  return DECISION_STEPS[taken.length] ?? null;
}

/**
 * The quorum and the pass mark of a vote step. Members' review (条例 art. 11): more than half of
 * the members entitled present, and more than half of those entitled voting for. Resolution at a
 * villagers' representatives meeting (组织法 art. 26): two thirds present; at a villagers' meeting
 * (art. 22) more than half; either way it passes with more than half of those present.
 */
export function voteRules(step: DecisionStep, meetingType: MeetingType | null): { quorum: QuorumRule; passBase: 'expected' | 'present' } {
  if (step === 'members-review') return { quorum: 'more-than-half', passBase: 'expected' };
  return { quorum: meetingType === 'villagers' ? 'more-than-half' : 'two-thirds', passBase: 'present' };
}

/**
 * The step rows to write and the decision's status after them, or the rule the step breaks.
 * Steps follow DOMAIN.md order one by one; `combined` takes proposal and consultation together
 * (一肩挑). A vote without its quorum is refused; a vote that fails is recorded and rejects the decision.
 */
export function planStep(
  taken: readonly DecisionStepRecord[],
  status: DecisionStatus,
  input: StepInput,
): StepPlan | ({ ok: false } & StepError) {
  if (status !== 'in-progress') return { ok: false, error: 'closed', status };
  const expectedStep = nextStep(taken, status);
  if (input.combined) {
    if (taken.length !== 0 || (input.step !== 'proposal' && input.step !== 'consultation')) return { ok: false, error: 'combined_not_here' };
  } else if (input.step !== expectedStep) {
    return { ok: false, error: 'out_of_order', expected: expectedStep };
  }
  const previous = taken[taken.length - 1];
  if (previous && input.date < previous.date) return { ok: false, error: 'date_backwards', previous: previous.date };
  const base = { date: input.date, meeting_id: input.meeting_id, combined: input.combined, note: input.note };
  const isVote = VOTE_STEPS.includes(input.step);
  const anyCount = input.expected !== null || input.present !== null || input.votes_for !== null;
  if (!isVote) {
    if (anyCount) return { ok: false, error: 'counts_not_a_vote' };
    const none = { expected: null, present: null, votes_for: null, passed: null };
    const rows = input.combined
      ? [
          { ...base, step: 'proposal' as const, ...none },
          { ...base, step: 'consultation' as const, ...none },
        ]
      : [{ ...base, step: input.step, ...none }];
    return { ok: true, rows, status: input.step === 'result-public' ? 'done' : 'in-progress' };
  }
  const allowed = STEP_MEETING_TYPES[input.step]!;
  if (input.meeting_type !== null && !allowed.includes(input.meeting_type)) return { ok: false, error: 'wrong_meeting', allowed };
  const { expected, present, votes_for } = input;
  if (expected === null || present === null || votes_for === null) return { ok: false, error: 'counts_missing' };
  if (expected < 1 || present > expected || votes_for > present) return { ok: false, error: 'counts_invalid' };
  const rules = voteRules(input.step, input.meeting_type);
  const quorate = rules.quorum === 'more-than-half' ? moreThanHalf(present, expected) : atLeastTwoThirds(present, expected);
  if (!quorate) return { ok: false, error: 'no_quorum', rule: rules.quorum };
  const passed = moreThanHalf(votes_for, rules.passBase === 'expected' ? expected : present);
  return { ok: true, rows: [{ ...base, step: input.step, expected, present, votes_for, passed }], status: passed ? 'in-progress' : 'rejected' };
}

export interface StuckDecision {
  id: number;
  matter: string;
  kind: DecisionKind;
  /** The last step taken, null when none yet. */
  last_step: DecisionStep | null;
  next_step: DecisionStep;
  /** Date of the last step, or of the decision when no step was taken. */
  since: IsoDate;
  days: number;
}

/** A decision still open at `asOf`, as counted in SQL: how many steps it had then and the last one. */
export interface OpenDecisionRow {
  id: number;
  matter: string;
  kind: DecisionKind;
  date: IsoDate;
  taken: number;
  last_step: DecisionStep | null;
  last_date: IsoDate | null;
}

/** The date an open decision's next step falls due: `days` after its last step (or its start). */
export function stallDue(row: Pick<OpenDecisionRow, 'date' | 'last_date'>, days = STUCK_DAYS): IsoDate {
  return addDays(row.last_date ?? row.date, days);
}

/** Stuck: no step for longer than `days` (31 days since the last step is stuck at 30; 30 is not). */
export function stuckAt(row: OpenDecisionRow, asOf: IsoDate, days = STUCK_DAYS): StuckDecision | null {
  const since = row.last_date ?? row.date;
  const idle = daysBetween(since, asOf);
  const next = DECISION_STEPS[row.taken];
  if (asOf <= stallDue(row, days) || !next) return null;
  return { id: row.id, matter: row.matter, kind: row.kind, last_step: row.last_step, next_step: next, since, days: idle };
}
