// Pairings (结对帮扶): a helper pairs with up to pair.max people, keeps in touch every cadence days
// and logs each help given. Pure rules: the limit, the duplicate, the schedule and its dates.
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';
import { isPartyMember, type PersonTag } from './people.js';

/** Whom a pairing helps, told apart by the person's tags (DOMAIN.md: party members and ordinary villagers). */
export const PAIR_PERSON_KINDS = ['party-member', 'villager'] as const;
export type PairPersonKind = (typeof PAIR_PERSON_KINDS)[number];

export const PAIR_STATUSES = ['active', 'ended'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

export interface Pair {
  id: number;
  uid: string;
  person_id: number;
  person: string;
  person_tags: PersonTag[];
  person_kind: PairPersonKind;
  helper: string;
  needs: string;
  measures: string | null;
  cadence_days: number;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  outcome: string | null;
  /** Date of the latest help entry, null when none yet. */
  last_contact: IsoDate | null;
  /** Number of help entries. */
  entries: number;
  created_at: string;
  updated_at: string;
}

export interface PairLog {
  id: number;
  uid: string;
  pair_id: number;
  date: IsoDate;
  action: string;
  result: string | null;
  created_at: string;
  updated_at: string;
}

export function personKind(tags: readonly string[]): PairPersonKind {
  return isPartyMember(tags) ? 'party-member' : 'villager';
}

/** A cadence typed by a user: a whole number of days, at least 1; undefined when it is not. */
export function parseCadence(value: string): number | undefined {
  const s = value.trim();
  if (!/^\d{1,6}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 ? n : undefined;
}

export type NewPairRefusal =
  | { ok: false; error: 'duplicate'; pair_id: number; started_on: IsoDate }
  | { ok: false; error: 'limit'; active: number; max: number };

/**
 * May this helper take on this person? Refused when the helper already has this person in an
 * active pairing (the more specific reason, so it is checked first), or already has `max` active ones.
 */
export function checkNewPair(
  activeOfHelper: ReadonlyArray<Pick<Pair, 'id' | 'person_id' | 'started_on'>>,
  personId: number,
  max: number,
): { ok: true } | NewPairRefusal {
  const same = activeOfHelper.find((p) => p.person_id === personId);
  if (same) return { ok: false, error: 'duplicate', pair_id: same.id, started_on: same.started_on };
  if (activeOfHelper.length >= max) return { ok: false, error: 'limit', active: activeOfHelper.length, max };
  return { ok: true };
}

type Scheduled = Pick<Pair, 'started_on' | 'ended_on' | 'last_contact' | 'cadence_days'>;

export function pairStatus(p: Pick<Pair, 'ended_on'>): PairStatus {
  return p.ended_on === null ? 'active' : 'ended';
}

/** The last contact, or the start when there has been none: the day the cadence counts from. */
export function contactBase(p: Pick<Pair, 'started_on' | 'last_contact'>): IsoDate {
  return p.last_contact !== null && p.last_contact > p.started_on ? p.last_contact : p.started_on;
}

/** When the next contact is due (null once ended): the base date plus the cadence. */
export function nextContactDue(p: Scheduled): IsoDate | null {
  return p.ended_on === null ? addDays(contactBase(p), p.cadence_days) : null;
}

/**
 * Overdue: active, and the last contact (or the start) is more than the cadence before today.
 * On the due day itself it is not yet overdue; the day after it is.
 */
export function isPairOverdue(p: Scheduled, today: IsoDate): boolean {
  return p.ended_on === null && daysBetween(contactBase(p), today) > p.cadence_days;
}

export interface PairSchedule {
  status: PairStatus;
  next_contact_due: IsoDate | null;
  overdue: boolean;
  days_since_contact: number | null;
}

export function pairSchedule(p: Scheduled, today: IsoDate): PairSchedule {
  const active = p.ended_on === null;
  return {
    status: pairStatus(p),
    next_contact_due: nextContactDue(p),
    overdue: isPairOverdue(p, today),
    days_since_contact: active ? daysBetween(contactBase(p), today) : null,
  };
}

export type DatedRefusal =
  | { ok: false; error: 'before_start'; started_on: IsoDate }
  | { ok: false; error: 'after_end'; ended_on: IsoDate }
  | { ok: false; error: 'already_ended'; ended_on: IsoDate }
  | { ok: false; error: 'before_last_entry'; last_contact: IsoDate };

/** A help entry must fall within the pairing: not before it started, not after it ended. */
export function checkLogDate(p: Pick<Pair, 'started_on' | 'ended_on'>, date: IsoDate): { ok: true } | DatedRefusal {
  if (date < p.started_on) return { ok: false, error: 'before_start', started_on: p.started_on };
  if (p.ended_on !== null && date > p.ended_on) return { ok: false, error: 'after_end', ended_on: p.ended_on };
  return { ok: true };
}

/** Ending: only an active pairing, not before it started nor before its last help entry. */
export function checkEnd(p: Pick<Pair, 'started_on' | 'ended_on' | 'last_contact'>, date: IsoDate): { ok: true } | DatedRefusal {
  if (p.ended_on !== null) return { ok: false, error: 'already_ended', ended_on: p.ended_on };
  if (date < p.started_on) return { ok: false, error: 'before_start', started_on: p.started_on };
  if (p.last_contact !== null && date < p.last_contact) return { ok: false, error: 'before_last_entry', last_contact: p.last_contact };
  return { ok: true };
}

/** Report figures as of the end of a period, but never later than today: "overdue" needs a today. */
export function asOfDate(to: IsoDate, today: IsoDate): IsoDate {
  return to < today ? to : today;
}

/** Zero-filled counts per person kind, from whatever kinds the query found. */
export function countsByKind(rows: ReadonlyArray<{ kind: string; n: number }>): Record<PairPersonKind, number> {
  const out = Object.fromEntries(PAIR_PERSON_KINDS.map((k) => [k, 0])) as Record<PairPersonKind, number>;
  for (const r of rows) if ((PAIR_PERSON_KINDS as readonly string[]).includes(r.kind)) out[r.kind as PairPersonKind] += r.n;
  return out;
}
