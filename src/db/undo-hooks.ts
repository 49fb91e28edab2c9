// Undo for logged changes that are not plain columns of a record. Generic undo restores a column
// from the "before" values its update logged; a field kept elsewhere (a child table's rows) or a
// change that is not a record (a setting) needs a hook that knows its SQL.
//
// Other features register theirs at module load, e.g.
//   registerFieldUndo('meeting', 'attendance', (db, target, f) => { ...restore f.before... });
// A logged change without a hook is refused by `fs undo` (exit 1, nothing written).
import { type ChangeEntry, type FieldChange } from '../domain/history.js';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Db } from './open.js';
import type { Row } from './store.js';

export interface UndoTarget {
  table: string;
  id: number;
}

/** Put `field` back to `change.before`; throw a DataError when that is not safe. */
export type FieldUndo = (db: Db, target: UndoTarget, change: FieldChange) => void;
/** Revert a whole logged change that is not about one record's columns; returns what it wrote (logged). */
export type ChangeUndo = (db: Db, entry: ChangeEntry) => Row;

const fieldHooks = new Map<string, FieldUndo>();
const changeHooks = new Map<string, ChangeUndo>();

export function registerFieldUndo(entity: string, field: string, hook: FieldUndo): void {
  fieldHooks.set(`${entity}.${field}`, hook);
}

export function registerChangeUndo(entity: string, hook: ChangeUndo): void {
  changeHooks.set(entity, hook);
}

export function fieldUndo(entity: string, field: string): FieldUndo | undefined {
  return fieldHooks.get(`${entity}.${field}`);
}

export function changeUndo(entity: string): ChangeUndo | undefined {
  return changeHooks.get(entity);
}

const changedSince = () => new DataError('err.undo_changed_since');

// Settings: logged as {key, value} without the old value. The value before a change is the one the
// previous logged change of that key set (or the default when there was none). An import may have
// set it in between without a row per key: then the earlier value is unknown and undo refuses.
registerChangeUndo('setting', (db, entry) => {
  const key = entry.changes.key;
  if (typeof key !== 'string') throw new DataError('err.undo_unsupported', { what: 'setting' });
  const current = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if ((current?.value ?? null) !== (entry.changes.value ?? null)) throw changedSince();
  const prev = db
    .prepare(
      `SELECT op, changes FROM change_log WHERE id < ? AND ((entity = 'setting' AND json_extract(changes, '$.key') = ?) OR op = 'import')
       ORDER BY id DESC LIMIT 1`,
    )
    .get(entry.id, key) as { op: string; changes: string } | undefined;
  if (prev?.op === 'import') throw new DataError('err.undo_setting_import', { key });
  const value = prev ? ((JSON.parse(prev.changes) as { value?: string | null }).value ?? null) : null;
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('UPDATE settings SET value = ?, updated_at = ? WHERE key = ?').run(value, new Date().toISOString(), key);
  return { key, value };
});
