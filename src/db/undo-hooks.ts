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
  const logged = entry.changes.before;
  if (logged && typeof logged === 'object' && 'value' in logged) return putSetting(db, key, (logged as { value: string | null }).value ?? null);
  // Logged before 0006, without the old value: the previous logged change of that key says it.
  const prev = db
    .prepare(
      `SELECT op, changes FROM change_log WHERE id < ? AND ((entity = 'setting' AND json_extract(changes, '$.key') = ?) OR op = 'import')
       ORDER BY id DESC LIMIT 1`,
    )
    .get(entry.id, key) as { op: string; changes: string } | undefined;
  if (prev?.op === 'import') throw new DataError('err.undo_setting_import', { key });
  const value = prev ? ((JSON.parse(prev.changes) as { value?: string | null }).value ?? null) : null;
  return putSetting(db, key, value);
});

function putSetting(db: Db, key: string, value: string | null): Row {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
      key,
      value,
      new Date().toISOString(),
    );
  return { key, value };
}

interface Attendee {
  person_id: number | null;
  name: string | null;
  present: boolean;
  reason: string | null;
}

const attendanceOf = (db: Db, meetingId: number): Attendee[] =>
  (db.prepare('SELECT person_id, name, present, reason FROM meeting_attendance WHERE meeting_id = ? ORDER BY seq').all(meetingId) as (Omit<Attendee, 'present'> & { present: number })[]).map(
    (a) => ({ person_id: a.person_id, name: a.name, present: a.present === 1, reason: a.reason }),
  );

// A meeting's named attendance lives in its child table, logged whole ({attendance, before}). The
// first write (with the meeting's insert) logs no "before": there was no attendance.
registerFieldUndo('meeting', 'attendance', (db, target, f) => {
  const norm = (v: unknown) => JSON.stringify((Array.isArray(v) ? (v as Attendee[]) : []).map((a) => ({ person_id: a.person_id ?? null, name: a.name ?? null, present: Boolean(a.present), reason: a.reason ?? null })));
  if (norm(attendanceOf(db, target.id)) !== norm(f.after)) throw changedSince();
  const before = (f.hasBefore && Array.isArray(f.before) ? f.before : []) as Attendee[];
  db.prepare('DELETE FROM meeting_attendance WHERE meeting_id = ?').run(target.id);
  const ins = db.prepare('INSERT INTO meeting_attendance (meeting_id, seq, person_id, name, present, reason) VALUES (?, ?, ?, ?, ?, ?)');
  before.forEach((a, i) => ins.run(target.id, i + 1, a.person_id ?? null, a.name ?? null, a.present ? 1 : 0, a.reason ?? null));
});

// A milestone dropped with its plan notes the plan (with_plan): a marker, nothing to put back.
registerFieldUndo('milestone', 'with_plan', () => undefined);
