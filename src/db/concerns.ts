// Concern queries.
import type { Concern, NewConcern } from '../domain/concerns.js';
import type { DueConcern } from '../domain/due.js';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { insertRecord, updateRecord, type Row } from './store.js';

const SELECT_CONCERN = `
  SELECT c.id, c.uid, c.visit_id, c.person_id, p.name AS person, c.raised_on, c.text, c.status, c.referred_to,
         c.due_on, c.resolved_on, c.feedback_on, c.note, c.created_at, c.updated_at
  FROM concerns c LEFT JOIN people p ON p.id = c.person_id`;

export function getConcern(db: Db, id: number): Concern {
  const row = db.prepare(`${SELECT_CONCERN} WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as Concern | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'concern'), id });
  return row;
}

export interface ConcernFilter {
  /** Not finished: not resolved, or resolved without feedback to the villager. */
  open?: boolean;
  /** Not resolved and due before `today`. */
  overdue?: boolean;
  today?: IsoDate;
  visit_id?: number;
  person_id?: number;
  from?: IsoDate;
  to?: IsoDate;
}

export function listConcerns(db: Db, f: ConcernFilter = {}): Concern[] {
  const { where, params } = concernWhere(f);
  return db.prepare(`${SELECT_CONCERN} WHERE ${where} ORDER BY c.raised_on, c.id`).all(params) as Concern[];
}

/**
 * The concerns of listConcerns(db, { open: true }), in its order, with only the columns the due
 * rules read: a year's work report reads thousands, and each column is a value made per row.
 */
export function listOpenConcernsDue(db: Db): DueConcern[] {
  const { where, params } = concernWhere({ open: true });
  return db
    .prepare(
      `SELECT c.id, c.uid, p.name AS person, c.raised_on, c.text, c.status, c.due_on, c.resolved_on, c.feedback_on
       FROM concerns c LEFT JOIN people p ON p.id = c.person_id WHERE ${where} ORDER BY c.raised_on, c.id`,
    )
    .all(params) as DueConcern[];
}

/** The WHERE clause of a filter (on `c`, the concerns), one for every listing. */
function concernWhere(f: ConcernFilter): { where: string; params: Row } {
  const where = ['c.deleted_at IS NULL'];
  const params: Row = {};
  if (f.open) {
    // Read from the index of open concerns (migration 0011, concerns_open): its condition, word for
    // word, is what lets the planner take it.
    where.push("(c.status <> 'resolved' OR c.feedback_on IS NULL)");
  }
  if (f.overdue) {
    where.push("c.status <> 'resolved' AND c.due_on < @today");
    params.today = f.today;
  }
  if (f.visit_id !== undefined) {
    where.push('c.visit_id = @visit_id');
    params.visit_id = f.visit_id;
  }
  if (f.person_id !== undefined) {
    where.push('c.person_id = @person_id');
    params.person_id = f.person_id;
  }
  if (f.from) {
    where.push('c.raised_on >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('c.raised_on <= @to');
    params.to = f.to;
  }
  return { where: where.join(' AND '), params };
}

export type ConcernChanges = Partial<Pick<Concern, 'status' | 'referred_to' | 'due_on' | 'resolved_on' | 'feedback_on' | 'note'>>;

export function updateConcern(db: Db, id: number, changes: ConcernChanges): void {
  updateRecord(db, 'concerns', 'concern', id, changes as Row);
}

/** A new open concern (raised in a visit, by phone or at the office). Call inside a write transaction. */
export function insertConcern(db: Db, c: NewConcern): number {
  return insertRecord(db, 'concerns', 'concern', { visit_id: c.visit_id, person_id: c.person_id, raised_on: c.raised_on, text: c.text, status: 'open', due_on: c.due_on });
}
