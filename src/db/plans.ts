// Plan items (goals and practical things) and their progress notes.
import { deriveStatus, isOverdue, type DeclaredStatus, type Plan, type PlanInput, type ProgressNote } from '../domain/plan.js';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import { systemToday, type IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { insertRecord, logChange, nowStamp, updateRecord, type Row } from './store.js';

/**
 * A milestone is overdue when past due and neither done nor dropped: the SQL twin of the domain's
 * isOverdue (tested against it at the boundary day). Needs the @today parameter;
 * `alias` is the table alias with its dot.
 */
export function milestoneOverdueSql(alias = ''): string {
  return `(${alias}status NOT IN ('done', 'dropped') AND ${alias}due_on < @today)`;
}

// Milestone counts are aggregated in SQL; the status itself is derived in the domain.
const SELECT_PLAN = `
  SELECT p.id, p.uid, p.kind, p.area, p.title, p.target, p.measures, p.owner, p.start_on, p.due_on, p.budget,
         p.status AS declared_status, p.done_on, p.dropped_on, p.drop_reason,
         coalesce(m.total, 0) AS milestones_total, coalesce(m.done, 0) AS milestones_done,
         coalesce(m.started, 0) AS milestones_started, coalesce(m.dropped, 0) AS milestones_dropped,
         coalesce(m.overdue, 0) AS milestones_overdue,
         (SELECT count(*) FROM plan_progress g WHERE g.plan_id = p.id AND g.deleted_at IS NULL) AS progress_notes,
         (SELECT g.percent FROM plan_progress g WHERE g.plan_id = p.id AND g.deleted_at IS NULL AND g.percent IS NOT NULL
           ORDER BY g.date DESC, g.id DESC LIMIT 1) AS percent,
         p.added_on, p.created_at, p.updated_at
  FROM plans p
  LEFT JOIN (
    SELECT plan_id, count(*) AS total, sum(status = 'done') AS done, sum(status = 'in-progress') AS started,
           sum(status = 'dropped') AS dropped, sum(${milestoneOverdueSql()}) AS overdue
    FROM plan_milestones WHERE deleted_at IS NULL GROUP BY plan_id
  ) m ON m.plan_id = p.id`;

/** A row of SELECT_PLAN with its derived status and overdue flag. */
export function toPlan(row: Row, today: IsoDate): Plan {
  const p = row as unknown as Plan;
  const status = deriveStatus(p);
  return { ...p, status, overdue: isOverdue({ due_on: p.due_on, status }, today) };
}

/** A new plan item, added on `today` (the local day: its practical-thing year without a date of its own). */
export function insertPlan(db: Db, input: PlanInput, today: IsoDate = systemToday()): number {
  return insertRecord(db, 'plans', 'plan', { ...input, added_on: today });
}

export function getPlan(db: Db, id: number, today: IsoDate): Plan {
  const row = db.prepare(`${SELECT_PLAN} WHERE p.id = @id AND p.deleted_at IS NULL`).get({ id, today }) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'plan'), id });
  return toPlan(row, today);
}

export interface PlanFilter {
  area?: string;
  kind?: string;
  /** Derived status: filtered after derivation (a village has dozens of plan items, not thousands). */
  status?: string;
  overdue?: boolean;
  /** Extra SQL conditions on `p` for the report queries. */
  where?: string[];
  params?: Row;
}

/** Plan items, earliest due first (undated last). */
export function listPlans(db: Db, today: IsoDate, f: PlanFilter = {}): Plan[] {
  const where = ['p.deleted_at IS NULL', ...(f.where ?? [])];
  const params: Row = { today, ...f.params };
  if (f.area) {
    where.push('p.area = @area');
    params.area = f.area;
  }
  if (f.kind) {
    where.push('p.kind = @kind');
    params.kind = f.kind;
  }
  const rows = db
    .prepare(`${SELECT_PLAN} WHERE ${where.join(' AND ')} ORDER BY p.due_on IS NULL, p.due_on, p.id`)
    .all(params) as Row[];
  return rows
    .map((r) => toPlan(r, today))
    .filter((p) => (f.status === undefined || p.status === f.status) && (!f.overdue || p.overdue));
}

