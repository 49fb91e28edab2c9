// Presence in the village (驻村考勤), DOMAIN.md: statuses, leave types, the working-day calendar,
// the leave-approval and recall rules and the month's and year's targets. Pure.
import { addDays, type IsoDate } from '../time/dates.js';

export const PRESENCE_STATUSES = ['in-village', 'business', 'training', 'leave', 'absent'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

export const LEAVE_TYPES = ['personal', 'sick', 'annual', 'other'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

/** Away on business or training: presence once reported (setting presence.business_counts). */
export const AWAY_ON_DUTY: readonly PresenceStatus[] = ['business', 'training'];

export interface PresenceDay {
  date: IsoDate;
  status: PresenceStatus;
  leave_type: LeaveType | null;
  approved_by: string | null;
  note: string | null;
}

/** The user's correction to the official calendar: a holiday, or a make-up working day (调休). */
export interface HolidayCorrection {
  date: IsoDate;
  workday: boolean;
  note: string | null;
}

export interface PresenceSettings {
  month_min: number;
  year_min: number;
  approval_days: number;
  max_leave_days: number;
  business_counts: boolean;
}

/**
 * The official calendar: holidays and make-up working days (调休) from the data package, for the
 * years it covers, overridden by the user's own corrections.
 */
export interface Calendar {
  /** date → true: a working day (调休); false: a holiday. Package data and the user's, merged. */
  days: ReadonlyMap<IsoDate, boolean>;
  /** Years the package (or the user's corrections) cover; others are said plainly. */
  years: ReadonlySet<number>;
}

const weekday = (d: IsoDate) => new Date(`${d}T00:00:00Z`).getUTCDay();

/** Weekends and public holidays are not working days; a 调休 Saturday or Sunday is one. */
export function isWorkingDay(d: IsoDate, cal: Calendar): boolean {
  const known = cal.days.get(d);
  if (known !== undefined) return known;
  const w = weekday(d);
  return w !== 0 && w !== 6;
}

function* daysOf(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/** Years in a range the calendar does not cover: their holidays are unknown, and the summary says so. */
export function uncoveredYears(from: IsoDate, to: IsoDate, cal: Calendar): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!cal.years.has(y)) out.push(y);
  return out;
}

export function countsAsPresence(status: PresenceStatus, s: Pick<PresenceSettings, 'business_counts'>): boolean {
  return status === 'in-village' || (s.business_counts && AWAY_ON_DUTY.includes(status));
}

export interface PresenceSummary {
  from: IsoDate;
  to: IsoDate;
  days_in_village: number;
  days_counted: number;
  days_business: number;
  days_training: number;
  days_absent: number;
  leave_days: Record<LeaveType | 'total', number>;
  working_days: number;
  unrecorded_working_days: number;
  /** The rule for the period: presence.month_min for a month, presence.year_min for a year; null otherwise. */
  target: number | null;
  target_met: boolean | null;
  /** More days counted as presence needed to reach the target (0 when met). */
  needed: number | null;
  /** Days of the period after today (calendar days); working_days_left counts only working days. */
  days_left: number;
  working_days_left: number;
  /** The target can no longer be reached in the days left. */
  out_of_reach: boolean | null;
  /** Leave taken this calendar year up to the period's end, against presence.max_leave_days. */
  year_leave_days: number;
  year_leave_over: boolean;
  uncovered_years: number[];
}

/**
 * Where the secretary stands in a period on `today`: days by status up to today (a day recorded
 * ahead, such as approved leave, counts once it has come), working days, the target and what is
 * still needed.
 */
export function summarisePresence(
  period: { from: IsoDate; to: IsoDate; unit: string },
  days: readonly PresenceDay[],
  yearLeave: number,
  cal: Calendar,
  s: PresenceSettings,
  today: IsoDate,
): PresenceSummary {
  const upTo = today < period.to ? today : period.to;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const leave: Record<LeaveType | 'total', number> = { personal: 0, sick: 0, annual: 0, other: 0, total: 0 };
  let inVillage = 0, business = 0, training = 0, absent = 0, counted = 0, working = 0, unrecorded = 0, daysLeft = 0, workingLeft = 0;
  for (const d of daysOf(period.from, period.to)) {
    const work = isWorkingDay(d, cal);
    if (work) working++;
    if (d > upTo) {
      daysLeft++;
      if (work) workingLeft++;
      continue;
    }
    const rec = byDate.get(d);
    if (!rec) {
      if (work) unrecorded++;
      continue;
    }
    if (rec.status === 'in-village') inVillage++;
    if (rec.status === 'business') business++;
    if (rec.status === 'training') training++;
    if (rec.status === 'absent') absent++;
    if (rec.status === 'leave') {
      leave[rec.leave_type ?? 'other']++;
      leave.total++;
    }
    if (countsAsPresence(rec.status, s)) counted++;
  }
  const target = period.unit === 'month' ? s.month_min : period.unit === 'year' ? s.year_min : null;
  const needed = target === null ? null : Math.max(0, target - counted);
  return {
    from: period.from,
    to: period.to,
    days_in_village: inVillage,
    days_counted: counted,
    days_business: business,
    days_training: training,
    days_absent: absent,
    leave_days: leave,
    working_days: working,
    unrecorded_working_days: unrecorded,
    target,
    target_met: target === null ? null : counted >= target,
    needed,
    days_left: daysLeft,
    working_days_left: workingLeft,
    out_of_reach: needed === null ? null : needed > daysLeft,
    year_leave_days: yearLeave,
    year_leave_over: yearLeave > s.max_leave_days,
    uncovered_years: uncoveredYears(period.from, period.to, cal),
  };
}

/**
 * The stretch of leave a new entry joins: the leave days before and after it, bridged by days
 * off (a weekend or holiday not recorded), so Friday and the next Monday are one stretch of two
 * leave days. It needs county approval when its leave days exceed presence.approval_days and
 * nobody is named as approving it.
 */
export function leaveStretch(
  newDays: readonly IsoDate[],
  existing: ReadonlyMap<IsoDate, Pick<PresenceDay, 'status' | 'approved_by'>>,
  cal: Calendar,
): { from: IsoDate; to: IsoDate; days: number; approved: boolean } {
  const fresh = new Set(newDays);
  const sorted = [...fresh].sort();
  const isLeave = (d: IsoDate) => fresh.has(d) || existing.get(d)?.status === 'leave';
  const isBridge = (d: IsoDate) => !existing.has(d) && !fresh.has(d) && !isWorkingDay(d, cal);
  const extend = (start: IsoDate, step: 1 | -1): IsoDate => {
    let edge = start;
    for (let d = addDays(start, step), n = 0; n < 400; d = addDays(d, step), n++) {
      if (isLeave(d)) edge = d;
      else if (!isBridge(d)) break;
    }
    return edge;
  };
  const from = extend(sorted[0]!, -1);
  const to = extend(sorted[sorted.length - 1]!, 1);
  let days = 0;
  let approved = false;
  for (const d of daysOf(from, to)) {
    if (!isLeave(d)) continue;
    days++;
    if (!fresh.has(d) && existing.get(d)?.approved_by) approved = true;
  }
  return { from, to, days, approved };
}
