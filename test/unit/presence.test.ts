// Presence rules on their edges (issue 15): the target at 19 and 20 days, leave crossing the
// approval limit, holidays and a 调休 working Sunday, 1 January, a leap year, the projection.
import { describe, expect, it } from 'vitest';
import { isWorkingDay, leaveStretch, summarisePresence, type Calendar, type PresenceDay, type PresenceSettings } from '../../src/domain/presence.js';
import { addDays } from '../../src/time/dates.js';

// 2026 as the package has it, in part: 元旦 1–3 January, 4 January (Sunday) a make-up working day,
// National Day 1–8 October with 10 October (Saturday) worked.
const cal2026: Calendar = {
  days: new Map<string, boolean>([
    ['2026-01-01', false], ['2026-01-02', false], ['2026-01-03', false], ['2026-01-04', true],
    ...Array.from({ length: 8 }, (_, i) => [`2026-10-0${i + 1}`, false] as [string, boolean]), ['2026-10-10', true],
  ]),
  years: new Set([2026]),
};
const settings: PresenceSettings = { month_min: 20, year_min: 200, approval_days: 5, max_leave_days: 30, business_counts: true };
const inVillage = (from: string, n: number, status: PresenceDay['status'] = 'in-village'): PresenceDay[] =>
  Array.from({ length: n }, (_, i) => ({ date: addDays(from, i), status, leave_type: status === 'leave' ? 'personal' : null, approved_by: null, note: null }));
const month = (m: string) => ({ from: `${m}-01`, to: addDays(`${m}-01`, new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)), 0)).getUTCDate() - 1), unit: 'month' });

describe('working days', () => {
  const cases: Array<[string, boolean, string]> = [
    ['2026-01-01', false, '元旦, a Thursday'],
    ['2026-01-04', true, 'a 调休 working Sunday'],
    ['2026-01-05', true, 'a Monday'],
    ['2026-01-10', false, 'a Saturday'],
    ['2026-10-08', false, 'National Day week, a Thursday'],
    ['2026-10-10', true, 'a 调休 working Saturday'],
    ['2024-02-29', true, 'a leap day (a Thursday) in a year the calendar does not list'],
  ];
  it.each(cases)('%s is a working day: %s (%s)', (d, expected) => expect(isWorkingDay(d, cal2026)).toBe(expected));

  it('counts January 2026: 22 weekdays, less 元旦 on Thursday and Friday, plus the working Sunday', () => {
    expect(summarisePresence(month('2026-01'), [], 0, cal2026, settings, '2026-01-31').working_days).toBe(21);
  });
  it('counts February of a leap year (2028: 29 days, 21 weekdays) and says the year is not covered', () => {
    const s = summarisePresence(month('2028-02'), [], 0, cal2026, settings, '2028-02-29');
    expect([s.working_days, s.uncovered_years]).toEqual([21, [2028]]);
  });
});

describe('the month target', () => {
  const cases: Array<[number, boolean, number]> = [
    [19, false, 1],
    [20, true, 0],
    [21, true, 0],
  ];
  it.each(cases)('%i days in the village: met %s, %i more needed', (n, met, needed) => {
    const s = summarisePresence(month('2026-11'), inVillage('2026-11-01', n), 0, cal2026, settings, '2026-11-30');
    expect([s.days_in_village, s.days_counted, s.target, s.target_met, s.needed]).toEqual([n, n, 20, met, needed]);
  });
  it('business and training count as presence unless presence.business_counts is no', () => {
    const days = [...inVillage('2026-11-02', 18), ...inVillage('2026-11-20', 1, 'business'), ...inVillage('2026-11-21', 1, 'training')];
    expect(summarisePresence(month('2026-11'), days, 0, cal2026, settings, '2026-11-30')).toMatchObject({ days_in_village: 18, days_counted: 20, target_met: true });
    expect(summarisePresence(month('2026-11'), days, 0, cal2026, { ...settings, business_counts: false }, '2026-11-30')).toMatchObject({ days_counted: 18, target_met: false, needed: 2 });
  });
  it('a year has presence.year_min; a week has no target', () => {
    expect(summarisePresence({ from: '2026-01-01', to: '2026-12-31', unit: 'year' }, [], 0, cal2026, settings, '2026-12-01').target).toBe(200);
    expect(summarisePresence({ from: '2026-11-23', to: '2026-11-29', unit: 'week' }, [], 0, cal2026, settings, '2026-11-27')).toMatchObject({ target: null, target_met: null, needed: null });
  });
});

describe('the projection on each day of November 2026', () => {
  // In the village every day so far: on day d, d days counted, 30 - d days left.
  for (let d = 1; d <= 30; d++) {
    const today = `2026-11-${String(d).padStart(2, '0')}`;
    it(`on ${today}`, () => {
      const s = summarisePresence(month('2026-11'), inVillage('2026-11-01', d), 0, cal2026, settings, today);
      expect(s.days_counted).toBe(d);
      expect(s.days_left).toBe(30 - d);
      expect(s.needed).toBe(Math.max(0, 20 - d));
      expect(s.out_of_reach).toBe(false);
      expect(s.unrecorded_working_days).toBe(0);
    });
  }
  it('out of reach when fewer days remain than are needed', () => {
    const s = summarisePresence(month('2026-11'), inVillage('2026-11-01', 5), 0, cal2026, settings, '2026-11-20');
    expect([s.needed, s.days_left, s.out_of_reach, s.unrecorded_working_days]).toEqual([15, 10, true, 11]);
  });
});

describe('leave approval', () => {
  const none = new Map<string, Pick<PresenceDay, 'status' | 'approved_by'>>();
  const leave = (dates: string[], approved_by: string | null = null) => new Map(dates.map((d) => [d, { status: 'leave' as const, approved_by }]));
  it('five working days Monday to Friday are one stretch of 5; the next Monday makes it 6 across the weekend', () => {
    const week = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
    expect(leaveStretch(week, none, cal2026)).toMatchObject({ days: 5, approved: false });
    expect(leaveStretch(['2026-11-09'], leave(week), cal2026)).toMatchObject({ from: '2026-11-02', to: '2026-11-09', days: 6, approved: false });
  });
  it('a recorded day in the village between breaks the stretch', () => {
    const existing = new Map<string, Pick<PresenceDay, 'status' | 'approved_by'>>([...leave(['2026-11-02', '2026-11-03']), ['2026-11-04', { status: 'in-village', approved_by: null }]]);
    expect(leaveStretch(['2026-11-05'], existing, cal2026)).toMatchObject({ from: '2026-11-05', days: 1 });
  });
  it('leave around National Day is bridged by the holiday week', () => {
    expect(leaveStretch(['2026-10-09'], leave(['2026-09-29', '2026-09-30']), cal2026)).toMatchObject({ from: '2026-09-29', to: '2026-10-09', days: 3 });
  });
  it('an approved day in the stretch approves it', () => {
    expect(leaveStretch(['2026-11-09'], leave(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'], '县委组织部'), cal2026).approved).toBe(true);
  });
});
