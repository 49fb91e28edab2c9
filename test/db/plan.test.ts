import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOverdue, type PlanInput } from '../../src/domain/plan.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { dropMilestone, getMilestone, insertMilestone, listMilestones, markMilestoneDone } from '../../src/db/plan-milestones.js';
import { goalsByArea, milestonesInPeriod, practicalThings, progressInPeriod } from '../../src/db/plan-reports.js';
import { countPracticalInYear, dropPlan, getPlan, insertPlan, insertProgress, listPlans, markPlanDone, reopenPlan } from '../../src/db/plans.js';
import { write } from '../../src/db/store.js';
import { tempDir } from '../helpers/cli.js';

const TODAY = '2026-11-27';
const dir = tempDir();
let db: Db;
let n = 0;

beforeEach(async () => {
  db = await openDatabase(join(dir, `plan-${++n}.db`));
});
afterEach(() => db.close());

const plan = (o: Partial<PlanInput> = {}): number =>
  write(db, () =>
    insertPlan(db, { kind: 'goal', area: 'industry', title: 'tea', target: null, measures: null, owner: null, start_on: null, due_on: null, budget: null, ...o }),
  );
const milestone = (plan_id: number, due_on: string, title = 'step') => write(db, () => insertMilestone(db, { plan_id, title, due_on, owner: null }));
const progress = (plan_id: number, date: string, percent: number | null = null) => write(db, () => insertProgress(db, { plan_id, date, note: 'note', percent }));

describe('plan status through the database', () => {
  it('planned → in-progress → done as milestones are done; dropped milestones do not count', () => {
    const id = plan();
    const a = milestone(id, '2026-05-01');
    const b = milestone(id, '2026-06-01');
    const c = milestone(id, '2026-07-01');
    expect(getPlan(db, id, TODAY).status).toBe('planned');
    write(db, () => markMilestoneDone(db, a, '2026-04-30', null));
    expect(getPlan(db, id, TODAY)).toMatchObject({ status: 'in-progress', milestones_total: 3, milestones_done: 1 });
    write(db, () => markMilestoneDone(db, b, '2026-06-01', 'on time'));
    write(db, () => dropMilestone(db, c, 'not needed', TODAY));
    expect(getPlan(db, id, TODAY)).toMatchObject({ status: 'done', declared_status: null, milestones_dropped: 1 });
  });

  it('takes the latest percent by date, not by the order it was typed in', () => {
    const id = plan();
    progress(id, '2026-06-01', 60);
    progress(id, '2026-05-01', 30);
    progress(id, '2026-07-01', null);
    expect(getPlan(db, id, TODAY)).toMatchObject({ percent: 60, progress_notes: 3, status: 'in-progress' });
    progress(id, '2026-08-01', 100);
    expect(getPlan(db, id, TODAY).status).toBe('done');
  });

  it('refuses a percent outside 0-100 even past the CLI (CHECK constraint)', () => {
    const id = plan();
    expect(() => progress(id, '2026-06-01', 120)).toThrow(/CHECK/);
  });

  it('declared done and dropped win; reopen derives again; drop takes pending milestones with it', () => {
    const id = plan({ due_on: '2026-10-01' });
    const done = milestone(id, '2026-05-01');
    const pending = milestone(id, '2026-06-01');
    write(db, () => markMilestoneDone(db, done, '2026-05-01', null));
    expect(getPlan(db, id, TODAY)).toMatchObject({ status: 'in-progress', overdue: true, milestones_overdue: 1 });
    expect(write(db, () => dropPlan(db, id, 'merged', TODAY))).toBe(1);
    expect(getPlan(db, id, TODAY)).toMatchObject({ status: 'dropped', overdue: false, milestones_overdue: 0, drop_reason: 'merged', dropped_on: TODAY });
    expect(getMilestone(db, pending, TODAY)).toMatchObject({ status: 'dropped', drop_reason: 'merged', overdue: false });
    expect(getMilestone(db, done, TODAY).status).toBe('done');
    const log = db.prepare("SELECT entity, op FROM change_log WHERE entity IN ('plan', 'milestone') ORDER BY id").all();
    expect(log).toContainEqual({ entity: 'milestone', op: 'update' });
    write(db, () => reopenPlan(db, id));
    expect(getPlan(db, id, TODAY)).toMatchObject({ status: 'done', declared_status: null, drop_reason: null });

    const other = plan();
    write(db, () => markPlanDone(db, other, '2026-11-01'));
    expect(getPlan(db, other, TODAY)).toMatchObject({ status: 'done', declared_status: 'done', done_on: '2026-11-01' });
  });

  it('filters the list by area, kind, derived status and overdue', () => {
    const a = plan({ area: 'industry', due_on: '2026-11-26' });
    const b = plan({ area: 'environment', kind: 'practical', due_on: '2026-11-27' });
    progress(b, '2026-11-01');
    expect(listPlans(db, TODAY, { area: 'environment' }).map((p) => p.id)).toEqual([b]);
    expect(listPlans(db, TODAY, { kind: 'goal' }).map((p) => p.id)).toEqual([a]);
    expect(listPlans(db, TODAY, { status: 'in-progress' }).map((p) => p.id)).toEqual([b]);
    expect(listPlans(db, TODAY, { overdue: true }).map((p) => p.id)).toEqual([a]);
  });
});

