// 四议两公开 as tables: the step order, --combined, dates, and both votes at their exact boundaries.
import { describe, expect, it } from 'vitest';
import {
  DECISION_STEPS,
  nextStep,
  planStep,
  stuckAt,
  type DecisionStatus,
  type DecisionStep,
  type DecisionStepRecord,
  type StepInput,
} from '../../src/domain/decision.js';
import type { MeetingType } from '../../src/domain/meeting.js';

const rec = (step: DecisionStep, date = '2026-09-01'): DecisionStepRecord => ({
  id: 0, step, date, meeting_id: null, expected: null, present: null, votes_for: null, passed: null, combined: false, note: null,
});
/** The first n steps taken, all on 2026-09-01. */
const taken = (n: number) => DECISION_STEPS.slice(0, n).map((s) => rec(s));
const input = (step: DecisionStep, more: Partial<StepInput> = {}): StepInput => ({
  step, date: '2026-09-05', combined: false, meeting_id: null, meeting_type: null, expected: null, present: null, votes_for: null, note: null, ...more,
});
const vote = (step: DecisionStep, expected: number, present: number, votes_for: number, meeting_type: MeetingType | null = null) =>
  input(step, { expected, present, votes_for, meeting_type });
const outcome = (r: ReturnType<typeof planStep>) => (r.ok ? `${r.rows.map((x) => `${x.step}${x.passed === null ? '' : x.passed ? '+' : '-'}`).join(',')}=>${r.status}` : r.error);

describe('step order', () => {
  it.each<[string, number, StepInput, string]>([
    ['proposal first', 0, input('proposal'), 'proposal=>in-progress'],
    ['consultation before proposal', 0, input('consultation'), 'out_of_order'],
    ['members-review first', 0, vote('members-review', 30, 30, 30), 'out_of_order'],
    ['consultation after proposal', 1, input('consultation'), 'consultation=>in-progress'],
    ['proposal again', 1, input('proposal'), 'out_of_order'],
    ['resolution skipping the review', 2, vote('resolution', 30, 30, 30), 'out_of_order'],
    ['resolution disclosed after the resolution', 4, input('resolution-public'), 'resolution-public=>in-progress'],
    ['result disclosed before the resolution is', 4, input('result-public'), 'out_of_order'],
    ['the result disclosed ends it', 5, input('result-public'), 'result-public=>done'],
    ['combined as the first step', 0, input('proposal', { combined: true }), 'proposal,consultation=>in-progress'],
    ['combined named by its second half', 0, input('consultation', { combined: true }), 'proposal,consultation=>in-progress'],
    ['combined after the proposal', 1, input('consultation', { combined: true }), 'combined_not_here'],
    ['combined on a later step', 2, input('members-review', { combined: true }), 'combined_not_here'],
  ])('%s', (_, n, i, want) => expect(outcome(planStep(taken(n), 'in-progress', i))).toBe(want));

  it('says which step is next', () => {
    expect(planStep(taken(1), 'in-progress', input('resolution-public'))).toEqual({ ok: false, error: 'out_of_order', expected: 'consultation' });
    expect(nextStep(taken(3), 'in-progress')).toBe('resolution');
    expect(nextStep(taken(6), 'done')).toBeNull();
  });

  it.each<[DecisionStatus]>([['done'], ['rejected']])('a %s decision takes no step', (status) => {
    expect(planStep(taken(4), status, input('resolution-public'))).toEqual({ ok: false, error: 'closed', status });
  });

  it.each([
    ['2026-09-01', 'consultation=>in-progress'], // same day as the previous step
    ['2026-08-31', 'date_backwards'],
  ])('after a step on 2026-09-01, a step dated %s', (date, want) => {
    expect(outcome(planStep([rec('proposal', '2026-09-01')], 'in-progress', input('consultation', { date })))).toBe(want);
  });
});

