import { describe, expect, it } from 'vitest';
import {
  checkDoneDate,
  checkSchedule,
  countGoalsByArea,
  deriveStatus,
  isOverdue,
  parseBudget,
  parsePercent,
  PLAN_AREAS,
  PLAN_KINDS,
  PLAN_STATUSES,
  practicalYear,
  type StatusInputs,
} from '../../src/domain/plan.js';
import { UsageError } from '../../src/errors.js';
import { catalogueKeys, label, t } from '../../src/i18n/index.js';

const TODAY = '2026-11-27';

const inputs = (o: Partial<StatusInputs> = {}): StatusInputs => ({
  declared_status: null,
  milestones_total: 0,
  milestones_done: 0,
  milestones_started: 0,
  milestones_dropped: 0,
  progress_notes: 0,
  percent: null,
  ...o,
});

describe('deriveStatus', () => {
  it.each<[string, Partial<StatusInputs>, string]>([
    ['nothing at all', {}, 'planned'],
    ['milestones, none started', { milestones_total: 3 }, 'planned'],
    ['all milestones dropped', { milestones_total: 2, milestones_dropped: 2 }, 'planned'],
    ['one milestone started', { milestones_total: 3, milestones_started: 1 }, 'in-progress'],
    ['some done', { milestones_total: 3, milestones_done: 1 }, 'in-progress'],
    ['all but one done', { milestones_total: 3, milestones_done: 2 }, 'in-progress'],
    ['all done', { milestones_total: 3, milestones_done: 3 }, 'done'],
    ['all live ones done, one dropped', { milestones_total: 3, milestones_done: 2, milestones_dropped: 1 }, 'done'],
    ['a progress note, no milestones', { progress_notes: 1, percent: null }, 'in-progress'],
    ['a progress note at 0%', { progress_notes: 1, percent: 0 }, 'in-progress'],
    ['100% reported, no milestones', { progress_notes: 1, percent: 100 }, 'done'],
    ['100% reported but a milestone pending', { progress_notes: 1, percent: 100, milestones_total: 2, milestones_done: 1 }, 'in-progress'],
    ['99% reported', { progress_notes: 1, percent: 99 }, 'in-progress'],
    ['declared done wins over pending milestones', { declared_status: 'done', milestones_total: 2 }, 'done'],
    ['declared dropped wins over all milestones done', { declared_status: 'dropped', milestones_total: 2, milestones_done: 2 }, 'dropped'],
  ])('%s → %s', (_, o, expected) => {
    expect(deriveStatus(inputs(o))).toBe(expected);
  });
});

describe('isOverdue on the boundary day (today pinned to 2026-11-27)', () => {
  it.each<[string | null, string, boolean]>([
    ['2026-11-26', 'planned', true],
    ['2026-11-26', 'in-progress', true],
    ['2026-11-27', 'planned', false], // due today: not yet late
    ['2026-11-28', 'planned', false],
    ['2026-11-26', 'done', false],
    ['2026-11-26', 'dropped', false],
    ['2025-12-31', 'in-progress', true],
    [null, 'planned', false],
  ])('due %s, %s → %s', (due_on, status, expected) => {
    expect(isOverdue({ due_on, status: status as (typeof PLAN_STATUSES)[number] }, TODAY)).toBe(expected);
  });
});

describe('parsePercent', () => {
  it.each([
    ['0', 0],
    ['100', 100],
    ['45', 45],
    ['45%', 45],
    [' 7 ', 7],
  ])('%s → %d', (v, n) => expect(parsePercent(v)).toBe(n));
  it.each(['101', '120', '-1', '50.5', 'half', '', '1e2'])('refuses %s (never clamps)', (v) => {
    expect(() => parsePercent(v)).toThrow(UsageError);
    expect(() => parsePercent(v)).toThrow(/0 to 100/);
  });
});

describe('parseBudget', () => {
  it.each([
    ['80000', 80000],
    ['80,000', 80000],
    ['1250.5', 1250.5],
    ['0', 0],
  ])('%s → %d', (v, n) => expect(parseBudget(v)).toBe(n));
  it.each(['-5', 'lots', '1.234', '8万'])('refuses %s', (v) => expect(() => parseBudget(v)).toThrow(UsageError));
});

describe('date rules', () => {
  it('refuses a due date before the start, accepts the same day', () => {
    expect(() => checkSchedule('2026-03-01', '2026-02-28')).toThrow(/before the start 2026-03-01/);
    expect(() => checkSchedule('2026-03-01', '2026-03-01')).not.toThrow();
    expect(() => checkSchedule(null, '2026-03-01')).not.toThrow();
  });
  it('refuses a done date before the start or after today', () => {
    expect(() => checkDoneDate('2026-02-28', '2026-03-01', TODAY)).toThrow(/done date 2026-02-28 is before the start 2026-03-01/);
    expect(() => checkDoneDate('2026-03-01', '2026-03-01', TODAY)).not.toThrow();
    expect(() => checkDoneDate(TODAY, null, TODAY)).not.toThrow();
    expect(() => checkDoneDate('2026-11-28', null, TODAY)).toThrow(UsageError);
  });
  it('counts a practical thing in its due year, else its start year, else the year it was added', () => {
    expect(practicalYear({ due_on: '2027-01-15', start_on: '2026-10-01' }, '2026-09-01')).toBe('2027');
    expect(practicalYear({ due_on: null, start_on: '2026-10-01' }, '2025-09-01')).toBe('2026');
    expect(practicalYear({ due_on: null, start_on: null }, '2025-09-01')).toBe('2025');
  });
});

describe('countGoalsByArea', () => {
  it('counts per area and status, keeps every area, names the uncovered ones', () => {
    const r = countGoalsByArea([
      { area: 'industry', status: 'in-progress', overdue: true },
      { area: 'industry', status: 'done', overdue: false },
      { area: 'environment', status: 'planned', overdue: false },
      { area: 'environment', status: 'dropped', overdue: false },
    ]);
    expect(r.rows.map((x) => x.area)).toEqual([...PLAN_AREAS]);
    expect(r.rows[0]).toEqual({ area: 'industry', goals: 2, planned: 0, in_progress: 1, done: 1, dropped: 0, overdue: 1 });
    expect(r.rows.find((x) => x.area === 'environment')).toMatchObject({ goals: 2, planned: 1, dropped: 1 });
    expect(r.total).toEqual({ goals: 4, planned: 1, in_progress: 1, done: 1, dropped: 1, overdue: 1 });
    expect(r.uncovered_areas).toEqual(['income', 'public-welfare', 'collective-economy', 'party-building', 'governance']);
  });
});

describe('labels', () => {
  it('every area, kind and status has an English and a Chinese label', () => {
    for (const [kind, keys] of [
      ['plan_area', PLAN_AREAS],
      ['plan_kind', PLAN_KINDS],
      ['plan_status', PLAN_STATUSES],
    ] as const) {
      for (const k of keys) {
        expect(catalogueKeys()).toContain(`${kind}.${k}`);
        expect(label(kind, k, 'zh')).not.toBe(label(kind, k, 'en'));
      }
    }
    expect(label('plan_area', 'public-welfare', 'zh')).toBe('公益事业/基础设施');
    expect(t('err.plan_bad_percent', { value: '120' }, 'zh')).toContain('0 到 100');
  });
});
