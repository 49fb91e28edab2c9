import { describe, expect, it } from 'vitest';
import { isFinished, isOverdue, planConcernUpdate } from '../../src/domain/concerns.js';
import { categoryForTags, computeCoverage, maskToTopics, topicsToMask, zeroTopics, type VisitTopic } from '../../src/domain/visits.js';
import { personRef } from '../../src/domain/people.js';

describe('categoryForTags', () => {
  it.each([
    [['party-member'], 'party-cadre'],
    [['cadre', 'poor'], 'party-cadre'],
    [['reserve-cadre'], 'party-cadre'],
    [['village-rep', 'rich-expert'], 'village-rep'],
    [['rich-expert'], 'rich-expert'],
    [['poor'], 'poor-household'],
    [['poor', 'petitioner'], 'poor-household'],
    [['petitioner'], 'petitioner-household'],
    [[], 'ordinary-household'],
  ] as const)('%j → %s', (tags, expected) => {
    expect(categoryForTags(tags)).toBe(expected);
  });
});

describe('computeCoverage', () => {
  it('builds the grid and names what is uncovered', () => {
    const topics = (t: Partial<Record<VisitTopic, number>>) => ({ ...zeroTopics(), ...t });
    const cov = computeCoverage([
      { category: 'poor-household', visits: 3, by_topic: topics({ hardship: 3, opinion: 1 }) },
      { category: 'party-cadre', visits: 1, by_topic: topics({ team: 1 }) },
      { category: 'other', visits: 2, by_topic: topics({}) },
    ]);
    expect(cov.total).toBe(6);
    expect(cov.rows.map((r) => r.category)).toEqual(['party-cadre', 'village-rep', 'rich-expert', 'poor-household', 'ordinary-household', 'other']);
    expect(cov.rows.find((r) => r.category === 'poor-household')!.by_topic).toEqual({ team: 0, opinion: 1, development: 0, hardship: 3, disputes: 0 });
    expect(cov.uncovered_categories).toEqual(['village-rep', 'rich-expert', 'ordinary-household']);
    expect(cov.uncovered_topics).toEqual(['development', 'disputes']);
  });

  it('an empty period leaves everything uncovered', () => {
    const cov = computeCoverage([]);
    expect(cov.uncovered_categories).toHaveLength(5);
    expect(cov.uncovered_topics).toHaveLength(5);
    expect(cov.total).toBe(0);
  });
});

describe('topic sets', () => {
  it.each([
    [[], 0],
    [['team'], 1],
    [['hardship', 'team'], 9],
    [['team', 'opinion', 'development', 'hardship', 'disputes'], 31],
  ] as const)('%j ↔ %i', (topics, mask) => {
    expect(topicsToMask(topics)).toBe(mask);
    expect(maskToTopics(mask)).toEqual([...topics].sort((a, b) => topicsToMask([a]) - topicsToMask([b])));
  });
});

describe('concern rules', () => {
  it.each([
    [{ status: 'open', due_on: '2026-11-26' }, true],
    [{ status: 'open', due_on: '2026-11-27' }, false],
    [{ status: 'referred', due_on: '2026-11-01' }, true],
    [{ status: 'resolved', due_on: '2026-11-01' }, false],
    [{ status: 'open', due_on: null }, false],
  ] as const)('overdue %j → %s (today 2026-11-27)', (c, expected) => {
    expect(isOverdue(c, '2026-11-27')).toBe(expected);
  });

  it('finished means resolved and told', () => {
    expect(isFinished({ status: 'resolved', feedback_on: '2026-11-27' })).toBe(true);
    expect(isFinished({ status: 'resolved', feedback_on: null })).toBe(false);
    expect(isFinished({ status: 'open', feedback_on: '2026-11-27' })).toBe(false);
  });

  const current = { status: 'open' as const, referred_to: null, raised_on: '2026-11-01', resolved_on: null };
  it('referring needs a department', () => {
    expect(planConcernUpdate(current, { status: 'referred' }, '2026-11-27')).toEqual({ ok: false, error: 'referred_needs_dept' });
    expect(planConcernUpdate(current, { status: 'referred', referred_to: '民政办' }, '2026-11-27')).toMatchObject({ ok: true });
  });
  it('resolving stamps resolved_on; feedback cannot predate the concern', () => {
    expect(planConcernUpdate(current, { status: 'resolved' }, '2026-11-27')).toEqual({ ok: true, changes: { status: 'resolved', resolved_on: '2026-11-27' } });
    expect(planConcernUpdate(current, { feedback_on: '2026-10-31' }, '2026-11-27')).toEqual({ ok: false, error: 'feedback_before_raised' });
  });
});

describe('personRef', () => {
  it.each([
    ['12', { id: 12 }],
    ['#7', { id: 7 }],
    ['王秀英', { name: '王秀英' }],
    [' 张三 ', { name: '张三' }],
    ['3号', { name: '3号' }],
  ])('%j → %j', (input, expected) => {
    expect(personRef(input)).toEqual(expected);
  });
});
