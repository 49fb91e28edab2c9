// Pairing rules as tables: the limit, the duplicate, overdue on its boundary day, dates inside the pairing.
import { describe, expect, it } from 'vitest';
import {
  asOfDate,
  checkEnd,
  checkLogDate,
  checkNewPair,
  countsByKind,
  isPairOverdue,
  nextContactDue,
  pairSchedule,
  parseCadence,
  personKind,
} from '../../src/domain/pair.js';

const active = (n: number, firstPersonId = 100) =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, person_id: firstPersonId + i, started_on: '2026-01-01' }));

describe('checkNewPair', () => {
  it.each([
    ['no pairings yet', 0, 1, 10, { ok: true }],
    ['nine active: the tenth is allowed', 9, 1, 10, { ok: true }],
    ['ten active: the eleventh is refused', 10, 1, 10, { ok: false, error: 'limit', active: 10, max: 10 }],
    ['over the limit after pair.max was lowered', 5, 1, 3, { ok: false, error: 'limit', active: 5, max: 3 }],
    ['limit of one', 1, 1, 1, { ok: false, error: 'limit', active: 1, max: 1 }],
    ['same person already paired', 3, 101, 10, { ok: false, error: 'duplicate', pair_id: 2, started_on: '2026-01-01' }],
    ['same person at the limit: the duplicate is the reason given', 10, 100, 10, { ok: false, error: 'duplicate', pair_id: 1, started_on: '2026-01-01' }],
  ] as const)('%s', (_name, count, personId, max, expected) => {
    expect(checkNewPair(active(count), personId, max)).toEqual(expected);
  });
});

describe('isPairOverdue (today pinned)', () => {
  const base = { started_on: '2026-10-01', ended_on: null, last_contact: null, cadence_days: 30 };
  it.each([
    ['start + cadence - 1: not overdue', base, '2026-10-30', false],
    ['due day (start + cadence): not overdue yet', base, '2026-10-31', false],
    ['day after the due day: overdue', base, '2026-11-01', true],
    ['counts from the last contact, due day', { ...base, last_contact: '2026-10-20' }, '2026-11-19', false],
    ['counts from the last contact, day after', { ...base, last_contact: '2026-10-20' }, '2026-11-20', true],
    ['cadence 1: contacted yesterday', { ...base, cadence_days: 1, last_contact: '2026-11-26' }, '2026-11-27', false],
    ['cadence 1: two days ago', { ...base, cadence_days: 1, last_contact: '2026-11-25' }, '2026-11-27', true],
    ['across a month end and leap day', { ...base, started_on: '2028-02-01', cadence_days: 29 }, '2028-03-02', true],
    ['ended pairings are never overdue', { ...base, ended_on: '2026-10-15' }, '2027-01-01', false],
    ['started in the future', { ...base, started_on: '2026-12-01' }, '2026-11-27', false],
  ] as const)('%s', (_name, pair, today, expected) => {
    expect(isPairOverdue(pair, today)).toBe(expected);
  });

  it('next contact due is the last day that is not overdue', () => {
    const p = { ...base, last_contact: '2026-10-20' };
    const due = nextContactDue(p)!;
    expect(due).toBe('2026-11-19');
    expect(isPairOverdue(p, due)).toBe(false);
    expect(pairSchedule(p, '2026-11-20')).toEqual({ status: 'active', next_contact_due: '2026-11-19', overdue: true, days_since_contact: 31 });
    expect(pairSchedule({ ...p, ended_on: '2026-11-01' }, '2026-11-20')).toEqual({ status: 'ended', next_contact_due: null, overdue: false, days_since_contact: null });
  });
});

describe('parseCadence', () => {
  it.each([
    ['30', 30],
    [' 7 ', 7],
    ['1', 1],
    ['0', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['two', undefined],
    ['', undefined],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseCadence(input)).toBe(expected);
  });
});

describe('dates inside a pairing', () => {
  const pair = { started_on: '2026-10-01', ended_on: null, last_contact: '2026-10-20' };
  it.each([
    ['log on the start day', pair, '2026-10-01', { ok: true }],
    ['log the day before the start', pair, '2026-09-30', { ok: false, error: 'before_start', started_on: '2026-10-01' }],
    ['log on the end day', { ...pair, ended_on: '2026-11-01' }, '2026-11-01', { ok: true }],
    ['log after the end', { ...pair, ended_on: '2026-11-01' }, '2026-11-02', { ok: false, error: 'after_end', ended_on: '2026-11-01' }],
  ] as const)('%s', (_name, p, date, expected) => {
    expect(checkLogDate(p, date)).toEqual(expected);
  });

  it.each([
    ['end after the last entry', pair, '2026-11-01', { ok: true }],
    ['end on the last entry day', pair, '2026-10-20', { ok: true }],
    ['end before the start', pair, '2026-09-30', { ok: false, error: 'before_start', started_on: '2026-10-01' }],
    ['end before the last entry', pair, '2026-10-19', { ok: false, error: 'before_last_entry', last_contact: '2026-10-20' }],
    ['end twice', { ...pair, ended_on: '2026-11-01' }, '2026-11-05', { ok: false, error: 'already_ended', ended_on: '2026-11-01' }],
    ['end with no entries on the start day', { ...pair, last_contact: null }, '2026-10-01', { ok: true }],
  ] as const)('%s', (_name, p, date, expected) => {
    expect(checkEnd(p, date)).toEqual(expected);
  });
});

describe('people and report helpers', () => {
  it.each([
    [['party-member'], 'party-member'],
    [['poor', 'party-member'], 'party-member'],
    [['cadre'], 'villager'],
    [[], 'villager'],
  ] as const)('tags %j → %s', (tags, kind) => {
    expect(personKind(tags)).toBe(kind);
  });

  it.each([
    ['2026-11-30', '2026-11-27', '2026-11-27'],
    ['2026-10-31', '2026-11-27', '2026-10-31'],
    ['2026-11-27', '2026-11-27', '2026-11-27'],
  ])('as of min(%s, %s) = %s', (to, today, expected) => {
    expect(asOfDate(to, today)).toBe(expected);
  });

  it('fills missing kinds with zero and ignores unknown ones', () => {
    expect(countsByKind([{ kind: 'villager', n: 3 }])).toEqual({ 'party-member': 0, villager: 3 });
    expect(countsByKind([{ kind: 'x', n: 3 }, { kind: 'party-member', n: 2 }])).toEqual({ 'party-member': 2, villager: 0 });
  });
});
