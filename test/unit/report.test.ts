// The report's pure parts: merging interval figures, the zero-report rule, the long format, the
// and the period edges a report meets (ISO week 53, quarter ends, leap day, clipped weeks).
import { describe, expect, it } from 'vitest';
import { isZeroReport, longRows, mergeIntervals, type Figures, type ReportModel, type SectionReport } from '../../src/domain/report.js';
import { parsePeriod, splitPeriod } from '../../src/time/periods.js';

const today = '2026-11-27';

describe('mergeIntervals', () => {
  it('without intervals: one total per key, no intervals array', () => {
    expect(mergeIntervals({ summary: { total: 3, people: 2 } }, undefined)).toEqual({
      summary: [
        { key: 'total', total: 3 },
        { key: 'people', total: 2 },
      ],
    });
  });

  it('with intervals: one value per interval, 0 where an interval lacks the key, keys of any interval kept', () => {
    const total: Figures = { summary: { held: 2 }, by_helper: { 张三: 1 } };
    const per: Figures[] = [{ summary: { held: 0 }, by_helper: {} }, { summary: { held: 2 }, by_helper: { 张三: 1, 李四: 1 } }, { summary: { held: 0 } }];
    expect(mergeIntervals(total, per)).toEqual({
      summary: [{ key: 'held', total: 2, intervals: [0, 2, 0] }],
      by_helper: [
        { key: '张三', total: 1, intervals: [0, 1, 0] },
        // Active in an interval but not at the period's end: still a row, total 0.
        { key: '李四', total: 0, intervals: [0, 1, 0] },
      ],
    });
  });

  it('keeps NaN rates (nothing to divide) as they are', () => {
    expect(mergeIntervals({ attendance: { rate: Number.NaN } }, [{ attendance: { rate: Number.NaN } }]).attendance![0]).toEqual({ key: 'rate', total: Number.NaN, intervals: [Number.NaN] });
  });
});

const section = (name: SectionReport['name'], flows: string[], summary: Record<string, number>): SectionReport => ({
  name,
  flows,
  tables: [{ name: 'summary', rows: Object.entries(summary).map(([key, total]) => ({ key, total })) }],
  lists: [],
  details: [],
  details_total: 0,
});

describe('isZeroReport', () => {
  it.each([
    ['nothing moved', [section('visits', ['total'], { total: 0, households_not_visited: 12 }), section('concerns', ['raised', 'resolved'], { raised: 0, resolved: 0, open: 4 })], true],
    ['stock figures (open, not visited) do not count as work done', [section('concerns', ['raised', 'resolved'], { raised: 0, resolved: 0, open: 9, overdue: 3 })], true],
    ['one visit', [section('visits', ['total'], { total: 1 }), section('concerns', ['raised', 'resolved'], { raised: 0, resolved: 0 })], false],
    ['one concern resolved', [section('concerns', ['raised', 'resolved'], { raised: 0, resolved: 1 })], false],
    ['no sections at all', [], true],
  ] as const)('%s → %s', (_name, sections, expected) => {
    expect(isZeroReport(sections)).toBe(expected);
  });
});

function model(by: boolean): ReportModel {
  const period = parsePeriod('2026-Q4', today);
  const intervals = by ? splitPeriod(period.from, period.to, 'month') : [];
  const rows = (total: number, iv: number[]) => (by ? { total, intervals: iv } : { total });
  return {
    period,
    today,
    as_of: today,
    village: '',
    secretary: '',
    by: by ? 'month' : undefined,
    intervals,
    zero_report: false,
    redacted: false,
    sections: [
      {
        name: 'meetings',
        flows: ['held'],
        tables: [
          { name: 'summary', rows: [{ key: 'held', ...rows(3, [1, 2, 0]) }] },
          { name: 'held_by_type', labelKind: 'meeting_type', rows: [{ key: 'theme-day', ...rows(3, [1, 2, 0]) }] },
          { name: 'attendance', ratio: true, rows: [{ key: 'rate', ...rows(0.5, [Number.NaN, 0.5, Number.NaN]) }] },
        ],
        lists: [],
        details: [],
        details_total: 0,
      },
    ],
  };
}

