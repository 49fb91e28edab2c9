// Calendar dates as 'YYYY-MM-DD' strings: they sort and compare as text, and that is how SQLite stores them.
// Pure: "today" is always passed in.
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

// Day arithmetic on the proleptic Gregorian calendar in integers (H. Hinnant's days_from_civil and
// civil_from_days): no Date objects, no time zone, no daylight saving. Reports call these hundreds of
// thousands of times (due dates, cadences, intervals); through Date and date-fns each call cost
// microseconds. test/unit/time.test.ts holds them against date-fns on random dates.

/** The number written by `len` ASCII digits of `s` from `at`; NaN if any is not a digit. */
function digits(s: string, at: number, len: number): number {
  let v = 0;
  for (let k = at; k < at + len; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: IsoDate): number {
  // The shape ISO_DATE checks, read digit by digit: a report's due items call this for every item.
  if (typeof iso !== 'string' || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') throw new Error(`not an ISO date: ${iso}`);
  let y = digits(iso, 0, 4);
  const mo = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (Number.isNaN(y + mo + d)) throw new Error(`not an ISO date: ${iso}`);
  y -= mo <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + n);
}

/** The earliest and the latest of some dates (ISO text orders as the calendar does). */
export function earliest(dates: Iterable<IsoDate>): IsoDate {
  let first: IsoDate | undefined;
  for (const d of dates) if (first === undefined || d < first) first = d;
  if (first === undefined) throw new Error('earliest of no dates');
  return first;
}

export function latest(dates: Iterable<IsoDate>): IsoDate {
  let last: IsoDate | undefined;
  for (const d of dates) if (last === undefined || d > last) last = d;
  if (last === undefined) throw new Error('latest of no dates');
  return last;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** The real today on this machine's calendar. */
export function systemToday(): IsoDate {
  return fromDate(new Date());
}

/** The calendar the ledger accepts: beyond it date arithmetic stops being plain 4-digit text. */
export const MIN_DATE: IsoDate = '1900-01-01';
export const MAX_DATE: IsoDate = '2999-12-31';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** y-m-d as an IsoDate, or a UsageError: out of range (exit 2), or no such day (2026-02-30). */
function ymd(y: number, m: number, d: number, input: string): IsoDate {
  const iso = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (y < 1900 || y > 2999) throw new UsageError('err.date_out_of_range', { value: input, min: MIN_DATE, max: MAX_DATE });
  if (!isIsoDate(iso)) throw new UsageError('err.bad_date', { value: input });
  return iso;
}

/** A month and day without a year: this year's, or last year's if this year's is still to come. */
function recentMonthDay(m: number, d: number, today: IsoDate, input: string): IsoDate {
  const year = Number(today.slice(0, 4));
  const thisYear = ymd(year, m, d, input);
  return thisYear > today ? ymd(year - 1, m, d, input) : thisYear;
}

/** Throws unless `iso` lies in the calendar the ledger accepts. */
export function checkRange(iso: IsoDate, input: string = iso): IsoDate {
  if (iso < MIN_DATE || iso > MAX_DATE) throw new UsageError('err.date_out_of_range', { value: input, min: MIN_DATE, max: MAX_DATE });
  return iso;
}

const RELATIVE_DAYS: Record<string, number> = { today: 0, 今天: 0, yesterday: -1, 昨天: -1, 前天: -2 };

/**
 * A date as users type it: today/今天, yesterday/昨天, 前天, -Nd or N天前 (N days ago), 2026-11-03,
 * 2026-11-3, 2026/11/3, 2026年11月3日, 11月3日 or 11-3 (the most recent such day, this year or
 * last), 本月3日 / 上月3日. Throws a UsageError naming the value and the accepted forms.
 */
export function parseDate(input: string, today: IsoDate): IsoDate {
  const s = input.normalize('NFKC').trim().toLowerCase();
  if (s in RELATIVE_DAYS) return checkRange(addDays(today, RELATIVE_DAYS[s]!), input);
  let m = /^-(\d{1,5})d$/.exec(s) ?? /^(\d{1,5}) ?天前$/.exec(s);
  if (m) return checkRange(addDays(today, -Number(m[1])), input);
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), input);
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(s) ?? /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (m) return recentMonthDay(Number(m[1]), Number(m[2]), today, input);
  m = /^(本|上)月(\d{1,2})[日号]?$/.exec(s);
  if (m) {
    const [y, mo] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const back = m[1] === '上';
    return ymd(back && mo === 1 ? y - 1 : y, back ? (mo === 1 ? 12 : mo - 1) : mo, Number(m[2]), input);
  }
  throw new UsageError('err.bad_date', { value: input });
}
