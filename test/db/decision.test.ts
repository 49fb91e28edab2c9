// Decision queries and the decision report figures on a temporary database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planStep, type DecisionStep, type StepInput } from '../../src/domain/decision.js';
import { getDecision, insertDecision, listDecisions, recordSteps, stepsAtMeeting } from '../../src/db/decisions.js';
import { decisionSummary } from '../../src/db/meeting-report.js';
import { insertMeeting } from '../../src/db/meetings.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { write } from '../../src/db/store.js';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fs-decision-db-'));
  db = await openDatabase(join(dir, 'fs.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const decide = (matter: string, date: string) => write(db, () => insertDecision(db, { matter, kind: 'project', date }));
/** Take a step through the domain rules, as the command does. */
function step(id: number, s: DecisionStep, date: string, more: Partial<StepInput> = {}) {
  const d = getDecision(db, id);
  const plan = planStep(d.steps, d.status, { step: s, date, combined: false, meeting_id: null, meeting_type: null, expected: null, present: null, votes_for: null, note: null, ...more });
  if (!plan.ok) throw new Error(plan.error);
  write(db, () => recordSteps(db, id, plan.rows, plan.status));
}
const all = (id: number, from: string) => {
  step(id, 'proposal', from, { combined: true });
  step(id, 'members-review', from, { expected: 30, present: 20, votes_for: 16 });
  step(id, 'resolution', from, { expected: 30, present: 20, votes_for: 11 });
  step(id, 'resolution-public', from);
  step(id, 'result-public', from);
};

describe('decisions', () => {
  it('keeps steps in order with their counts, and the status beside them', () => {
    const id = decide('road', '2026-09-01');
    step(id, 'proposal', '2026-09-02', { combined: true });
    step(id, 'members-review', '2026-09-10', { expected: 30, present: 16, votes_for: 16, note: 'show of hands' });
    const d = getDecision(db, id);
    expect(d.status).toBe('in-progress');
    expect(d.next_step).toBe('resolution');
    expect(d.steps.map((s) => [s.step, s.combined, s.passed])).toEqual([
      ['proposal', true, null],
      ['consultation', true, null],
      ['members-review', false, true],
    ]);
    expect(d.steps[2]).toMatchObject({ expected: 30, present: 16, votes_for: 16, note: 'show of hands' });
    step(id, 'resolution', '2026-09-20', { expected: 30, present: 20, votes_for: 10 });
    expect(getDecision(db, id)).toMatchObject({ status: 'rejected', next_step: null });
    const log = db.prepare("SELECT entity, op FROM change_log WHERE entity IN ('decision', 'decision_step') ORDER BY id").all() as { entity: string; op: string }[];
    expect(log.filter((l) => l.entity === 'decision_step')).toHaveLength(4);
    expect(log.filter((l) => l.entity === 'decision' && l.op === 'update')).toHaveLength(1); // only the status change to rejected
  });

  it('refuses a second row for the same step even past the domain (unique index)', () => {
    const id = decide('road', '2026-09-01');
    step(id, 'proposal', '2026-09-02');
    const row = { step: 'proposal' as const, date: '2026-09-03', meeting_id: null, expected: null, present: null, votes_for: null, passed: null, combined: false, note: null };
    expect(() => write(db, () => recordSteps(db, id, [row], 'in-progress'))).toThrow(/UNIQUE/);
    expect(getDecision(db, id).steps).toHaveLength(1);
  });

  it('lists by status and date; shows the steps taken at a meeting', () => {
    const a = decide('a', '2026-08-01');
    const b = decide('b', '2026-09-01');
    all(b, '2026-09-02');
    expect(listDecisions(db, { status: 'done' }).map((d) => d.id)).toEqual([b]);
    expect(listDecisions(db, { status: 'in-progress' }).map((d) => d.id)).toEqual([a]);
    expect(listDecisions(db, { from: '2026-08-15' }).map((d) => d.id)).toEqual([b]);
    const m = write(db, () =>
      insertMeeting(db, { type: 'branch-general', date: '2026-09-10', topic: null, place: null, chair: null, recorder: null, expected: 30, present: 20, vote: true, forced: false, decisions: [], minutes: null }, []),
    );
    step(a, 'proposal', '2026-09-10', { combined: true, meeting_id: m });
    expect(stepsAtMeeting(db, m).map((s) => [s.decision_id, s.matter, s.step])).toEqual([
      [a, 'a', 'proposal'],
      [a, 'a', 'consultation'],
    ]);
  });
});

describe('decisionSummary', () => {
  it('counts started, completed and rejected by date, and the stuck ones at the end of the period', () => {
    const done = decide('done', '2026-09-01');
    all(done, '2026-10-05');
    const rejected = decide('rejected', '2026-09-05');
    step(rejected, 'proposal', '2026-10-01', { combined: true });
    step(rejected, 'members-review', '2026-10-10', { expected: 30, present: 30, votes_for: 15 });
    const stuck = decide('stuck', '2026-10-01');
    step(stuck, 'proposal', '2026-10-02');
    const fresh = decide('fresh', '2026-11-20');
    expect(decisionSummary(db, '2026-10-01', '2026-10-31', '2026-11-27')).toEqual({
      started: 1, // stuck (fresh is later)
      completed: 1,
      rejected: 1,
      stuck: [], // at 2026-10-31 the proposal of 10-02 is 29 days old
    });
    const nov = decisionSummary(db, '2026-11-01', '2026-11-30', '2026-11-27');
    expect(nov).toMatchObject({ started: 1, completed: 0, rejected: 0 });
    expect(nov.stuck).toEqual([{ id: stuck, matter: 'stuck', kind: 'project', last_step: 'proposal', next_step: 'consultation', since: '2026-10-02', days: 56 }]);
    expect(nov.stuck.map((s) => s.id)).not.toContain(fresh);
  });

  it('judges a past period by the steps taken by then', () => {
    const id = decide('late', '2026-01-05');
    step(id, 'proposal', '2026-01-06', { combined: true });
    step(id, 'members-review', '2026-03-20', { expected: 10, present: 10, votes_for: 10 });
    const jan = decisionSummary(db, '2026-02-01', '2026-02-28', '2026-11-27');
    expect(jan.stuck).toEqual([{ id, matter: 'late', kind: 'project', last_step: 'consultation', next_step: 'members-review', since: '2026-01-06', days: 53 }]);
    expect(decisionSummary(db, '2026-03-01', '2026-03-31', '2026-11-27').stuck).toEqual([]);
  });
});
