// The village development plan (村级发展规划) and the 1-3 practical things (实事). Pure rules:
// keys, derived status, overdue, date checks and the report arithmetic.
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';

export const PLAN_AREAS = [
  'industry',
  'income',
  'public-welfare',
  'collective-economy',
  'party-building',
  'governance',
  'environment',
] as const;
export type PlanArea = (typeof PLAN_AREAS)[number];

export const PLAN_KINDS = ['goal', 'practical'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** DOMAIN.md "milestone status"; a plan's (derived or declared) status uses the same keys. */
export const PLAN_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const MILESTONE_STATUSES = PLAN_STATUSES;
export type MilestoneStatus = PlanStatus;

/** The states a person declares on a plan; everything else is derived. */
export type DeclaredStatus = 'done' | 'dropped';

/** The seed asks for one to three practical things a year. */
export const PRACTICAL_PER_YEAR = 3;

export interface PlanInput {
  kind: PlanKind;
  area: PlanArea;
  title: string;
  target: string | null;
  measures: string | null;
  owner: string | null;
  start_on: IsoDate | null;
  due_on: IsoDate | null;
  budget: number | null;
}

/** What the status is derived from: counts over a plan's milestones and progress notes. */
export interface StatusInputs {
  declared_status: DeclaredStatus | null;
  milestones_total: number;
  milestones_done: number;
  milestones_started: number;
  milestones_dropped: number;
  progress_notes: number;
  /** The latest percent recorded (null: none yet). */
  percent: number | null;
}

export interface Plan extends PlanInput, StatusInputs {
  id: number;
  uid: string;
  status: PlanStatus;
  done_on: IsoDate | null;
  dropped_on: IsoDate | null;
  drop_reason: string | null;
  milestones_overdue: number;
  overdue: boolean;
  /** The local day it was added (migration 0007): its practical-thing year when it has no dates. */
  added_on: IsoDate | null;
  created_at: string;
  updated_at: string;
}

export interface Milestone {
  id: number;
  uid: string;
  plan_id: number;
  plan: string;
  title: string;
  due_on: IsoDate;
  owner: string | null;
  status: MilestoneStatus;
  done_on: IsoDate | null;
  note: string | null;
  dropped_on: IsoDate | null;
  drop_reason: string | null;
  overdue: boolean;
  created_at: string;
  updated_at: string;
}

export interface ProgressNote {
  id: number;
  uid: string;
  plan_id: number;
  plan: string;
  date: IsoDate;
  note: string;
  percent: number | null;
  created_at: string;
}

/**
 * A plan's status: what was declared (done, dropped) wins; otherwise every live milestone done
 * (or, with none pending, 100 percent reported) is done; any milestone done or started, or any
 * progress note, is in progress; else planned. Dropped milestones don't count.
 */
export function deriveStatus(s: StatusInputs): PlanStatus {
  if (s.declared_status) return s.declared_status;
  const live = s.milestones_total - s.milestones_dropped;
  const pending = live - s.milestones_done;
  if (pending === 0 && (live > 0 || s.percent === 100)) return 'done';
  if (s.milestones_done > 0 || s.milestones_started > 0 || s.progress_notes > 0) return 'in-progress';
  return 'planned';
}

/**
 * Overdue: past its due date and neither done nor dropped. Due today is not yet overdue.
 * (src/db/plans.ts counts milestones with the same rule in SQL: milestoneOverdueSql.)
 */
export function isOverdue(x: { due_on: IsoDate | null; status: PlanStatus }, today: IsoDate): boolean {
  return x.due_on !== null && x.due_on < today && x.status !== 'done' && x.status !== 'dropped';
}

export function isFinished(status: PlanStatus): boolean {
  return status === 'done' || status === 'dropped';
}

/** A budget in yuan: a non-negative number with at most two decimals (commas allowed as thousands separators). */
export function parseBudget(value: string): number {
  const s = value.trim().replace(/,/g, '');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) throw new UsageError('err.plan_bad_budget', { value });
  return Number(s);
}

/** A percent: a whole number 0-100, an optional trailing %. Anything else is refused, never clamped. */
export function parsePercent(value: string): number {
  const m = /^(\d{1,9})%?$/.exec(value.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!(n >= 0 && n <= 100)) throw new UsageError('err.plan_bad_percent', { value });
  return n;
}

/** A plan can't be due before it starts. */
export function checkSchedule(start_on: IsoDate | null, due_on: IsoDate | null): void {
  if (start_on && due_on && due_on < start_on) throw new UsageError('err.plan_due_before_start', { due: due_on, start: start_on });
}

/** Something finished (a plan, a milestone) can't be finished before its plan started, nor in the future. */
export function checkDoneDate(date: IsoDate, start_on: IsoDate | null, today: IsoDate): void {
  if (start_on && date < start_on) throw new UsageError('err.plan_done_before_start', { date, start: start_on });
  if (date > today) throw new UsageError('err.plan_date_future', { date, today });
}

/** The year a practical thing counts for: its due year, else its start year, else the year it was added. */
export function practicalYear(p: { due_on: IsoDate | null; start_on: IsoDate | null }, addedOn: IsoDate): string {
  return (p.due_on ?? p.start_on ?? addedOn).slice(0, 4);
}

export interface AreaCounts {
  goals: number;
  planned: number;
  in_progress: number;
  done: number;
  dropped: number;
  overdue: number;
}

export interface GoalsByAreaRow extends AreaCounts {
  area: PlanArea;
}

export interface GoalsByArea {
  rows: GoalsByAreaRow[];
  total: AreaCounts;
  /** Areas without a single goal: a gap in the plan. */
  uncovered_areas: PlanArea[];
}

const STATUS_COUNT: Record<PlanStatus, keyof AreaCounts> = { planned: 'planned', 'in-progress': 'in_progress', done: 'done', dropped: 'dropped' };

/** Goals counted per area and status, every area present (zeros too), in DOMAIN.md order. */
export function countGoalsByArea(goals: ReadonlyArray<Pick<Plan, 'area' | 'status' | 'overdue'>>): GoalsByArea {
  const zero = (): AreaCounts => ({ goals: 0, planned: 0, in_progress: 0, done: 0, dropped: 0, overdue: 0 });
  const rows: GoalsByAreaRow[] = PLAN_AREAS.map((area) => ({ area, ...zero() }));
  const total = zero();
  for (const g of goals) {
    const row = rows[PLAN_AREAS.indexOf(g.area)];
    if (!row) continue;
    for (const r of [row, total]) {
      r.goals++;
      r[STATUS_COUNT[g.status]]++;
      if (g.overdue) r.overdue++;
    }
  }
  return { rows, total, uncovered_areas: rows.filter((r) => r.goals === 0).map((r) => r.area) };
}