export function updatePlan(db: Db, id: number, changes: Partial<PlanInput>): void {
  updateRecord(db, 'plans', 'plan', id, changes as Row);
}

export function markPlanDone(db: Db, id: number, date: IsoDate): void {
  updateRecord(db, 'plans', 'plan', id, { status: 'done' satisfies DeclaredStatus, done_on: date });
}

/**
 * Drop a plan item, and with it every milestone still pending (same reason), so nothing of a
 * dropped plan shows as overdue. Returns how many milestones were dropped with it.
 */
export function dropPlan(db: Db, id: number, reason: string, today: IsoDate): number {
  updateRecord(db, 'plans', 'plan', id, { status: 'dropped' satisfies DeclaredStatus, dropped_on: today, drop_reason: reason });
  const pending = db
    .prepare("SELECT id, uid, status, dropped_on, drop_reason FROM plan_milestones WHERE plan_id = ? AND deleted_at IS NULL AND status NOT IN ('done', 'dropped')")
    .all(id) as { id: number; uid: string; status: string; dropped_on: string | null; drop_reason: string | null }[];
  const stamp = nowStamp();
  const set = db.prepare("UPDATE plan_milestones SET status = 'dropped', dropped_on = ?, drop_reason = ?, updated_at = ? WHERE id = ?");
  for (const m of pending) {
    set.run(today, reason, stamp, m.id);
    // "before" lets fs undo put each milestone back with the plan (one change set).
    const before = { status: m.status, dropped_on: m.dropped_on, drop_reason: m.drop_reason };
    logChange(db, 'milestone', m.id, m.uid, 'update', { status: 'dropped', dropped_on: today, drop_reason: reason, with_plan: id, before });
  }
  return pending.length;
}

/** Back to a derived status: clears a declared done or dropped (milestones dropped with it stay dropped). */
export function reopenPlan(db: Db, id: number): void {
  updateRecord(db, 'plans', 'plan', id, { status: null, done_on: null, dropped_on: null, drop_reason: null });
}

/**
 * Practical things counted for a year (see the domain's practicalYear), not dropped, optionally
 * leaving one out (the item being edited).
 */
export function countPracticalInYear(db: Db, year: string, exceptId?: number): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM plans
       WHERE deleted_at IS NULL AND kind = 'practical' AND coalesce(status, '') <> 'dropped'
         AND substr(coalesce(due_on, start_on, added_on), 1, 4) = @year AND id <> @except`,
    )
    .get({ year, except: exceptId ?? -1 }) as { n: number };
  return row.n;
}

export interface ProgressInput {
  plan_id: number;
  date: IsoDate;
  note: string;
  percent: number | null;
}

export function insertProgress(db: Db, input: ProgressInput): number {
  return insertRecord(db, 'plan_progress', 'progress', { ...input });
}

const SELECT_PROGRESS = `
  SELECT g.id, g.uid, g.plan_id, p.title AS plan, g.date, g.note, g.percent, g.created_at
  FROM plan_progress g JOIN plans p ON p.id = g.plan_id`;

export function getProgress(db: Db, id: number): ProgressNote {
  const row = db.prepare(`${SELECT_PROGRESS} WHERE g.id = ? AND g.deleted_at IS NULL`).get(id) as ProgressNote | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'progress'), id });
  return row;
}

/** Progress notes of one plan, or of every live plan in [from, to], oldest first. */
export function listProgress(db: Db, f: { plan_id?: number; from?: IsoDate; to?: IsoDate }): ProgressNote[] {
  const where = ['g.deleted_at IS NULL', 'p.deleted_at IS NULL'];
  const params: Row = {};
  if (f.plan_id !== undefined) {
    where.push('g.plan_id = @plan_id');
    params.plan_id = f.plan_id;
  }
  if (f.from) {
    where.push('g.date >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('g.date <= @to');
    params.to = f.to;
  }
  return db.prepare(`${SELECT_PROGRESS} WHERE ${where.join(' AND ')} ORDER BY g.date, g.id`).all(params) as ProgressNote[];
}
