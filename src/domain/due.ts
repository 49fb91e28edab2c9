// "What is due or overdue on day D": one rule set with four readers (fs agenda, the documents'
// 存在的问题 and 下步工作打算, the handover, the county). Pure: the ledger's state comes in from
// src/db/due.ts (loadDueState), today and the horizon are passed in. From a command:
//   dueItems(loadDueState(db, today, horizon), today, horizon)   or   listDueItems(db, today, horizon)
// The state is the ledger as it is now (a concern resolved since is not open): for a past day D
// the meetings and visits are as of D, the records' statuses as of now. Each rule reuses the
// entity's own domain rule (concern, dispute, pair, plan, decision, compliance, coverage), so
// "overdue" here is exactly what `concern list --overdue` and the others call overdue.
import { joinList, label, t } from '../i18n/index.js';
import { addDays, dayNumber, type IsoDate } from '../time/dates.js';
import { monthOf } from '../time/periods.js';
import type { ComplianceRow } from './compliance.js';
import type { Concern } from './concerns.js';
import { courtConfirmationUntil, MEDIATION_STATUSES, nextDue, type Dispute } from './dispute.js';
import { DECISION_STEPS, stallDue, type OpenDecisionRow } from './decision.js';
import { nextContactDue, type Pair } from './pair.js';
import { isFinished, type Milestone, type Plan } from './plan.js';
import type { PresenceSummary } from './presence.js';
import { computeCoverage, type CategoryCount } from './visits.js';

export const DUE_KINDS = ['concern', 'dispute', 'pair', 'meeting', 'plan', 'decision', 'visit', 'presence'] as const;
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
  'presence-shortfall', // the month's target not met yet: the last day it can still be reached
  'presence-unrecorded', // working days of the month not recorded
  'presence-leave', // leave in the year over presence.max_leave_days
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
  /** Stable across runs and edits: the record's uid (or what a derived item is about) and the reason. */
  key: string;
}

/** A household with nobody's visit since `visit.stale_days` before the horizon's end. */
export interface StaleHouseholdState {
  household_id: number;
  uid: string;
  household: string;
  last_visit: IsoDate | null;
}

/** What the due rules read of a concern (src/db/concerns.ts, listOpenConcernsDue). */
export type DueConcern = Pick<Concern, 'id' | 'uid' | 'person' | 'raised_on' | 'text' | 'status' | 'due_on' | 'resolved_on' | 'feedback_on'>;

/** What the due rules read of a case: its state, its dates and its parties' names (src/db/dispute.ts, listOpenDisputesDue). */
export type DueDispute = Pick<Dispute, 'id' | 'uid' | 'title' | 'status' | 'registered_on' | 'revisit_due' | 'court_confirmation' | 'agreed_on'> & {
  parties: Pick<Dispute['parties'][number], 'name'>[];
};

/** Everything dueItems needs, read once by loadDueState(db, today, horizon) in src/db/due.ts. */
export interface DueState {
  /** The day the ledger began (setting `ledger.start`, default the date of the first record). */
  ledgerStart: IsoDate;
  settings: { mediationDays: number; staleDays: number; stallDays: number };
  /** Concerns not finished (not resolved, or resolved and the villager not told). */
  concerns: DueConcern[];
  /** Disputes in mediation or resolved (the only states with something due). */
  disputes: DueDispute[];
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
  /** This month's presence, once the ledger keeps presence at all (null before its first day is recorded). */
  presence: { month: PresenceSummary; firstUnrecorded: IsoDate | null } | null;
}

/**
 * Everything overdue on `today` and everything falling due within `horizonDays` after it,
 * sorted by due date (so overdue first), then kind and title. An item is overdue the day after
 * its due date, as each entity's own rule says (due today: days 0, not overdue).
 */
