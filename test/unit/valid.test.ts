// The rules behind "records you can trust": resolution dates, the stale-household rule, stored values.
import { describe, expect, it } from 'vitest';
import { planConcernUpdate, type ConcernUpdate } from '../../src/domain/concerns.js';
import { fillAddedOn, recordProblem, ruleProblem, type Rule } from '../../src/domain/constraints.js';
import { fromDate } from '../../src/time/dates.js';
import { recentVisitSince } from '../../src/domain/visits.js';

describe('resolving a concern records the day it was resolved', () => {
  const open = { status: 'open' as const, referred_to: null, raised_on: '2026-11-02', resolved_on: null };
  const resolved = { ...open, status: 'resolved' as const, resolved_on: '2026-11-10' };
  const today = '2026-12-01';
  const cases: [string, typeof open | typeof resolved, ConcernUpdate, unknown][] = [
    ['told on 11-16, typed on 12-01: resolved on 11-16', open, { status: 'resolved', feedback_on: '2026-11-16' }, { status: 'resolved', feedback_on: '2026-11-16', resolved_on: '2026-11-16' }],
    ['no date given: today', open, { status: 'resolved' }, { status: 'resolved', resolved_on: today }],
    ['--resolved-on wins over --feedback-on', open, { status: 'resolved', resolved_on: '2026-11-14', feedback_on: '2026-11-16' }, { status: 'resolved', resolved_on: '2026-11-14', feedback_on: '2026-11-16' }],
    ['correcting the day of an already resolved concern', resolved, { resolved_on: '2026-11-08' }, { resolved_on: '2026-11-08' }],
    ['feedback later on a resolved concern keeps its day', resolved, { feedback_on: '2026-11-20' }, { feedback_on: '2026-11-20' }],
  ];
  for (const [name, current, update, changes] of cases) {
    it(name, () => expect(planConcernUpdate(current, update, today)).toEqual({ ok: true, changes }));
  }
  it('refuses a resolution day before the concern was raised, or without resolving', () => {
    expect(planConcernUpdate(open, { status: 'resolved', resolved_on: '2026-11-01' }, today)).toEqual({ ok: false, error: 'resolved_before_raised' });
    expect(planConcernUpdate(open, { resolved_on: '2026-11-05' }, today)).toEqual({ ok: false, error: 'resolved_on_needs_resolved' });
  });
});

describe('visit.stale_days: one rule', () => {
  it.each([
    ['2026-11-30', 30, '2026-10-31'],
    ['2026-03-01', 1, '2026-02-28'],
  ])('on %s with %i days, a visit from %s on still counts', (asOf, days, since) => {
    expect(recentVisitSince(asOf, days)).toBe(since);
  });
});

describe('stored values are checked as the CLI checks them', () => {
  const cases: [Rule, unknown, boolean][] = [
    [{ kind: 'date' }, '2026-11-20', true],
    [{ kind: 'date' }, '20-11-2026', false],
    [{ kind: 'date' }, '2026-02-29', false],
    [{ kind: 'date' }, '2028-02-29', true],
    [{ kind: 'date' }, 20261120, false],
    [{ kind: 'date' }, null, true],
    [{ kind: 'key', keys: ['a', 'b'] }, 'b', true],
    [{ kind: 'key', keys: ['a', 'b'] }, 'B', false],
    [{ kind: 'keys', keys: ['a', 'b'] }, '["a","b"]', true],
    [{ kind: 'keys', keys: ['a', 'b'] }, '["c"]', false],
    [{ kind: 'keys', keys: ['a', 'b'] }, '{"a":1}', false],
    [{ kind: 'keys', keys: ['a', 'b'] }, 'not json', false],
    [{ kind: 'int', min: 0, max: 100 }, 100, true],
    [{ kind: 'int', min: 0, max: 100 }, 101, false],
    [{ kind: 'int', min: 0, max: 100 }, 5.5, false],
    [{ kind: 'int', min: 1 }, 0, false],
    [{ kind: 'int', min: 0 }, '3', false],
    [{ kind: 'bool' }, 1, true],
    [{ kind: 'bool' }, true, true],
    [{ kind: 'bool' }, 2, false],
    [{ kind: 'amount' }, 1200.5, true],
    [{ kind: 'amount' }, -1, false],
  ];
  it.each(cases)('%j: %j → %s', (rule, value, ok) => expect(ruleProblem(rule, value) === undefined).toBe(ok));

  it('settings by the settings rules: normalised when fine, refused with the reason when not, unknown keys carried', () => {
    const fine = { key: 'concern.due_days', value: ' 20' };
    expect(recordProblem('settings', fine)).toBeUndefined();
    expect(fine.value).toBe('20');
    expect(recordProblem('settings', { key: 'concern.due_days', value: 'ten' })).toMatchObject({ field: 'value', value: 'ten' });
    expect(recordProblem('settings', { key: 'meeting.frequency.theme-day', value: 'weekly' })).toMatchObject({ field: 'value' });
    expect(recordProblem('settings', { key: 'later.setting', value: 'x' })).toBeUndefined();
  });
});

describe('a record from an export older than schema 7', () => {
  it('gets added_on from its created_at in local time; one that has it keeps it; other tables are left alone', () => {
    const old: Record<string, unknown> = { name: '王秀英', created_at: '2026-12-31T23:30:00.000Z' };
    fillAddedOn('people', old);
    expect(old.added_on).toBe(fromDate(new Date('2026-12-31T23:30:00.000Z')));
    const given: Record<string, unknown> = { created_at: '2026-12-31T23:30:00.000Z', added_on: '2026-11-01' };
    fillAddedOn('plans', given);
    expect(given.added_on).toBe('2026-11-01');
    const visit: Record<string, unknown> = { created_at: '2026-12-31T23:30:00.000Z' };
    fillAddedOn('visits', visit);
    expect('added_on' in visit).toBe(false);
  });
});
