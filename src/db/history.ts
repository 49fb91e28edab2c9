// The change log: history of records, and undo of the most recent change.
import { IMPORT_OP, pickUndoTarget, sameValue, splitUpdate, UNDO_OP, type ChangeEntry } from '../domain/history.js';
import { DataError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import type { Db } from './open.js';
import { describeSchema, q } from './schema.js';
import { logRow, nowStamp, type Row } from './store.js';
import { changeUndo, fieldUndo, type UndoTarget } from './undo-hooks.js';

interface LogRow {
  id: number;
  at: string;
  entity: string;
  entity_id: number;
  entity_uid: string | null;
  op: string;
  changes: string;
  change_set: number | null;
}

export function toEntry(r: LogRow): ChangeEntry {
  let changes: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(r.changes);
    changes = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    changes = { text: r.changes };
  }
  return { ...r, changes };
}

export interface HistoryFilter {
  entity?: string;
  entityId?: number;
  /** The newest N (0: all). */
  limit?: number;
}

export interface HistoryEntry extends ChangeEntry {
  /** The id of the undo that reverted this change, if any. */
  undone_by: number | null;
  /** The change set (one per command) the change belongs to, its command, and the set that undid it. */
  change_set: number | null;
  command: string;
  set_undone_by: number | null;
}

/** Changes newest first, whole change sets: `limit` counts sets (commands), not rows. */
export function listHistory(db: Db, f: HistoryFilter = {}): HistoryEntry[] {
  const where: string[] = [];
  const params: Row = {};
  if (f.entity !== undefined) {
    where.push('c.entity = @entity');
    params.entity = f.entity;
  }
  if (f.entityId !== undefined) {
    where.push('c.entity_id = @entityId');
    params.entityId = f.entityId;
  }
  if (f.limit) {
    // A row written outside any set (raw SQL) counts as a set of its own rather than vanishing.
    const unit = 'coalesce(c.change_set, -c.id)';
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    where.push(`${unit} IN (SELECT ${unit} FROM change_log c ${filter} GROUP BY ${unit} ORDER BY max(c.id) DESC LIMIT ${Math.floor(f.limit)})`);
  }
  const sql = `SELECT c.*, s.command AS command,
       (SELECT min(u.id) FROM change_log u WHERE u.op = '${UNDO_OP}' AND u.id > c.id AND json_extract(u.changes, '$.undoes') = c.id) AS undone_by,
       (SELECT min(x.id) FROM change_set x WHERE x.undoes = c.change_set) AS set_undone_by
     FROM change_log c LEFT JOIN change_set s ON s.id = c.change_set
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC`;
  return (db.prepare(sql).all(params) as (LogRow & { undone_by: number | null; command: string | null; set_undone_by: number | null })[]).map((r) => ({
    ...toEntry(r),
    undone_by: r.undone_by,
    change_set: r.change_set,
    command: r.command ?? '',
    set_undone_by: r.set_undone_by,
  }));
}

/** The entity names that have history, for the error naming the choices. */
export function historyEntities(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT entity FROM change_log ORDER BY entity').all() as { entity: string }[]).map((r) => r.entity);
}

export function findUndoTarget(db: Db): ChangeEntry | undefined {
  const rows = db.prepare('SELECT * FROM change_log ORDER BY id DESC').iterate() as IterableIterator<LogRow>;
  try {
    return pickUndoTarget((function* () {
      for (const r of rows) yield toEntry(r);
    })());
  } finally {
    rows.return?.();
  }
}

/** The table and row a logged change is about: by uid where the log has one, else by the entity's insert. */
function locate(db: Db, e: ChangeEntry): UndoTarget | undefined {
  const schema = describeSchema(db);
  const entities = [...schema.byName.values()].filter((s) => s.kind === 'entity');
  const uid =
    e.entity_uid ??
    (db.prepare('SELECT entity_uid FROM change_log WHERE entity = ? AND entity_id = ? AND entity_uid IS NOT NULL ORDER BY id LIMIT 1').get(e.entity, e.entity_id) as { entity_uid: string } | undefined)
      ?.entity_uid;
  if (uid) {
    for (const s of entities) {
      const row = db.prepare(`SELECT id FROM ${q(s.name)} WHERE uid = ?`).get(uid) as { id: number } | undefined;
      if (row && row.id === e.entity_id) return { table: s.name, id: row.id };
    }
    return undefined;
  }
  return undefined;
}

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);
}