export function dueItems(state: DueState, today: IsoDate, horizonDays: number): DueItem[] {
  const items: DueItem[] = [];
  const last = addDays(today, horizonDays);
  const todayNumber = dayNumber(today);
  // Every item built in one shape, field by field (a year's document pushes thousands).
  const push = (item: Omit<DueItem, 'days' | 'key'> & { key?: string }, { pastToo = true } = {}) => {
    if (item.due > last) return;
    if (!pastToo && item.due < today) return;
    const { kind, reason, ref, title, person, due, action } = item;
    items.push({ kind, reason, ref, title, person, due, days: dayNumber(due) - todayNumber, action, key: `${item.key ?? ref.uid}:${reason}` });
  };
  const s = state.settings;

  for (const c of state.concerns) {
    const ref = { entity: 'concern', id: c.id, uid: c.uid };
    if (c.status !== 'resolved') {
      if (c.due_on !== null) push({ kind: 'concern', reason: 'concern-due', ref, title: c.text, person: c.person, due: c.due_on, action: `fs concern update ${c.id} --status resolved` });
    } else if (c.feedback_on === null) {
      // Tell the villager by the due date, or at once when it was resolved later.
      const resolved = c.resolved_on ?? c.raised_on;
      const due = c.due_on !== null && c.due_on > resolved ? c.due_on : resolved;
      push({ kind: 'concern', reason: 'concern-feedback', ref, title: t('agenda.title.feedback', { text: c.text }), person: c.person, due, action: `fs concern update ${c.id} --feedback-on today` });
    }
  }

  for (const d of state.disputes) {
    const ref = { entity: 'dispute', id: d.id, uid: d.uid };
    const person = joinList(d.parties.map((p) => p.name)) || null;
    const due = nextDue(d, s.mediationDays);
    if (due !== null && MEDIATION_STATUSES.includes(d.status)) {
      push({ kind: 'dispute', reason: 'dispute-mediation', ref, title: t('agenda.title.mediation', { title: d.title }), person, due, action: `fs dispute resolve ${d.id}` });
    } else if (due !== null && d.status === 'resolved') {
      push({ kind: 'dispute', reason: 'dispute-revisit', ref, title: t('agenda.title.revisit', { title: d.title }), person, due, action: `fs dispute revisit ${d.id}` });
    }
    const court = d.status === 'resolved' ? courtConfirmationUntil(d) : null;
    // A window that has closed is gone, not overdue: only the days still open are listed.
    if (court !== null) push({ kind: 'dispute', reason: 'dispute-court', ref, title: t('agenda.title.court', { title: d.title }), person, due: court, action: `fs dispute log ${d.id}` }, { pastToo: false });
  }

  for (const p of state.pairs) {
    const due = nextContactDue(p);
    if (due === null) continue;
    push({ kind: 'pair', reason: 'pair-contact', ref: { entity: 'pair', id: p.id, uid: p.uid }, title: t('agenda.title.pair', { person: p.person, helper: p.helper }), person: p.person, due, action: `fs pair log ${p.id}` });
  }

  for (const m of state.meetings) {
    if (m.status === 'ok') continue;
    const reason = m.status === 'pending' ? 'meeting-pending' : 'meeting-missing';
    const title = t(m.status === 'pending' ? 'agenda.title.meeting_pending' : 'agenda.title.meeting_missing', { type: label('meeting_type', m.type), interval: m.interval });
    push({ kind: 'meeting', reason, ref: { entity: 'meeting', id: null, uid: null }, title, person: null, due: m.to, action: `fs meeting add --type ${m.type}`, key: `meeting/${m.type}/${m.interval}` });
  }

  for (const m of state.milestones) {
    if (isFinished(m.status)) continue;
    push({ kind: 'plan', reason: 'plan-milestone', ref: { entity: 'milestone', id: m.id, uid: m.uid }, title: t('agenda.title.milestone', { title: m.title, plan: m.plan }), person: m.owner, due: m.due_on, action: `fs plan milestone done ${m.id}` });
  }
  for (const p of state.practical) {
    if (isFinished(p.status) || p.due_on === null) continue;
    push({ kind: 'plan', reason: 'plan-practical', ref: { entity: 'plan', id: p.id, uid: p.uid }, title: t('agenda.title.practical', { title: p.title }), person: p.owner, due: p.due_on, action: `fs plan done ${p.id}` });
  }

  for (const d of state.decisions) {
    const next = DECISION_STEPS[d.taken];
    if (!next) continue;
    const title = t('agenda.title.decision', { matter: d.matter, step: label('decision_step', next) });
    push({ kind: 'decision', reason: 'decision-stalled', ref: { entity: 'decision', id: d.id, uid: d.uid }, title, person: null, due: stallDue(d, s.stallDays), action: `fs decision step ${d.id} --step ${next}` });
  }

  for (const h of state.staleHouseholds) {
    // Never visited: owed since the ledger began (the household counts as not visited, as in `visit coverage`).
    const due = h.last_visit === null ? state.ledgerStart : addDays(h.last_visit, s.staleDays);
    push({ kind: 'visit', reason: 'visit-stale', ref: { entity: 'household', id: h.household_id, uid: h.uid }, title: t('agenda.title.stale', { household: h.household }), person: null, due, action: 'fs visit add' });
  }

  const monthEnd = monthOf(Number(today.slice(0, 4)), Number(today.slice(5, 7))).to;
  const month = today.slice(0, 7);
  const coverage = computeCoverage(state.coverage);
  for (const category of coverage.uncovered_categories) {
    const title = t('agenda.title.category', { category: label('visit_category', category) });
    push({ kind: 'visit', reason: 'visit-category', ref: { entity: 'visit', id: null, uid: null }, title, person: null, due: monthEnd, action: `fs visit add --category ${category}`, key: `visit/${category}/${month}` });
  }
  for (const topic of coverage.uncovered_topics) {
    const title = t('agenda.title.topic', { topic: label('visit_topic', topic) });
    push({ kind: 'visit', reason: 'visit-topic', ref: { entity: 'visit', id: null, uid: null }, title, person: null, due: monthEnd, action: `fs visit add --topic ${topic}`, key: `visit/${topic}/${month}` });
  }

  if (state.presence) {
    const p = state.presence.month;
    const key = `presence/${month}`;
    const ref = { entity: 'presence', id: null, uid: null };
    if (p.needed !== null && p.needed > 0) {
      // Still reachable by being in the village every day from this one on; past it, the month is lost.
      const due = addDays(p.to, 1 - p.needed);
      push({ kind: 'presence', reason: 'presence-shortfall', ref, title: t('agenda.title.presence_shortfall', { counted: p.days_counted, target: p.target!, working: p.working_days_left }), person: null, due, action: 'fs presence in', key });
    }
    if (state.presence.firstUnrecorded !== null) {
      push({ kind: 'presence', reason: 'presence-unrecorded', ref, title: t('agenda.title.presence_unrecorded', { n: p.unrecorded_working_days }), person: null, due: state.presence.firstUnrecorded, action: `fs presence add --date ${state.presence.firstUnrecorded} --status in-village`, key });
    }
    if (p.year_leave_over) {
      push({ kind: 'presence', reason: 'presence-leave', ref, title: t('agenda.title.presence_leave', { days: p.year_leave_days }), person: null, due: today, action: 'fs presence summary this-year', key: `presence/${today.slice(0, 4)}` });
    }
  }

  return items.sort(compareDue);
}

/** By due date, then the kinds in DUE_KINDS order, then the reasons in DUE_REASONS order, then title. */
export function compareDue(a: DueItem, b: DueItem): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  const k = DUE_KINDS.indexOf(a.kind) - DUE_KINDS.indexOf(b.kind);
  if (k) return k;
  const r = DUE_REASONS.indexOf(a.reason) - DUE_REASONS.indexOf(b.reason);
  if (r) return r;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : (a.ref.id ?? 0) - (b.ref.id ?? 0);
}

/** Items of the given kinds only (all when none given). */
export function filterKinds(items: readonly DueItem[], kinds: readonly DueKind[]): DueItem[] {
  return kinds.length ? items.filter((i) => kinds.includes(i.kind)) : [...items];
}
