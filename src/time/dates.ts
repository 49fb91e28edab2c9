// Calendar dates as 'YYYY-MM-DD' strings: they sort and compare as text, and that is how SQLite stores them.
// Pure: "today" is always passed in.
import { addDays as addDaysFns } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toDate(iso: IsoDate): Date {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

export function fromDate(d: Date): IsoDate {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = toDate(s);
  return d.getFullYear() === Number(m[1]) && d.getMonth() + 1 === Number(m[2]) && d.getDate() === Number(m[3]);
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDate(addDaysFns(toDate(iso), n));
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

/** The real today on this machine's calendar. */
export function systemToday(): IsoDate {
  return fromDate(new Date());
}

/**
 * A date as users type it: today, yesterday, YYYY-MM-DD, -Nd (N days ago), and 今天 / 昨天.
 * Throws a UsageError naming the value and the accepted forms.
 */
export function parseDate(input: string, today: IsoDate): IsoDate {
  const s = input.trim();
  if (s === 'today' || s === '今天') return today;
  if (s === 'yesterday' || s === '昨天') return addDays(today, -1);
  const rel = /^-(\d{1,5})d$/.exec(s);
  if (rel) return addDays(today, -Number(rel[1]));
  if (isIsoDate(s)) return s;
  throw new UsageError('err.bad_date', { value: input });
}