describe('overdue milestones: the SQL rule agrees with the domain on the boundary day', () => {
  it('due yesterday and open is overdue; due today, done or dropped is not', () => {
    const id = plan();
    const yesterday = milestone(id, '2026-11-26', 'yesterday');
    milestone(id, '2026-11-27', 'today');
    milestone(id, '2026-11-28', 'tomorrow');
    const doneLate = milestone(id, '2026-11-26', 'done');
    const dropped = milestone(id, '2026-11-26', 'dropped');
    write(db, () => markMilestoneDone(db, doneLate, '2026-11-27', null));
    write(db, () => dropMilestone(db, dropped, 'no', TODAY));
    const all = listMilestones(db, TODAY, { plan_id: id });
    const sqlOverdue = listMilestones(db, TODAY, { overdue: true }).map((m) => m.id);
    expect(sqlOverdue).toEqual([yesterday]);
    for (const m of all) expect(sqlOverdue.includes(m.id)).toBe(isOverdue(m, TODAY));
    expect(getPlan(db, id, TODAY).milestones_overdue).toBe(1);
    // A day later, the one due today is late too.
    expect(listMilestones(db, '2026-11-28', { overdue: true }).map((m) => m.title)).toEqual(['yesterday', 'today']);
  });
});

describe('practical things per year', () => {
  it('counts by due year, then start year, leaving out dropped ones and goals', () => {
    plan({ kind: 'practical', due_on: '2026-03-01' });
    plan({ kind: 'practical', start_on: '2026-05-01' });
    plan({ kind: 'practical', due_on: '2027-01-10', start_on: '2026-12-01' });
    plan({ kind: 'goal', due_on: '2026-03-01' });
    const dropped = plan({ kind: 'practical', due_on: '2026-06-01' });
    write(db, () => dropPlan(db, dropped, 'no money', TODAY));
    expect(countPracticalInYear(db, '2026')).toBe(2);
    expect(countPracticalInYear(db, '2027')).toBe(1);
  });
});

describe('report functions', () => {
  it('milestonesInPeriod counts due, done, done late and overdue, with inclusive bounds', () => {
    const id = plan();
    const q4start = milestone(id, '2026-10-01', 'first day');
    milestone(id, '2026-12-31', 'last day');
    milestone(id, '2026-11-26', 'late');
    const before = milestone(id, '2026-09-30', 'before');
    const dropped = milestone(id, '2026-11-01', 'dropped');
    write(db, () => markMilestoneDone(db, q4start, '2026-10-05', null));
    write(db, () => markMilestoneDone(db, before, '2026-10-02', null));
    write(db, () => dropMilestone(db, dropped, 'x', TODAY));
    const r = milestonesInPeriod(db, '2026-10-01', '2026-12-31', TODAY);
    expect(r).toMatchObject({ due: 3, done: 2, done_late: 2, overdue: 1 });
    expect(r.overdue_list.map((m) => m.title)).toEqual(['late']);
    expect(r.due_list.map((m) => m.title)).toEqual(['first day', 'late', 'last day']);
    expect(r.done_list.map((m) => m.title)).toEqual(['before', 'first day']);
    expect(milestonesInPeriod(db, '2027-01-01', '2027-03-31', TODAY)).toMatchObject({ due: 0, done: 0, done_late: 0, overdue: 0 });
  });

  it('progressInPeriod counts notes and plans in the period', () => {
    const a = plan();
    const b = plan();
    progress(a, '2026-10-01', 10);
    progress(a, '2026-10-15');
    progress(b, '2026-12-31', 50);
    progress(b, '2027-01-01', 60);
    const r = progressInPeriod(db, '2026-10-01', '2026-12-31', TODAY);
    expect(r).toMatchObject({ notes: 3, plans: 2 });
    expect(r.list.map((g) => g.date)).toEqual(['2026-10-01', '2026-10-15', '2026-12-31']);
  });

  it('practicalThings shows a gap for a year without any and flags more than three', () => {
    expect(practicalThings(db, '2026-01-01', '2026-12-31', TODAY).by_year).toEqual([{ year: '2026', count: 0, gap: true, over_limit: false }]);
    const ids = [1, 2, 3, 4].map((i) => plan({ kind: 'practical', title: `p${i}`, due_on: `2026-0${i}-15` }));
    progress(ids[0]!, '2026-02-01', 40);
    const r = practicalThings(db, '2026-07-01', '2027-06-30', TODAY);
    expect(r.by_year).toEqual([
      { year: '2026', count: 4, gap: false, over_limit: true },
      { year: '2027', count: 0, gap: true, over_limit: false },
    ]);
    expect(r.items[0]).toMatchObject({ title: 'p1', percent: 40, status: 'in-progress', overdue: true });
  });

  it('goalsByArea counts goals live in the period per area and status', () => {
    plan({ area: 'industry', start_on: '2026-01-01' });
    const done = plan({ area: 'industry', start_on: '2026-01-01' });
    write(db, () => markPlanDone(db, done, '2026-08-01'));
    const old = plan({ area: 'income', start_on: '2025-01-01' });
    write(db, () => markPlanDone(db, old, '2025-06-01'));
    plan({ area: 'governance', start_on: '2027-02-01' });
    plan({ area: 'environment', kind: 'practical', start_on: '2026-01-01' });
    const r = goalsByArea(db, '2026-07-01', '2026-12-31', TODAY);
    expect(r.rows.find((x) => x.area === 'industry')).toMatchObject({ goals: 2, planned: 1, done: 1 });
    expect(r.total.goals).toBe(2);
    expect(r.uncovered_areas).toContain('income');
    expect(r.uncovered_areas).toContain('governance');
    expect(r.uncovered_areas).toContain('environment');
  });
});
