// Dated milestones of a plan item.
import { isOverdue, type Milestone } from '../domain/plan.js';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { milestoneOverdueSql } from './plans.js';
import { insertRecord, updateRecord, type Row } from './store.js';

export interface MilestoneInput {
  plan_id: number;
  title: string;
  due_on: IsoDate;
  owner: string | null;
}

const SELECT_MILESTONE = `
  SELECT m.id, m.uid, m.plan_id, p.title AS plan, m.title, m.due_on, m.owner, m.status, m.done_on, m.note,
         m.dropped_on, m.drop_reason, m.created_at, m.updated_at
  FROM plan_milestones m JOIN plans p ON p.id = m.plan_id`;

function toMilestone(row: Row, today: IsoDate): Milestone {
  const m = row as unknown as Milestone;
  return { ...m, overdue: isOverdue(m, today) };
}

export function insertMilestone(db: Db, input: MilestoneInput): number {
  return insertRecord(db, 'plan_milestones', 'milestone', { ...input, status: 'planned' });
}

export function getMilestone(db: Db, id: number, today: IsoDate): Milestone {
  const row = db.prepare(`${SELECT_MILESTONE} WHERE m.id = ? AND m.deleted_at IS NULL AND p.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'milestone'), id });
  return toMilestone(row, today);
}

export interface MilestoneFilter {
  plan_id?: number;
  /** Due in [due_from, due_to]. */
  due_from?: IsoDate;
  due_to?: IsoDate;
  /** Done in [done_from, done_to]. */
  done_from?: IsoDate;
  done_to?: IsoDate;
  overdue?: boolean;
}

/** Milestones by due date (then id). */
export function listMilestones(db: Db, today: IsoDate, f: MilestoneFilter = {}): Milestone[] {
  const where = ['m.deleted_at IS NULL', 'p.deleted_at IS NULL'];
  const params: Row = {};
  const add = (sql: string, key: keyof MilestoneFilter, value: unknown) => {
    if (value === undefined) return;
    where.push(sql);
    params[key] = value;
  };
  add('m.plan_id = @plan_id', 'plan_id', f.plan_id);
  add('m.due_on >= @due_from', 'due_from', f.due_from);
  add('m.due_on <= @due_to', 'due_to', f.due_to);
  add('m.done_on >= @done_from', 'done_from', f.done_from);
  add('m.done_on <= @done_to', 'done_to', f.done_to);
  if (f.overdue) {
    where.push(milestoneOverdueSql('m.'));
    params.today = today;
  }
  const rows = db.prepare(`${SELECT_MILESTONE} WHERE ${where.join(' AND ')} ORDER BY m.due_on, m.id`).all(params) as Row[];
  return rows.map((r) => toMilestone(r, today));
}

export function markMilestoneDone(db: Db, id: number, date: IsoDate, note: string | null): void {
  updateRecord(db, 'plan_milestones', 'milestone', id, { status: 'done', done_on: date, ...(note === null ? {} : { note }) });
}

export function dropMilestone(db: Db, id: number, reason: string, today: IsoDate): void {
  updateRecord(db, 'plan_milestones', 'milestone', id, { status: 'dropped', dropped_on: today, drop_reason: reason });
}
