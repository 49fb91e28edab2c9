import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays as addDaysFns } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { addDays, dayNumber, daysBetween, earliest, fromDate, fromDayNumber, latest, parseDate, toDate } from '../../src/time/dates.js';
import { parsePeriod, rangePeriod, splitPeriod } from '../../src/time/periods.js';

const today = '2026-11-27'; // a Friday in ISO week 2026-W48

describe('parseDate', () => {
  it.each([
    ['today', '2026-11-27'],
    ['今天', '2026-11-27'],
    ['yesterday', '2026-11-26'],
    ['昨天', '2026-11-26'],
    ['-0d', '2026-11-27'],
    ['-30d', '2026-10-28'],
    ['-365d', '2025-11-27'],
    ['2024-02-29', '2024-02-29'],
    [' 2026-01-05 ', '2026-01-05'],
    // The forms people type (issue 12): single digits, slashes, full-width digits, Chinese.
    ['2026-1-5', '2026-01-05'],
    ['2026/11/27', '2026-11-27'],
    ['２０２６-11-27', '2026-11-27'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input, today)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '26-01-05', 'tomorrow', '+3d', '-3', '', '2026/13/27', '2-30', '13月1日', '本月32日', '2026-11-27-1'])(
    'refuses %j naming the value and the forms',
    (input) => {
      expect(() => parseDate(input, today)).toThrowError(new RegExp(`invalid date "${input.replace(/[/+]/g, '\\$&')}".*YYYY-MM-DD`));
    },
  );
});

describe('parsePeriod', () => {
  it.each([
    ['this-week', '2026-W48', '2026-11-23', '2026-11-29'],
    ['本周', '2026-W48', '2026-11-23', '2026-11-29'],
    ['last-week', '2026-W47', '2026-11-16', '2026-11-22'],
    ['上周', '2026-W47', '2026-11-16', '2026-11-22'],
    ['this-month', '2026-11', '2026-11-01', '2026-11-30'],
    ['last-month', '2026-10', '2026-10-01', '2026-10-31'],
    ['上月', '2026-10', '2026-10-01', '2026-10-31'],
    ['this-quarter', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['本季度', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['last-quarter', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['this-year', '2026', '2026-01-01', '2026-12-31'],
    ['今年', '2026', '2026-01-01', '2026-12-31'],
    ['last-year', '2025', '2025-01-01', '2025-12-31'],
    ['去年', '2025', '2025-01-01', '2025-12-31'],
    ['2026-W53', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2026-W01', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2020-W53', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2024-02', '2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02', '2025-02', '2025-02-01', '2025-02-28'],
    ['2026-Q1', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026', '2026', '2026-01-01', '2026-12-31'],
  ])('%s → %s [%s, %s]', (input, label, from, to) => {
    expect(parsePeriod(input, today)).toMatchObject({ label, from, to });
  });

  it('2026-12-31 falls in ISO week 2026-W53', () => {
    expect(parsePeriod('this-week', '2026-12-31').label).toBe('2026-W53');
    expect(parsePeriod('this-week', '2027-01-03').label).toBe('2026-W53');
    expect(parsePeriod('this-week', '2027-01-04').label).toBe('2027-W01');
  });

  it('last-* across a year boundary', () => {
    expect(parsePeriod('last-month', '2026-01-15')).toMatchObject({ label: '2025-12', from: '2025-12-01', to: '2025-12-31' });
    expect(parsePeriod('last-quarter', '2026-02-01')).toMatchObject({ label: '2025-Q4' });
    expect(parsePeriod('last-week', '2026-01-02')).toMatchObject({ label: '2025-W52', from: '2025-12-22' });
  });

  it.each(['2025-W53', '2026-W54', '2026-W00', '2026-13', '2026-Q5', 'next-week', '26', 'week', ''])('refuses %j', (input) => {
    expect(() => parsePeriod(input, today)).toThrowError(/invalid period.*YYYY-Www/);
  });
});

describe('ranges and splitting', () => {
  it('rangePeriod refuses a reversed range', () => {
    expect(() => rangePeriod('2026-02-01', '2026-01-01')).toThrowError(/after/);
    expect(rangePeriod('2026-01-01', '2026-01-01')).toMatchObject({ from: '2026-01-01', to: '2026-01-01' });
  });

  it('splits a quarter by month and by ISO week (clipped at the edges)', () => {
    expect(splitPeriod('2026-10-01', '2026-12-31', 'month').map((p) => p.label)).toEqual(['2026-10', '2026-11', '2026-12']);
    const weeks = splitPeriod('2026-10-01', '2026-12-31', 'week');
    expect(weeks[0]).toMatchObject({ label: '2026-W40', from: '2026-10-01', to: '2026-10-04' });
    expect(weeks.at(-1)).toMatchObject({ label: '2026-W53', from: '2026-12-28', to: '2026-12-31' });
    expect(weeks).toHaveLength(14);
    expect(splitPeriod('2026-10-01', '2026-12-31', 'week', true)[0]).toMatchObject({ from: '2026-09-28' });
  });

  it('adds days over month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(earliest(new Set(['2026-03-01', '2025-12-31', '2026-01-15']))).toBe('2025-12-31');
    expect(latest(['2026-03-01', '2026-11-30', '2026-01-15'])).toBe('2026-11-30');
    expect(() => earliest([])).toThrow();
  });
});

describe('day arithmetic in integers', () => {
  // Any day from 1900 to 2999 and shifts of up to ten years either way, against date-fns on local noon.
  const day = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2999-12-31') }).map(fromDayNumber);
  it('addDays and daysBetween agree with date-fns', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -3660, max: 3660 }), day, (iso, n, other) => {
        expect(addDays(iso, n)).toBe(fromDate(addDaysFns(toDate(iso), n)));
        expect(daysBetween(iso, other)).toBe(differenceInCalendarDays(toDate(other), toDate(iso)));
      }),
      { numRuns: 5000 },
    );
  });
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-02-29', 11016],
    ['1900-03-01', -25508],
    ['2999-12-31', 376199],
  ])('%s is day %i, and back', (iso, n) => {
    expect(dayNumber(iso)).toBe(n);
    expect(fromDayNumber(n)).toBe(iso);
  });
  it.each(['2026-1-01', '2026-01-1', '2026/01/01', '2026-01-01\n', ' 2026-01-01', '２０２６-01-01', '2026-0a-01', '20260-1-01', ''])('%j is not a day', (iso) => {
    expect(() => dayNumber(iso)).toThrow(/not an ISO date/);
  });
});
