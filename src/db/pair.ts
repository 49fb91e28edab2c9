// Pairing queries: the pairings, their help log, and the checks an add makes inside its transaction.
import { personKind, type Pair, type PairLog } from '../domain/pair.js';
import type { PersonTag } from '../domain/people.js';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { insertRecord, updateRecord, type Row } from './store.js';

export interface PairInput {
  person_id: number;
  helper: string;
  needs: string;
  measures: string | null;
  cadence_days: number;
  started_on: IsoDate;
}

export interface PairLogInput {
  date: IsoDate;
  action: string;
  result: string | null;
}

// The person's name and tags are read live: a pairing shows who they are now, even if later soft-deleted.
const SELECT_PAIR = `
  SELECT pr.id, pr.uid, pr.person_id, pe.name AS person, pe.tags AS person_tags, pr.helper, pr.needs, pr.measures,
         pr.cadence_days, pr.started_on, pr.ended_on, pr.outcome,
         (SELECT max(l.date) FROM pair_logs l WHERE l.pair_id = pr.id AND l.deleted_at IS NULL) AS last_contact,
         (SELECT count(*) FROM pair_logs l WHERE l.pair_id = pr.id AND l.deleted_at IS NULL) AS entries,
         pr.created_at, pr.updated_at
  FROM pairs pr JOIN people pe ON pe.id = pr.person_id`;

function toPair(row: Row): Pair {
  const tags = JSON.parse(row.person_tags as string) as PersonTag[];
  return { ...(row as unknown as Pair), person_tags: tags, person_kind: personKind(tags) };
}

export function getPair(db: Db, id: number): Pair {
  const row = db.prepare(`${SELECT_PAIR} WHERE pr.id = ? AND pr.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'pair'), id });
  return toPair(row);
}

export interface PairFilter {
  /** 'active', 'ended', or both when undefined. */
  status?: 'active' | 'ended';
  helper?: string;
  person_id?: number;
}

/** Active pairings first, then by helper and start date. */
export function listPairs(db: Db, f: PairFilter = {}): Pair[] {
  const where = ['pr.deleted_at IS NULL'];
  const params: Row = {};
  if (f.status === 'active') where.push('pr.ended_on IS NULL');
  if (f.status === 'ended') where.push('pr.ended_on IS NOT NULL');
  if (f.helper !== undefined) {
    where.push('pr.helper = @helper');
    params.helper = f.helper;
  }
  if (f.person_id !== undefined) {
    where.push('pr.person_id = @person_id');
    params.person_id = f.person_id;
  }
  const sql = `${SELECT_PAIR} WHERE ${where.join(' AND ')} ORDER BY pr.ended_on IS NOT NULL, pr.helper, pr.started_on, pr.id`;
  return (db.prepare(sql).all(params) as Row[]).map(toPair);
}

/** The helper's active pairings (what the limit and the duplicate rule look at). */
export function activePairsOfHelper(db: Db, helper: string): Array<Pick<Pair, 'id' | 'person_id' | 'started_on'>> {
  return db
    .prepare('SELECT id, person_id, started_on FROM pairs WHERE helper = ? AND ended_on IS NULL AND deleted_at IS NULL ORDER BY id')
    .all(helper) as Array<Pick<Pair, 'id' | 'person_id' | 'started_on'>>;
}

/** Call inside a write transaction, after checkNewPair. */
export function insertPair(db: Db, input: PairInput): number {
  return insertRecord(db, 'pairs', 'pair', { ...input });
}

export type PairChanges = Partial<Pick<Pair, 'needs' | 'measures' | 'cadence_days' | 'ended_on' | 'outcome'>>;

export function updatePair(db: Db, id: number, changes: PairChanges): void {
  updateRecord(db, 'pairs', 'pair', id, changes as Row);
}

export function insertPairLog(db: Db, pairId: number, entry: PairLogInput): number {
  return insertRecord(db, 'pair_logs', 'pair_log', { pair_id: pairId, ...entry });
}

export function getPairLog(db: Db, id: number): PairLog {
  const row = db
    .prepare('SELECT id, uid, pair_id, date, action, result, created_at, updated_at FROM pair_logs WHERE id = ? AND deleted_at IS NULL')
    .get(id) as PairLog | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'pair_log'), id });
  return row;
}

/** A pairing's help log in date order. */
export function listPairLogs(db: Db, pairId: number): PairLog[] {
  return db
    .prepare(
      'SELECT id, uid, pair_id, date, action, result, created_at, updated_at FROM pair_logs WHERE pair_id = ? AND deleted_at IS NULL ORDER BY date, id',
    )
    .all(pairId) as PairLog[];
}