export interface UndoResult {
  undone: ChangeEntry;
  /** The id of the change_log row that records the undo. */
  logId: number;
}

const cannot = (e: ChangeEntry, why: string) => new DataError('err.undo_cannot', { id: e.id, op: e.op, entity: e.entity, why });

/** Revert one logged change and log the undo. Call inside a write transaction. Throws (nothing written) if it cannot. */
export function undoChange(db: Db, e: ChangeEntry): UndoResult {
  const logged = revert(db, e.op === UNDO_OP ? redoEntry(db, e) : e);
  const logId = logRow(db, e.entity, e.entity_id, e.entity_uid, UNDO_OP, { ...logged, undoes: e.id, undone_op: e.op });
  return { undone: e, logId };
}

/**
 * Undoing an undo row redoes the change it reverted: the same kind of entry as the original's
 * inverse (an undone insert is redone as the undo of a delete, an update swaps after and before).
 */
function redoEntry(db: Db, u: ChangeEntry): ChangeEntry {
  const origId = u.changes.undoes;
  const row = typeof origId === 'number' ? (db.prepare('SELECT * FROM change_log WHERE id = ?').get(origId) as LogRow | undefined) : undefined;
  if (!row) throw cannot(u, t('why.no_record'));
  const orig = toEntry(row);
  const inverse: Record<string, string> = { insert: 'delete', restore: 'delete', delete: 'insert' };
  if (orig.op in inverse) return { ...u, op: inverse[orig.op]!, changes: {} };
  if (orig.op === 'update') {
    const before = (orig.changes.before && typeof orig.changes.before === 'object' ? orig.changes.before : {}) as Row;
    const changes: Row = {};
    const was: Row = {};
    for (const [k, v] of Object.entries(orig.changes)) {
      if (k === 'before') continue;
      changes[k] = orig.entity === 'setting' && k === 'key' ? v : (before[k] ?? null);
      was[k] = v;
    }
    if (orig.entity === 'setting') changes.value = u.changes.value ?? null;
    return { ...u, op: 'update', changes: { ...changes, before: was } };
  }
  throw cannot(u, t('why.unknown_op'));
}

