// Disputes (矛盾纠纷) and petitions (信访): the keys, the mediation workflow and its deadlines. Pure rules.
import { addDays, type IsoDate } from '../time/dates.js';
import type { PersonTag } from './people.js';

export const DISPUTE_CATEGORIES = [
  'marriage-family',
  'neighbor',
  'homestead',
  'land-contract',
  'forest-farmland',
  'land-acquisition',
  'contract',
  'damages',
  'labor',
  'environment',
  'village-affairs',
  'other',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

export const DISPUTE_SOURCES = ['screening', 'visit', 'application', 'referral', 'petition'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

export const PETITION_CHANNELS = ['letter', 'in-person', 'online', 'hotline', 'mailbox', 'media', 'referred'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_FLAGS = ['criminal-risk', 'group-risk'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

export const DISPUTE_STATUSES = ['registered', 'mediating', 'resolved', 'closed', 'escalated', 'withdrawn'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** `--open`: still the secretary's to finish (resolved waits for its return visit). */
export const OPEN_STATUSES: readonly DisputeStatus[] = ['registered', 'mediating', 'resolved'];
/** Still being mediated: the mediation deadline runs. */
export const MEDIATION_STATUSES: readonly DisputeStatus[] = ['registered', 'mediating'];

/** What the secretary can do to a case after registering it: one `fs dispute` subcommand each. */
export const DISPUTE_ACTIONS = ['log', 'resolve', 'revisit', 'escalate', 'withdraw'] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

/** Kinds of timeline events: registration, then one per action. */
export const EVENT_KINDS = ['register', 'step', 'agreement', 'revisit', 'escalation', 'withdrawal'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_FOR_ACTION: Record<DisputeAction, EventKind> = {
  log: 'step',
  resolve: 'agreement',
  revisit: 'revisit',
  escalate: 'escalation',
  withdraw: 'withdrawal',
};

/** 人民调解法 art. 33: the parties may ask a court to confirm the agreement within 30 days. */
export const COURT_CONFIRMATION_DAYS = 30;

export const YES_NO = ['yes', 'no'] as const;

/**
 * The workflow: intake → mediation → agreement → return visit → closed, with the side exits
 * escalated and withdrawn. A missing entry is a refused transition. A step on a resolved case
 * (helping the agreement along) changes nothing; a failed return visit keeps it resolved.
 */
const WORKFLOW: Record<DisputeStatus, Partial<Record<DisputeAction, DisputeStatus>>> = {
  registered: { log: 'mediating', resolve: 'resolved', escalate: 'escalated', withdraw: 'withdrawn' },
  mediating: { log: 'mediating', resolve: 'resolved', escalate: 'escalated', withdraw: 'withdrawn' },
  resolved: { log: 'resolved', revisit: 'closed', escalate: 'escalated' },
  closed: {},
  escalated: {},
  withdrawn: {},
};

export function allowedActions(status: DisputeStatus): DisputeAction[] {
  return DISPUTE_ACTIONS.filter((a) => WORKFLOW[status][a] !== undefined);
}

/** The status after `action`, or undefined when the workflow refuses it. */
export function nextStatus(status: DisputeStatus, action: DisputeAction, performed = true): DisputeStatus | undefined {
  const to = WORKFLOW[status][action];
  if (to === undefined) return undefined;
  return action === 'revisit' && !performed ? 'resolved' : to;
}

export interface DisputeParty {
  person_id: number | null;
  name: string;
  /** The roster person's tags (a plain name has none): shows key petition households as such. */
  tags: PersonTag[];
}

export interface Dispute {
  id: number;
  uid: string;
  title: string;
  category: DisputeCategory;
  source: DisputeSource;
  channel: PetitionChannel | null;
  risk: RiskLevel | null;
  flags: RiskFlag[];
  registered_on: IsoDate;
  description: string | null;
  visit_id: number | null;
  visit_date: IsoDate | null;
  visit_person: string | null;
  status: DisputeStatus;
  status_on: IsoDate;
  agreed_on: IsoDate | null;
  agreement: string | null;
  responsibility: string | null;
  perform_by: IsoDate | null;
  court_confirmation: boolean;
  revisit_due: IsoDate | null;
  escalated_to: string | null;
  parties: DisputeParty[];
  created_at: string;
  updated_at: string;
}

export interface DisputeEvent {
  id: number;
  uid: string;
  dispute_id: number;
  date: IsoDate;
  kind: EventKind;
  from_status: DisputeStatus | null;
  to_status: DisputeStatus | null;
  note: string | null;
  participants: string[];
  performed: boolean | null;
  satisfied: boolean | null;
  escalated_to: string | null;
  revisit_due: IsoDate | null;
  created_at: string;
}

export function mediationDeadline(registeredOn: IsoDate, mediationDays: number): IsoDate {
  return addDays(registeredOn, mediationDays);
}

/** The return visit falls due `revisitDays` after `from`, or at the agreed performance date if later. */
export function revisitDueDate(from: IsoDate, performBy: IsoDate | null, revisitDays: number): IsoDate {
  const due = addDays(from, revisitDays);
  return performBy && performBy > due ? performBy : due;
}

type Standing = Pick<Dispute, 'status' | 'registered_on' | 'revisit_due'>;

/**
 * Overdue: still in mediation after the deadline day (registered day 0, deadline day
 * `mediationDays`: overdue from the day after), or resolved with the return visit past due.
 */
export function isOverdue(d: Standing, today: IsoDate, mediationDays: number): boolean {
  if (MEDIATION_STATUSES.includes(d.status)) return today > mediationDeadline(d.registered_on, mediationDays);
  if (d.status === 'resolved') return d.revisit_due !== null && d.revisit_due < today;
  return false;
}

/** A return visit is due: resolved, and its day has come (overdue ones included). */
export function isRevisitDue(d: Pick<Dispute, 'status' | 'revisit_due'>, today: IsoDate): boolean {
  return d.status === 'resolved' && d.revisit_due !== null && d.revisit_due <= today;
}

/** The next date something is due: the mediation deadline, or the return visit. */
export function nextDue(d: Standing, mediationDays: number): IsoDate | null {
  if (MEDIATION_STATUSES.includes(d.status)) return mediationDeadline(d.registered_on, mediationDays);
  return d.status === 'resolved' ? d.revisit_due : null;
}

/** The last day the parties may ask a court to confirm the agreement, when they mean to. */
export function courtConfirmationUntil(d: Pick<Dispute, 'court_confirmation' | 'agreed_on'>): IsoDate | null {
  return d.court_confirmation && d.agreed_on ? addDays(d.agreed_on, COURT_CONFIRMATION_DAYS) : null;
}

/** The derived facts every list and show prints beside the stored record. */
export function disputeStanding(d: Dispute, today: IsoDate, mediationDays: number) {
  return {
    mediation_deadline: MEDIATION_STATUSES.includes(d.status) ? mediationDeadline(d.registered_on, mediationDays) : null,
    due_on: nextDue(d, mediationDays),
    overdue: isOverdue(d, today, mediationDays),
    revisit_is_due: isRevisitDue(d, today),
    court_confirmation_until: courtConfirmationUntil(d),
  };
}

/** Checks a new case's own values that no flag parser can: a petition has a channel, nothing else does. */
export function checkIntake(source: DisputeSource, channel: PetitionChannel | undefined): 'petition_needs_channel' | 'channel_only_for_petition' | undefined {
  if (source === 'petition' && !channel) return 'petition_needs_channel';
  if (source !== 'petition' && channel) return 'channel_only_for_petition';
  return undefined;
}

export interface StepInput {
  action: DisputeAction;
  date: IsoDate;
  note?: string | null;
  participants?: string[];
  agreement?: string;
  responsibility?: string | null;
  perform_by?: IsoDate | null;
  court_confirmation?: boolean;
  performed?: boolean;
  satisfied?: boolean | null;
  escalated_to?: string;
}

export type DisputeChanges = Partial<
  Pick<Dispute, 'status' | 'status_on' | 'agreed_on' | 'agreement' | 'responsibility' | 'perform_by' | 'revisit_due' | 'escalated_to'> & { court_confirmation: number }
>;

/** A timeline event before it is stored. */
export type EventInput = Omit<DisputeEvent, 'id' | 'uid' | 'dispute_id' | 'created_at'>;

export type StepRefusal =
  | { kind: 'transition'; status: DisputeStatus; allowed: DisputeAction[] }
  | { kind: 'after_today' }
  | { kind: 'before_registration'; registered_on: IsoDate }
  | { kind: 'before_status'; status: DisputeStatus; status_on: IsoDate }
  | { kind: 'perform_by_before_agreement' };

export type StepPlan = { ok: true; status: DisputeStatus; changes: DisputeChanges; event: EventInput } | { ok: false; refusal: StepRefusal };

/**
 * What one action does to a case: its new state and the timeline event, or why it is refused.
 * Dates: never after today, never before registration; a change of state never before the
 * current state began (a late-recorded step on a mediating or resolved case may be backdated).
 */
export function planStep(
  c: Pick<Dispute, 'status' | 'status_on' | 'registered_on' | 'perform_by'>,
  input: StepInput,
  today: IsoDate,
  revisitDays: number,
): StepPlan {
  const to = nextStatus(c.status, input.action, input.performed ?? true);
  if (to === undefined) return { ok: false, refusal: { kind: 'transition', status: c.status, allowed: allowedActions(c.status) } };
  const setsState = input.action !== 'log' || c.status === 'registered';
  if (input.date > today) return { ok: false, refusal: { kind: 'after_today' } };
  if (input.date < c.registered_on) return { ok: false, refusal: { kind: 'before_registration', registered_on: c.registered_on } };
  if (setsState && input.date < c.status_on) return { ok: false, refusal: { kind: 'before_status', status: c.status, status_on: c.status_on } };
  const event: EventInput = {
    date: input.date,
    kind: EVENT_FOR_ACTION[input.action],
    from_status: c.status,
    to_status: setsState ? to : null,
    note: input.note ?? null,
    participants: input.participants ?? [],
    performed: null,
    satisfied: null,
    escalated_to: null,
    revisit_due: null,
  };
  const changes: DisputeChanges = setsState ? { status: to, status_on: input.date } : {};
  switch (input.action) {
    case 'resolve': {
      const performBy = input.perform_by ?? null;
      if (performBy && performBy < input.date) return { ok: false, refusal: { kind: 'perform_by_before_agreement' } };
      const due = revisitDueDate(input.date, performBy, revisitDays);
      Object.assign(changes, {
        agreed_on: input.date,
        agreement: input.agreement ?? null,
        responsibility: input.responsibility ?? null,
        perform_by: performBy,
        court_confirmation: input.court_confirmation ? 1 : 0,
        revisit_due: due,
      });
      event.note = input.agreement ?? null;
      event.revisit_due = due;
      break;
    }
    case 'revisit': {
      event.performed = input.performed ?? true;
      event.satisfied = input.satisfied ?? null;
      // Not performed: still resolved, and the next return visit falls due from this one.
      changes.revisit_due = event.performed ? null : revisitDueDate(input.date, c.perform_by, revisitDays);
      event.revisit_due = changes.revisit_due;
      break;
    }
    case 'escalate':
      changes.escalated_to = input.escalated_to ?? null;
      event.escalated_to = input.escalated_to ?? null;
      break;
    default:
      break;
  }
  return { ok: true, status: to, changes, event };
}
