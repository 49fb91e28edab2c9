// "What is due or overdue on day D": one rule set with four readers (fs agenda, the documents'
// 存在的问题 and 下步工作打算, the handover, the county). Pure: the ledger's state comes in from
// src/db/due.ts (loadDueState), today and the horizon are passed in. Each rule reuses the
// entity's own domain rule (concern, dispute, pair, plan, decision, compliance, coverage), so
// "overdue" here is exactly what `concern list --overdue` and the others call overdue.
import type { IsoDate } from '../time/dates.js';
import type { Concern } from './concerns.js';
import type { Dispute } from './dispute.js';
import type { ComplianceRow } from './compliance.js';
import type { OpenDecisionRow } from './decision.js';
import type { Pair } from './pair.js';
import type { Milestone, Plan } from './plan.js';
import type { CategoryCount } from './visits.js';

export const DUE_KINDS = ['concern', 'dispute', 'pair', 'meeting', 'plan', 'decision', 'visit'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/** Why an item is on the list: a stable key (JSON, tests); the title says it in words. */
export const DUE_REASONS = [
  'concern-due', // not resolved by its due date
  'concern-feedback', // resolved, the villager not yet told
  'dispute-mediation', // mediation deadline
  'dispute-revisit', // return visit due
  'dispute-court', // the court-confirmation window closing
  'pair-contact', // next contact due by cadence
  'meeting-pending', // required meeting not yet held in the current interval
  'meeting-missing', // required meeting not held in a past interval (since ledger.start)
  'plan-milestone', // milestone due or overdue
  'plan-practical', // practical thing due or overdue
  'decision-stalled', // next step waited more than decision.stall_days
  'visit-stale', // household not visited for visit.stale_days
  'visit-category', // must-visit category not yet visited this month
  'visit-topic', // must-ask topic not yet asked this month
] as const;
export type DueReason = (typeof DUE_REASONS)[number];

/** The record an item is about. Derived items (a meeting not held, a topic not asked) have no row: id and uid null. */
export interface DueRef {
  entity: string;
  id: number | null;
  uid: string | null;
}

export interface DueItem {
  kind: DueKind;
  reason: DueReason;
  ref: DueRef;
  /** What it is, in the user's language (the record's own words where it has them). */
  title: string;
  person: string | null;
  due: IsoDate;
  /** Days from today to `due`: negative = overdue, 0 = due today. */
  days: number;
  /** The command that deals with it, e.g. `fs concern update 12 --status resolved`. */
  action: string;
}

/** A household with nobody's visit since `visit.stale_days` before the horizon's end. */
export interface StaleHouseholdState {
  household_id: number;
  uid: string;
  household: string;
  last_visit: IsoDate | null;
}

/** Everything dueItems needs, read once by loadDueState(db, today, horizon) in src/db/due.ts. */
export interface DueState {
  /** The day the ledger began (setting `ledger.start`, default the date of the first record). */
  ledgerStart: IsoDate;
  settings: { mediationDays: number; staleDays: number; stallDays: number };
  /** Concerns not finished (not resolved, or resolved and the villager not told). */
  concerns: Concern[];
  /** Disputes in mediation or resolved (the only states with something due). */
  disputes: Dispute[];
  /** Active pairings. */
  pairs: Pair[];
  /** Required meetings per interval from ledger.start to the horizon, pending ones included. */
  meetings: ComplianceRow[];
  /** Milestones neither done nor dropped, with the plan's uid. */
  milestones: Milestone[];
  /** Practical things neither done nor dropped, with a due date. */
  practical: Plan[];
  /** Decisions still open. */
  decisions: (OpenDecisionRow & { uid: string })[];
  /** Households stale by the horizon's end. */
  staleHouseholds: StaleHouseholdState[];
  /** This month's visits by category, for the five must visits and five must asks. */
  coverage: CategoryCount[];
}

/**
 * Everything overdue on `today` and everything falling due within `horizonDays` after it,
 * sorted by due date (overdue first), then kind and title.
 */
export function dueItems(state: DueState, today: IsoDate, horizonDays: number): DueItem[] {
  void state;
  void today;
  void horizonDays;
  return [];
}