describe('longRows', () => {
  it('one figure per row: summary metrics have no key, breakdowns use the table as metric; interval is the period label', () => {
    expect(longRows(model(false))).toEqual([
      { section: 'meetings', metric: 'held', key: '', interval: '2026-Q4', value: 3 },
      { section: 'meetings', metric: 'held_by_type', key: 'theme-day', interval: '2026-Q4', value: 3 },
      { section: 'meetings', metric: 'attendance', key: 'rate', interval: '2026-Q4', value: 0.5 },
    ]);
  });

  it('with --by: one row per interval, then the total; a rate with nothing to divide is null', () => {
    const rows = longRows(model(true));
    expect(rows.filter((r) => r.metric === 'held').map((r) => [r.interval, r.value])).toEqual([
      ['2026-10', 1],
      ['2026-11', 2],
      ['2026-12', 0],
      ['total', 3],
    ]);
    expect(rows.filter((r) => r.metric === 'attendance').map((r) => r.value)).toEqual([null, 0.5, null, 0.5]);
    expect(rows).toHaveLength(12);
  });
});

describe('report periods', () => {
  it.each([
    // input, label, from, to
    ['2026-W53', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2020-W53', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2027-W01', '2027-W01', '2027-01-04', '2027-01-10'],
    ['2026-W01', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-Q1', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2024-02', '2024-02', '2024-02-01', '2024-02-29'],
    ['2026-02', '2026-02', '2026-02-01', '2026-02-28'],
    ['last-week', '2026-W47', '2026-11-16', '2026-11-22'],
    ['last-quarter', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['上周', '2026-W47', '2026-11-16', '2026-11-22'],
  ])('%s → %s %s..%s', (input, label, from, to) => {
    expect(parsePeriod(input, today)).toMatchObject({ label, from, to });
  });

  it.each(['2026-W54', '2027-W53', '2026-W00', '2026-Q5', '2026-13', 'week'])('refuses %s', (input) => {
    expect(() => parsePeriod(input, today)).toThrow(/invalid period/);
  });

  const split = (period: string, by: 'week' | 'month' | 'quarter') => {
    const p = parsePeriod(period, today);
    return splitPeriod(p.from, p.to, by).map((iv) => `${iv.label} ${iv.from}..${iv.to}`);
  };

  it('--by week over a quarter clips the edge weeks to the quarter and keeps their ISO labels', () => {
    const q1 = split('2027-Q1', 'week');
    expect(q1[0]).toBe('2026-W53 2027-01-01..2027-01-03');
    expect(q1[1]).toBe('2027-W01 2027-01-04..2027-01-10');
    expect(q1.at(-1)).toBe('2027-W13 2027-03-29..2027-03-31');
    expect(q1).toHaveLength(14);
    const q4 = split('2026-Q4', 'week');
    expect(q4[0]).toBe('2026-W40 2026-10-01..2026-10-04');
    expect(q4.at(-1)).toBe('2026-W53 2026-12-28..2026-12-31');
    expect(new Set(q4.map((s) => s.split(' ')[0])).size).toBe(q4.length);
  });

  it('--by week over week 53 is one interval; --by month splits it across the year end', () => {
    expect(split('2026-W53', 'week')).toEqual(['2026-W53 2026-12-28..2027-01-03']);
    expect(split('2026-W53', 'month')).toEqual(['2026-12 2026-12-28..2026-12-31', '2027-01 2027-01-01..2027-01-03']);
    expect(split('2026-W53', 'quarter')).toEqual(['2026-Q4 2026-12-28..2026-12-31', '2027-Q1 2027-01-01..2027-01-03']);
  });

  it('a leap February by week ends on the 29th; a year by month or quarter has its real month ends', () => {
    expect(split('2024-02', 'week')).toEqual([
      '2024-W05 2024-02-01..2024-02-04',
      '2024-W06 2024-02-05..2024-02-11',
      '2024-W07 2024-02-12..2024-02-18',
      '2024-W08 2024-02-19..2024-02-25',
      '2024-W09 2024-02-26..2024-02-29',
    ]);
    expect(split('2024', 'month')[1]).toBe('2024-02 2024-02-01..2024-02-29');
    expect(split('2026', 'month').map((s) => s.slice(-5))).toEqual(['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31']);
    expect(split('2026', 'quarter')).toEqual(['2026-Q1 2026-01-01..2026-03-31', '2026-Q2 2026-04-01..2026-06-30', '2026-Q3 2026-07-01..2026-09-30', '2026-Q4 2026-10-01..2026-12-31']);
    // A quarter by month, a month by quarter: the period itself.
    expect(split('2026-Q3', 'month')).toEqual(['2026-07 2026-07-01..2026-07-31', '2026-08 2026-08-01..2026-08-31', '2026-09 2026-09-01..2026-09-30']);
    expect(split('2026-11', 'quarter')).toEqual(['2026-Q4 2026-11-01..2026-11-30']);
  });
});
