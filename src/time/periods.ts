// The period grammar shared by every list, coverage and report command. Pure.
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';
import { addWeeks } from 'date-fns/addWeeks';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { addDays, checkRange, fromDate, toDate, type IsoDate } from './dates.js';

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'range';

export interface Period {
  label: string;
  from: IsoDate;
  to: IsoDate;
  unit: PeriodUnit;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function weekOf(iso: IsoDate): Period {
  const d = toDate(iso);
  const start = startOfISOWeek(d);
  const from = fromDate(start);
  return { label: `${getISOWeekYear(d)}-W${pad(getISOWeek(d))}`, from, to: addDays(from, 6), unit: 'week' };
}

export function monthOf(year: number, month: number): Period {
  const last = new Date(year, month, 0).getDate();
  return { label: `${year}-${pad(month)}`, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}`, unit: 'month' };
}

export function quarterOf(year: number, q: number): Period {
  const first = monthOf(year, q * 3 - 2);
  const last = monthOf(year, q * 3);
  return { label: `${year}-Q${q}`, from: first.from, to: last.to, unit: 'quarter' };
}

export function yearOf(year: number): Period {
  return { label: String(year), from: `${year}-01-01`, to: `${year}-12-31`, unit: 'year' };
}

export function isoWeek(year: number, week: number): Period | undefined {
  const start = addWeeks(startOfISOWeekYear(new Date(year, 0, 4, 12)), week - 1);
  if (week < 1 || getISOWeekYear(start) !== year) return undefined;
  return weekOf(fromDate(start));
}

function parts(iso: IsoDate): [number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
}

const quarterIndex = (month: number) => Math.floor((month - 1) / 3) + 1;

/** Named periods, English and Chinese, relative to today. */
const RELATIVE: Record<string, (today: IsoDate) => Period> = {
  'this-week': (d) => weekOf(d),
  'last-week': (d) => weekOf(addDays(d, -7)),
  'this-month': (d) => monthOf(...parts(d)),
  'last-month': (d) => {
    const [y, m] = parts(d);
    return m === 1 ? monthOf(y - 1, 12) : monthOf(y, m - 1);
  },
  'this-quarter': (d) => {
    const [y, m] = parts(d);
    return quarterOf(y, quarterIndex(m));
  },
  'last-quarter': (d) => {
    const [y, m] = parts(d);
    const q = quarterIndex(m);
    return q === 1 ? quarterOf(y - 1, 4) : quarterOf(y, q - 1);
  },
  'this-year': (d) => yearOf(parts(d)[0]),
  'last-year': (d) => yearOf(parts(d)[0] - 1),
};

const CHINESE: Record<string, string> = {
  本周: 'this-week',
  上周: 'last-week',
  本月: 'this-month',
  上月: 'last-month',
  本季度: 'this-quarter',
  上季度: 'last-quarter',
  今年: 'this-year',
  去年: 'last-year',
};

export const PERIOD_NAMES = Object.keys(RELATIVE);

/** A period by name or number, inside the calendar the ledger accepts (`0000`, `9999-W52`: a usage error). */
export function parsePeriod(input: string, today: IsoDate): Period {
  const p = parsePeriodText(input, today);
  checkRange(p.from.padStart(10, '0'), input);
  checkRange(p.to.padStart(10, '0'), input);
  return p;
}

function parsePeriodText(input: string, today: IsoDate): Period {
  const s = input.trim();
  const named = RELATIVE[CHINESE[s] ?? s];
  if (named) return named(today);
  let m = /^(\d{4})-W(\d{2})$/.exec(s);
  if (m) {
    const p = isoWeek(Number(m[1]), Number(m[2]));
    if (p) return p;
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthOf(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) return quarterOf(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(s);
  if (m) return yearOf(Number(m[1]));
  throw new UsageError('err.bad_period', { value: input });
}

/** An explicit inclusive range (from --from/--to). */
export function rangePeriod(from: IsoDate, to: IsoDate): Period {
  if (from > to) throw new UsageError('err.range_reversed', { from, to });
  return { label: `${from}..${to}`, from, to, unit: 'range' };
}

function unitPeriodOf(iso: IsoDate, unit: 'week' | 'month' | 'quarter' | 'year'): Period {
  const [y, m] = parts(iso);
  switch (unit) {
    case 'week':
      return weekOf(iso);
    case 'month':
      return monthOf(y, m);
    case 'quarter':
      return quarterOf(y, quarterIndex(m));
    case 'year':
      return yearOf(y);
  }
}

/**
 * The intervals of one unit that overlap [from, to], in order, each clipped to the range
 * (a report for 2026-Q1 by week starts with the part of 2025-W01... that falls in January).
 * `whole` keeps each interval's own bounds instead of clipping.
 */
export function splitPeriod(from: IsoDate, to: IsoDate, unit: 'week' | 'month' | 'quarter' | 'year', whole = false): Period[] {
  const out: Period[] = [];
  let cursor = from;
  while (cursor <= to) {
    const p = unitPeriodOf(cursor, unit);
    out.push(whole ? p : { ...p, from: p.from < from ? from : p.from, to: p.to > to ? to : p.to });
    cursor = addDays(p.to, 1);
  }
  return out;
}
