// Change sets: one per command. `fs undo` reverts a whole set, replaying its rows backwards in one
// transaction; `fs undo --id N` an older one, refused when a later set changed the same records.
import { cancelledSets, IMPORT_OP, laterInEffect, pickUndoSet, type ChangeEntry, type ChangeSet } from '../domain/history.js';
import { DataError, NotFoundError } from '../errors.js';
import { t } from '../i18n/index.js';
import { toEntry, undoChange } from './history.js';
import type { Db } from './open.js';
import { currentChangeSet } from './store.js';

const newestFirst = (db: Db, above = 0) => db.prepare('SELECT id, undoes FROM change_set WHERE id > ? ORDER BY id DESC').all(above) as Pick<ChangeSet, 'id' | 'undoes'>[];

export function getChangeSet(db: Db, id: number): ChangeSet | undefined {
  return db.prepare('SELECT id, at, command, flags, undoes FROM change_set WHERE id = ?').get(id) as ChangeSet | undefined;
}

/** A set's rows, in the order written. */
export function setEntries(db: Db, id: number): ChangeEntry[] {
  return (db.prepare('SELECT * FROM change_log WHERE change_set = ? ORDER BY id').all(id) as Parameters<typeof toEntry>[0][]).map(toEntry);
}

/** The set plain `fs undo` reverts: the newest in effect that is not an undo. */
export function findUndoSet(db: Db): number | undefined {
  const rows = db.prepare('SELECT id, undoes FROM change_set ORDER BY id DESC').iterate() as IterableIterator<Pick<ChangeSet, 'id' | 'undoes'>>;
  try {
    return pickUndoSet(rows);
  } finally {
    rows.return?.();
  }
}

/** The records a set touched: "visit#3", "setting#village"; an import touches what it touched, unknown: "import". */
function touched(db: Db, ids: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  if (!ids.length) return out;
  const rows = db
    .prepare(
      `SELECT change_set AS s, op, entity, entity_id, json_extract(changes, '$.key') AS key FROM change_log WHERE change_set IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
    )
    .all(...ids) as { s: number; op: string; entity: string; entity_id: number; key: string | null }[];
  for (const r of rows) {
    const k = r.op === IMPORT_OP ? IMPORT_OP : r.entity === 'setting' ? `setting#${r.key}` : `${r.entity}#${r.entity_id}`;
    if (!out.has(k)) out.set(k, r.s);
  }
  return out;
}

export interface UndoPlan {
  set: ChangeSet;
  entries: ChangeEntry[];
}

/**
 * What undoing set `id` would revert, or a DataError naming why it cannot, decided before
 * anything is touched: unknown or already undone, an import, or a later set (still in effect)
 * that changed the same records or is an import, whose records are not known one by one.
 */
export function planSetUndo(db: Db, id: number): UndoPlan {
  const set = getChangeSet(db, id);
  const entries = set ? setEntries(db, id) : [];
  if (!set || !entries.length) throw new NotFoundError('err.change_set_not_found', { id });
  const later = newestFirst(db, id);
  const cancelled = cancelledSets(later);
  if (cancelled.has(id)) throw new DataError('err.change_set_undone', { id, by: later.find((s) => s.undoes === id && !cancelled.has(s.id))?.id ?? '?' });
  if (entries.some((e) => e.op === IMPORT_OP)) throw new DataError('err.undo_import', { id });
  const mine = touched(db, [id]);
  const others = touched(db, laterInEffect(id, later));
  if (others.has(IMPORT_OP)) throw new DataError('err.undo_after_import', { id, later: others.get(IMPORT_OP)! });
  for (const [k, s] of others) {
    if (!mine.has(k)) continue;
    const what = getChangeSet(db, s);
    throw new DataError('err.undo_depends', { id, later: s, command: what?.command || t('msg.change_set_unnamed') });
  }
  return { set, entries };
}

export interface SetUndoResult {
  plan: UndoPlan;
  /** The undo's own change set. */
  undoSet: number;
}

/** Revert every row of set `id`, newest first, as one new change set that records what it undid. Call inside a write transaction. */
export function undoSet(db: Db, id: number): SetUndoResult {
  const plan = planSetUndo(db, id);
  for (const e of [...plan.entries].reverse()) undoChange(db, e);
  const undo = currentChangeSet(db);
  db.prepare('UPDATE change_set SET undoes = ? WHERE id = ?').run(id, undo);
  return { plan, undoSet: undo };
}

/** Try the undo and roll it back: a set that cannot be reverted is refused before the user is asked. */
export function rehearseUndo(db: Db, id: number): UndoPlan {
  db.exec('BEGIN IMMEDIATE');
  try {
    return undoSet(db, id).plan;
  } finally {
    db.exec('ROLLBACK');
  }
}
