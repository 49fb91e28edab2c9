// Pure meeting rules as tables: quorum at its exact boundaries, counts from attendance, and the
// compliance calculator (months, quarters, years, a period cutting an interval, a changed
// frequency, today inside an interval).
import { describe, expect, it } from 'vitest';
import { complianceCountRange, computeCompliance, type MonthCount } from '../../src/domain/compliance.js';
import {
  atLeastTwoThirds,
  checkQuorum,
  DEFAULT_FREQUENCY,
  deriveCounts,
  MEETING_TYPES,
  moreThanHalf,
  splitAbsent,
  type AttendanceEntry,
  type Frequency,
  type MeetingType,
} from '../../src/domain/meeting.js';
import { settingSpec } from '../../src/domain/settings.js';
import { hasMessage, t } from '../../src/i18n/index.js';

describe('quorum arithmetic', () => {
  it.each([
    [15, 30, false], // exactly half is not more than half
    [16, 30, true],
    [1, 2, false],
    [2, 3, true],
    [1, 1, true],
    [0, 0, false],
  ])('moreThanHalf(%i, %i) = %s', (n, of, want) => expect(moreThanHalf(n, of)).toBe(want));

  it.each([
    [20, 30, true], // exactly two thirds
    [19, 30, false],
    [2, 3, true],
    [1, 2, false],
    [7, 10, true],
    [6, 10, false],
    [0, 0, false],
  ])('atLeastTwoThirds(%i, %i) = %s', (n, of, want) => expect(atLeastTwoThirds(n, of)).toBe(want));

  it.each<[MeetingType, boolean, number | null, number | null, unknown]>([
    ['branch-general', true, 30, 15, { needed: true, rule: 'more-than-half', met: false }],
    ['branch-general', true, 30, 16, { needed: true, rule: 'more-than-half', met: true }],
    ['villager-reps', true, 30, 19, { needed: true, rule: 'two-thirds', met: false }],
    ['villager-reps', true, 30, 20, { needed: true, rule: 'two-thirds', met: true }],
    ['branch-general', false, 30, 1, { needed: false }],
    ['theme-day', true, 30, 1, { needed: false }],
    ['villagers', true, 30, 1, { needed: false }],
    ['branch-general', true, null, 10, { needed: true, rule: 'more-than-half', missingCounts: true }],
  ])('checkQuorum(%s, vote=%s, %s expected, %s present)', (type, vote, expected, present, want) =>
    expect(checkQuorum(type, vote, expected, present)).toEqual(want));
});

const came = (id: number | null, name = `p${id}`): AttendanceEntry => ({ person_id: id, name, present: true, reason: null });
const away = (id: number | null, name = `p${id}`): AttendanceEntry => ({ person_id: id, name, present: false, reason: 'ill' });

describe('deriveCounts', () => {
  it.each<[string, number | null, number | null, AttendanceEntry[], unknown]>([
    ['bare numbers as given', 30, 22, [], { ok: true, expected: 30, present: 22 }],
    ['no counts at all', null, null, [], { ok: true, expected: null, present: null }],
    ['present can equal expected', 5, 5, [], { ok: true, expected: 5, present: 5 }],
    ['present over expected', 5, 6, [], { ok: false, error: 'present_exceeds_expected' }],
    ['lists only', null, null, [came(1), came(2), away(3)], { ok: true, expected: 3, present: 2 }],
    ['absentees and --expected: the rest came', 30, null, [away(1), away(2)], { ok: true, expected: 30, present: 28 }],
    ['--present with lists: expected adds the absent', null, 10, [came(1), away(2)], { ok: true, expected: 11, present: 10 }],
    ['lists fit the totals', 5, 4, [came(1), came(2), came(3), away(4)], { ok: true, expected: 5, present: 4 }],
    ['more named present than --present', null, 2, [came(1), came(2), came(3)], { ok: false, error: 'lists_exceed_counts' }],
    ['more named absent than expected', 1, null, [away(1), away(2)], { ok: false, error: 'lists_exceed_counts' }],
    ['more absent than expected - present', 5, 4, [away(1), away(2)], { ok: false, error: 'lists_exceed_counts' }],
    ['lists with present over expected', 3, 4, [came(1)], { ok: false, error: 'present_exceeds_expected' }],
    ['same roster person twice', null, null, [came(1), away(1)], { ok: false, error: 'duplicate_attendee' }],
    ['same plain name twice', null, null, [came(null, '王五'), came(null, '王五')], { ok: false, error: 'duplicate_attendee' }],
    ['a plain name and a roster person of that name differ', null, null, [came(null, '王五'), came(7, '王五')], { ok: true, expected: 2, present: 2 }],
  ])('%s', (_, expected, present, entries, want) => expect(deriveCounts({ expected, present }, entries)).toEqual(want));
});

