// Concerns raised in visits: "every concern gets an answer" (件件有回音). Pure rules.
import { addDays, type IsoDate } from '../time/dates.js';

export const CONCERN_STATUSES = ['open', 'referred', 'resolved'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export interface Concern {
  id: number;
  uid: string;
  visit_id: number | null;
  person_id: number | null;
  person: string | null;
  raised_on: IsoDate;
  text: string;
  status: ConcernStatus;
  referred_to: string | null;
  due_on: IsoDate | null;
  resolved_on: IsoDate | null;
  feedback_on: IsoDate | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** Finished only when resolved and the villager has been told (feedback_on). */
export function isFinished(c: Pick<Concern, 'status' | 'feedback_on'>): boolean {
  return c.status === 'resolved' && c.feedback_on !== null;
}

/** Overdue: not resolved, and the due date is before today (due today is not yet overdue). */
export function isOverdue(c: Pick<Concern, 'status' | 'due_on'>, today: IsoDate): boolean {
  return c.status !== 'resolved' && c.due_on !== null && c.due_on < today;
}

export interface ConcernUpdate {
  status?: ConcernStatus;
  referred_to?: string;
  due_on?: IsoDate;
  feedback_on?: IsoDate;
  /** When it was resolved (default: the day the villager was told, when given; else today). */
  resolved_on?: IsoDate;
  note?: string;
}

export type ConcernRuleError = 'referred_needs_dept' | 'feedback_before_raised' | 'resolved_before_raised' | 'resolved_on_needs_resolved';

/**
 * The fields to write for an update, or the rule it breaks. Resolving records resolved_on: the
 * day given, else the day the villager was told (an update typed days later must not move the
 * resolution into another month's report), else today. Neither can predate the concern.
 */
export function planConcernUpdate(
  current: Pick<Concern, 'status' | 'referred_to' | 'raised_on' | 'resolved_on'>,
  u: ConcernUpdate,
  today: IsoDate,
): { ok: true; changes: Partial<Concern> } | { ok: false; error: ConcernRuleError } {
  const changes: Partial<Concern> = {};
  if (u.status) changes.status = u.status;
  if (u.referred_to !== undefined) changes.referred_to = u.referred_to;
  if (u.due_on) changes.due_on = u.due_on;
  if (u.note !== undefined) changes.note = u.note;
  if (u.feedback_on) {
    if (u.feedback_on < current.raised_on) return { ok: false, error: 'feedback_before_raised' };
    changes.feedback_on = u.feedback_on;
  }
  const status = u.status ?? current.status;
  if (status === 'referred' && !(u.referred_to ?? current.referred_to)) return { ok: false, error: 'referred_needs_dept' };
  if (u.resolved_on !== undefined) {
    if (status !== 'resolved') return { ok: false, error: 'resolved_on_needs_resolved' };
    if (u.resolved_on < current.raised_on) return { ok: false, error: 'resolved_before_raised' };
    changes.resolved_on = u.resolved_on;
  } else if (u.status === 'resolved' && current.status !== 'resolved') {
    const day = u.feedback_on ?? today;
    changes.resolved_on = day < current.raised_on ? current.raised_on : day;
  }
  if (u.status && u.status !== 'resolved' && current.resolved_on) changes.resolved_on = null;
  return { ok: true, changes };
}

/** The answer date a new concern gets unless one is given: `concern.due_days` after it was raised. */
export function defaultConcernDue(raisedOn: IsoDate, dueDays: number): IsoDate {
  return addDays(raisedOn, dueDays);
}

export interface NewConcern {
  person_id: number;
  visit_id: number | null;
  raised_on: IsoDate;
  text: string;
  due_on: IsoDate;
}

export type NewConcernError =
  | { error: 'visit_person'; visit_person: string }
  | { error: 'before_visit'; visit_date: IsoDate }
  | { error: 'due_before_raised' };

/**
 * May this concern be recorded? Raised in a visit: by the person visited, not before the visit.
 * Its answer date can't come before it was raised. (A date after today is refused by the parser.)
 */
export function checkNewConcern(
  c: Pick<NewConcern, 'person_id' | 'raised_on' | 'due_on'>,
  visit: { person_id: number; person: string; date: IsoDate } | null,
): NewConcernError | null {
  if (visit && visit.person_id !== c.person_id) return { error: 'visit_person', visit_person: visit.person };
  if (visit && c.raised_on < visit.date) return { error: 'before_visit', visit_date: visit.date };
  if (c.due_on < c.raised_on) return { error: 'due_before_raised' };
  return null;
}
