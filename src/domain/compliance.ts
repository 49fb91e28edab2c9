// "Are we keeping the rules?": which required meetings are missing for which month, quarter or
// year. Pure: the held counts come in per type and month (aggregated in SQL), today is passed in.
import { addDays, type IsoDate } from '../time/dates.js';
import { splitPeriod, yearOf } from '../time/periods.js';
import { MEETING_TYPES, type Frequency, type MeetingType } from './meeting.js';

export interface ComplianceRow {
  type: MeetingType;
  /** 2026-11, 2026-Q4 or 2026 */
  interval: string;
  from: IsoDate;
  to: IsoDate;
  required: number;
  held: number;
  ok: boolean;
  /** ok: held; missing: the interval is over without it; pending: not yet held, due on `to`. */
  status: ComplianceStatus;
}

export const COMPLIANCE_STATUSES = ['ok', 'missing', 'pending'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** Meetings held of one type in one calendar month ('YYYY-MM'). */
export interface MonthCount {
  type: MeetingType;
  month: string;
  held: number;
}

const UNIT: Record<Exclude<Frequency, 'none'>, 'month' | 'quarter' | 'year'> = {
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
};

/** Each required interval is "at least once". */
export const REQUIRED_PER_INTERVAL = 1;

/**
 * The dates whose meetings the calculator needs: every interval overlapping the period is judged
 * as a whole, so from the start of the first year touched, and never past today (a meeting dated
 * in the future has not been held).
 */
export function complianceCountRange(from: IsoDate, to: IsoDate, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const end = yearOf(Number(to.slice(0, 4))).to;
  return { from: yearOf(Number(from.slice(0, 4))).from, to: end < today ? end : today };
}

/**
 * One row per required interval of every type with a frequency, in DOMAIN.md type order, then by date.
 * - An interval that the period only cuts (February for a quarterly rule) is judged on the whole
 *   interval: "once a quarter" is kept or missed by the quarter, wherever in it the meeting was.
 * - Intervals starting after today are not yet due. An interval not yet over (today inside it,
 *   including its last day) and not yet held is pending, due on its last day: it can't be missing yet.
 * - Nothing is owed before the ledger began: intervals that ended before `ledgerStart` are left out
 *   (the one the ledger began in is judged, like any interval a period cuts).
 * - `counts` should cover complianceCountRange(from, to, today).
 */
export function computeCompliance(
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  frequencies: Readonly<Record<MeetingType, Frequency>>,
  counts: readonly MonthCount[],
  ledgerStart?: IsoDate,
): ComplianceRow[] {
  const last = to < today ? to : today;
  if (from > last) return [];
  const rows: ComplianceRow[] = [];
  for (const type of MEETING_TYPES) {
    const freq = frequencies[type];
    if (freq === 'none') continue;
    for (const interval of splitPeriod(from, last, UNIT[freq], true)) {
      const fromMonth = interval.from.slice(0, 7);
      const toMonth = interval.to.slice(0, 7);
      let held = 0;
      for (const c of counts) if (c.type === type && c.month >= fromMonth && c.month <= toMonth) held += c.held;
      if (ledgerStart !== undefined && interval.to < ledgerStart) continue;
      const ok = held >= REQUIRED_PER_INTERVAL;
      const status: ComplianceStatus = ok ? 'ok' : interval.to < today ? 'missing' : 'pending';
      rows.push({ type, interval: interval.label, from: interval.from, to: interval.to, required: REQUIRED_PER_INTERVAL, held, ok, status });
    }
  }
  return rows;
}

/** The missing ones only (pending ones are not gaps yet). */
export function complianceGapsOf(rows: readonly ComplianceRow[]): ComplianceRow[] {
  return rows.filter((r) => r.status === 'missing');
}

/**
 * Required meetings due in a period and how many were held: every interval judged (held, or over
 * and missed) that ends in the period, so that each interval counts once, in the period (or --by
 * column) its month, quarter or year ends in, like the gaps. An interval still running and not yet
 * held is pending: not due yet. (DOMAIN.md "County measures": meetings_held = held / required.)
 */
export function requiredTally(rows: readonly ComplianceRow[], to: IsoDate): { required: number; required_held: number; gaps: number } {
  let required = 0;
  let held = 0;
  let gaps = 0;
  for (const r of rows) {
    if (r.status === 'pending' || r.to > to) continue;
    required++;
    if (r.status === 'ok') held++;
    else gaps++;
  }
  return { required, required_held: held, gaps };
}

/**
 * The day meeting compliance is judged on. An interval is missed once it is over, and an interval
 * ending on "today" is not over yet: a period that has ended is judged as it stood at the end of its
 * last day (so the day after), one still running on the real today. Passing asOf (the last day)
 * would never count the period's last month as missed. Used by fs report and the county report.
 */
export function judgedOn(asOf: IsoDate, today: IsoDate): IsoDate {
  return asOf < today ? addDays(asOf, 1) : today;
}