describe('votes', () => {
  it.each<[string, StepInput, string]>([
    // Members' review: more than half of those entitled present, more than half of those entitled for.
    ['review, 15 of 30 present: no quorum', vote('members-review', 30, 15, 15), 'no_quorum'],
    ['review, 16 present, 16 for', vote('members-review', 30, 16, 16), 'members-review+=>in-progress'],
    ['review, 16 present, 15 for: fails', vote('members-review', 30, 16, 15), 'members-review-=>rejected'],
    ['review, all 30 present, 15 for: fails (half of the entitled is not more)', vote('members-review', 30, 30, 15), 'members-review-=>rejected'],
    ['review, 30 present, 16 for', vote('members-review', 30, 30, 16), 'members-review+=>in-progress'],
    // Resolution at a villagers' representatives meeting: two thirds present, more than half of those present for.
    ['resolution, 19 of 30 present: no quorum', vote('resolution', 30, 19, 19), 'no_quorum'],
    ['resolution, 20 of 30 present, 11 for', vote('resolution', 30, 20, 11), 'resolution+=>in-progress'],
    ['resolution, 20 present, 10 for: fails', vote('resolution', 30, 20, 10), 'resolution-=>rejected'],
    ['resolution at a reps meeting, 20 of 30', vote('resolution', 30, 20, 11, 'villager-reps'), 'resolution+=>in-progress'],
    // At a villagers' meeting: more than half present.
    ['resolution at a villagers meeting, 16 of 30', vote('resolution', 30, 16, 9, 'villagers'), 'resolution+=>in-progress'],
    ['resolution at a villagers meeting, 15 of 30', vote('resolution', 30, 15, 15, 'villagers'), 'no_quorum'],
  ])('%s', (_, i, want) => {
    const n = i.step === 'members-review' ? 2 : 3;
    expect(outcome(planStep(taken(n), 'in-progress', i))).toBe(want);
  });

  it.each<[string, number, StepInput, string]>([
    ['a vote without counts', 2, input('members-review', { votes_for: 10 }), 'counts_missing'],
    ['for more than present', 2, vote('members-review', 30, 20, 21), 'counts_invalid'],
    ['present more than expected', 2, vote('members-review', 30, 31, 20), 'counts_invalid'],
    ['nobody entitled', 2, vote('members-review', 0, 0, 0), 'counts_invalid'],
    ['counts on a step that is no vote', 0, input('proposal', { expected: 5 }), 'counts_not_a_vote'],
    ['the review at a reps meeting', 2, vote('members-review', 30, 30, 30, 'villager-reps'), 'wrong_meeting'],
    ['the resolution at a branch meeting', 3, vote('resolution', 30, 30, 30, 'branch-general'), 'wrong_meeting'],
  ])('%s', (_, n, i, want) => expect(outcome(planStep(taken(n), 'in-progress', i))).toBe(want));

  it('a failed vote keeps its counts', () => {
    const r = planStep(taken(2), 'in-progress', vote('members-review', 30, 20, 12));
    expect(r).toMatchObject({ ok: true, status: 'rejected', rows: [{ step: 'members-review', expected: 30, present: 20, votes_for: 12, passed: false }] });
  });
});

describe('stuckAt', () => {
  const open = { id: 1, matter: 'road', kind: 'project' as const, date: '2026-09-01', taken: 2, last_step: 'consultation' as const, last_date: '2026-10-01' };
  it.each([
    ['2026-10-31', null], // 30 days: not longer than 30
    ['2026-11-01', { next_step: 'members-review', since: '2026-10-01', days: 31 }],
  ])('as of %s', (asOf, want) => {
    const r = stuckAt(open, asOf);
    if (want === null) expect(r).toBeNull();
    else expect(r).toMatchObject(want);
  });
  it('with no step yet, counts from the date it was taken up', () => {
    expect(stuckAt({ ...open, taken: 0, last_step: null, last_date: null }, '2026-10-15')).toMatchObject({ last_step: null, next_step: 'proposal', since: '2026-09-01', days: 44 });
  });
});