describe('splitAbsent', () => {
  it.each([
    ['李四:ill', { ref: '李四', reason: 'ill' }],
    ['李四：病假', { ref: '李四', reason: '病假' }],
    ['12', { ref: '12', reason: null }],
    [' 李四 : working away ', { ref: '李四', reason: 'working away' }],
    ['李四:', { ref: '李四', reason: null }],
    ['李四:away: in town', { ref: '李四', reason: 'away: in town' }],
  ])('%s', (input, want) => expect(splitAbsent(input)).toEqual(want));
});

const NONE = Object.fromEntries(MEETING_TYPES.map((k) => [k, 'none'])) as Record<MeetingType, Frequency>;
const only = (type: MeetingType, freq: Frequency) => ({ ...NONE, [type]: freq });
const held = (type: MeetingType, ...months: string[]): MonthCount[] => months.map((month) => ({ type, month, held: 1 }));
/** interval:held:status, compact. */
const brief = (rows: ReturnType<typeof computeCompliance>) => rows.map((r) => `${r.interval}:${r.held}:${r.status}`);

describe('computeCompliance', () => {
  it('months: every month over, plus the current month (held, or pending)', () => {
    const rows = computeCompliance('2026-01-01', '2026-11-27', '2026-11-27', only('theme-day', 'monthly'), [
      ...held('theme-day', '2026-01', '2026-03', '2026-03', '2026-11'),
    ]);
    expect(brief(rows)).toEqual([
      '2026-01:1:ok', '2026-02:0:missing', '2026-03:2:ok', '2026-04:0:missing', '2026-05:0:missing', '2026-06:0:missing',
      '2026-07:0:missing', '2026-08:0:missing', '2026-09:0:missing', '2026-10:0:missing', '2026-11:1:ok',
    ]);
    expect(rows[0]).toEqual({ type: 'theme-day', interval: '2026-01', from: '2026-01-01', to: '2026-01-31', required: 1, held: 1, ok: true, status: 'ok' });
  });

  it.each([
    ['2026-11-27', ['2026-11:0:pending']], // inside November, not held: due on its last day
    ['2026-11-30', ['2026-11:0:pending']], // its last day: the month is not over until the day is
    ['2026-12-01', ['2026-11:0:missing']],
  ])('today %s inside or after an unheld month', (today, want) => {
    expect(brief(computeCompliance('2026-11-01', '2026-11-30', today, only('theme-day', 'monthly'), []))).toEqual(want);
  });

  it('quarters: Q4 not over is pending until held', () => {
    const f = only('branch-general', 'quarterly');
    expect(brief(computeCompliance('2026-01-01', '2026-11-27', '2026-11-27', f, held('branch-general', '2026-02', '2026-09')))).toEqual([
      '2026-Q1:1:ok', '2026-Q2:0:missing', '2026-Q3:1:ok', '2026-Q4:0:pending',
    ]);
    expect(brief(computeCompliance('2026-01-01', '2026-11-27', '2026-11-27', f, held('branch-general', '2026-10')))).toEqual([
      '2026-Q1:0:missing', '2026-Q2:0:missing', '2026-Q3:0:missing', '2026-Q4:1:ok',
    ]);
  });

  it('years: a past year is judged; the current one is pending until held', () => {
    const f = only('org-life', 'yearly');
    expect(brief(computeCompliance('2025-01-01', '2025-12-31', '2026-11-27', f, held('org-life', '2025-12')))).toEqual(['2025:1:ok']);
    expect(brief(computeCompliance('2025-01-01', '2025-12-31', '2026-11-27', f, []))).toEqual(['2025:0:missing']);
    expect(brief(computeCompliance('2026-01-01', '2026-11-27', '2026-11-27', f, []))).toEqual(['2026:0:pending']);
    expect(brief(computeCompliance('2026-01-01', '2026-11-27', '2026-11-27', f, held('org-life', '2026-06')))).toEqual(['2026:1:ok']);
  });

  it('a period cutting an interval judges the whole interval, shown with its own bounds', () => {
    const rows = computeCompliance('2026-02-01', '2026-02-28', '2026-11-27', only('branch-general', 'quarterly'), held('branch-general', '2026-03'));
    expect(rows).toEqual([{ type: 'branch-general', interval: '2026-Q1', from: '2026-01-01', to: '2026-03-31', required: 1, held: 1, ok: true, status: 'ok' }]);
    // An ISO week across two months touches both.
    expect(brief(computeCompliance('2026-01-26', '2026-02-01', '2026-11-27', only('theme-day', 'monthly'), held('theme-day', '2026-02')))).toEqual([
      '2026-01:0:missing', '2026-02:1:ok',
    ]);
  });

  it('a changed frequency changes the intervals; none drops the type', () => {
    const counts = held('party-lesson', '2026-05');
    const at = (freq: Frequency) => brief(computeCompliance('2026-01-01', '2026-12-31', '2027-01-15', only('party-lesson', freq), counts));
    expect(at('yearly')).toEqual(['2026:1:ok']);
    expect(at('quarterly')).toEqual(['2026-Q1:0:missing', '2026-Q2:1:ok', '2026-Q3:0:missing', '2026-Q4:0:missing']);
    expect(at('monthly')).toHaveLength(12);
    expect(at('none')).toEqual([]);
  });

  it('types in DOMAIN.md order, counts of other types ignored, a future period is empty', () => {
    const f = { ...NONE, 'theme-day': 'yearly', 'branch-general': 'yearly' } as const;
    const rows = computeCompliance('2025-01-01', '2025-12-31', '2026-11-27', f, held('theme-day', '2025-03'));
    expect(rows.map((r) => `${r.type}:${r.held}`)).toEqual(['branch-general:0', 'theme-day:1']);
    expect(computeCompliance('2027-01-01', '2027-12-31', '2026-11-27', DEFAULT_FREQUENCY, [])).toEqual([]);
  });

  it.each([
    // Nothing is owed before the ledger began; the interval it began in is judged.
    ['2026-03-15', ['2026-03:0:missing', '2026-04:0:missing', '2026-05:0:pending']],
    ['2026-03-31', ['2026-03:0:missing', '2026-04:0:missing', '2026-05:0:pending']],
    ['2026-04-01', ['2026-04:0:missing', '2026-05:0:pending']],
    ['2026-05-31', ['2026-05:0:pending']],
    ['2026-06-01', []],
  ])('ledger started %s: months of 2026 up to 2026-05-31', (start, want) => {
    expect(brief(computeCompliance('2026-01-01', '2026-05-31', '2026-05-31', only('theme-day', 'monthly'), [], start))).toEqual(want);
  });

  it.each([
    ['2026-02-01', '2026-02-28', '2026-11-27', { from: '2026-01-01', to: '2026-11-27' }],
    ['2025-04-01', '2025-06-30', '2026-11-27', { from: '2025-01-01', to: '2025-12-31' }],
    ['2025-12-29', '2026-01-04', '2026-11-27', { from: '2025-01-01', to: '2026-11-27' }],
  ])('complianceCountRange(%s, %s, today %s)', (from, to, today, want) => expect(complianceCountRange(from, to, today)).toEqual(want));
});

describe('keys and settings', () => {
  it('every meeting type has a frequency setting with the DOMAIN.md default and labels in both languages', () => {
    for (const type of MEETING_TYPES) {
      const spec = settingSpec(`meeting.frequency.${type}`);
      expect(spec.default).toBe(DEFAULT_FREQUENCY[type]);
      expect(spec.parse(' quarterly ')).toBe('quarterly');
      expect(() => spec.parse('weekly')).toThrow(/monthly, quarterly, yearly, none/);
      for (const key of [`meeting_type.${type}`, `setting.meeting.frequency.${type}`]) {
        expect(hasMessage(key), key).toBe(true);
        expect(t(key, {}, 'zh')).not.toBe(t(key, {}, 'en'));
      }
    }
  });

  it('defaults follow DOMAIN.md', () => {
    expect(DEFAULT_FREQUENCY).toMatchObject({
      'branch-general': 'quarterly',
      'branch-committee': 'monthly',
      'party-group': 'monthly',
      'party-lesson': 'yearly',
      'theme-day': 'monthly',
      'org-life': 'yearly',
      'affairs-disclosure': 'quarterly',
      'finance-disclosure': 'monthly',
      villagers: 'none',
    });
  });
});