/** Revert one entry (or a redo's inverse), returning what it wrote, for the log. */
function revert(db: Db, e: ChangeEntry): Row {
  const stamp = nowStamp();
  let logged: Row;
  const hook = changeUndo(e.entity);
  if (e.op === IMPORT_OP) throw new DataError('err.undo_import', { id: e.id });
  if (hook) {
    logged = hook(db, e);
  } else {
    const target = locate(db, e);
    if (!target) throw cannot(e, t('why.no_record'));
    const columns = columnsOf(db, target.table);
    const row = db.prepare(`SELECT * FROM ${q(target.table)} WHERE id = ?`).get(target.id) as Row;
    const hasDeleted = columns.includes('deleted_at');
    const touch = columns.includes('updated_at') ? ', updated_at = @stamp' : '';
    if (e.op === 'insert' || e.op === 'restore') {
      if (!hasDeleted) throw cannot(e, t('why.no_soft_delete'));
      if (row.deleted_at !== null) throw cannot(e, t('why.already_deleted'));
      const ref = liveReference(db, target);
      if (ref) throw cannot(e, t('why.referenced', ref));
      db.prepare(`UPDATE ${q(target.table)} SET deleted_at = @stamp${touch} WHERE id = @id`).run({ stamp, id: target.id });
      logged = { deleted_at: stamp };
    } else if (e.op === 'delete') {
      if (!hasDeleted || row.deleted_at === null) throw cannot(e, t('why.not_deleted'));
      runOrRefuse(e, () => db.prepare(`UPDATE ${q(target.table)} SET deleted_at = NULL${touch} WHERE id = @id`).run({ stamp, id: target.id }));
      logged = { deleted_at: null };
    } else if (e.op === 'update') {
      const { columns: cols, other } = splitUpdate(e.changes, columns.filter((c) => c !== 'id' && c !== 'uid'));
      for (const f of other) if (!fieldUndo(e.entity, f.field)) throw cannot(e, t('why.unknown_field', { field: f.field }));
      for (const f of cols) {
        if (!f.hasBefore) throw cannot(e, t('why.no_before', { field: f.field }));
        if (!sameValue(row[f.field], f.after)) throw new DataError('err.undo_changed_since');
      }
      const before = Object.fromEntries(cols.map((f) => [f.field, f.before]));
      if (cols.length) {
        const set = cols.map((f, i) => `${q(f.field)} = @v${i}`).join(', ');
        const params: Row = { stamp, id: target.id };
        cols.forEach((f, i) => (params[`v${i}`] = f.before ?? null));
        runOrRefuse(e, () => db.prepare(`UPDATE ${q(target.table)} SET ${set}${touch} WHERE id = @id`).run(params));
      }
      for (const f of other) {
        fieldUndo(e.entity, f.field)!(db, target, f);
        before[f.field] = f.hasBefore ? f.before : null;
        if (touch) db.prepare(`UPDATE ${q(target.table)} SET updated_at = ? WHERE id = ?`).run(stamp, target.id);
      }
      logged = before;
    } else {
      throw cannot(e, t('why.unknown_op'));
    }
  }
  return logged;
}

/**
 * A live record that still points at `target` (a later visit of a person added by the change being
 * undone): removing the target would leave it dangling. Child rows count while their parent lives.
 */
function liveReference(db: Db, target: UndoTarget): { what: string; id: number } | undefined {
  for (const spec of describeSchema(db).byName.values()) {
    const cols = [...spec.refs, ...(spec.parent ? [spec.parent] : [])].filter((r) => r.table === target.table).map((r) => r.column);
    for (const col of cols) {
      let row: { id: number } | undefined;
      if (spec.kind === 'entity') {
        const live = spec.hasDeletedAt ? ' AND deleted_at IS NULL' : '';
        row = db.prepare(`SELECT id FROM ${q(spec.name)} WHERE ${q(col)} = ?${live} AND id <> ? LIMIT 1`).get(target.id, spec.name === target.table ? target.id : -1) as { id: number } | undefined;
      } else if (spec.kind === 'child' && spec.parent && spec.parent.column !== col) {
        const p = spec.parent;
        const parentSpec = describeSchema(db).byName.get(p.table);
        const live = parentSpec?.hasDeletedAt ? ' AND p.deleted_at IS NULL' : '';
        row = db.prepare(`SELECT p.id AS id FROM ${q(spec.name)} c JOIN ${q(p.table)} p ON p.id = c.${q(p.column)} WHERE c.${q(col)} = ?${live} LIMIT 1`).get(target.id) as { id: number } | undefined;
        if (row) return named(db, p.table, row.id);
        continue;
      }
      if (row) return named(db, spec.name, row.id);
    }
  }
  return undefined;
}

/** "visit #7": a record by the entity name its changes are logged under (else its table). */
function named(db: Db, table: string, id: number): { what: string; id: number } {
  const uid = (db.prepare(`SELECT uid FROM ${q(table)} WHERE id = ?`).get(id) as { uid: string } | undefined)?.uid;
  const entity = uid ? (db.prepare('SELECT entity FROM change_log WHERE entity_uid = ? LIMIT 1').get(uid) as { entity: string } | undefined)?.entity : undefined;
  return { what: entity ? label('entity', entity) : table, id };
}

function runOrRefuse(e: ChangeEntry, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) throw cannot(e, (err as Error).message);
    throw err;
  }
}
