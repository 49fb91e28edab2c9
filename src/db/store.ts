// Shared record mechanics: uid, timestamps, soft delete and the change log, so every table
// writes its audit trail the same way and in the same transaction as the change.
import { uuidv7 } from 'uuidv7';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

export type Row = Record<string, unknown>;

export function nowStamp(): string {
  return new Date().toISOString();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStatement = Statement<any[], unknown>;

const statements = new WeakMap<Db, Map<string, AnyStatement>>();

/**
 * A prepared statement, kept per connection: a report runs the same query for every interval,
 * and preparing a large query costs more than running it on a small range. The record helpers
 * below use it too: preparing an INSERT compiles the table's triggers (the search index), which
 * cost more than the insert itself when a roster of 10,000 people comes in at once.
 */
export function statement(db: Db, sql: string): AnyStatement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare(sql)));
  return st;
}

/** Run `fn` in a BEGIN IMMEDIATE transaction: concurrent writers queue on the busy timeout instead of failing. */
export function write<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

interface SetState {
  command: string;
  flags: string;
  id?: number;
  at?: string;
}

const changeSets = new WeakMap<Db, SetState>();

/**
 * Name the change set the next writes on this connection belong to (main names it after the
 * command: "visit add", flags without their values). The set's row is made at the first write,
 * so a command that writes nothing leaves no set, and one that runs several transactions one set.
 */
export function beginChangeSet(db: Db, command: string, flags: readonly string[] = []): void {
  changeSets.set(db, { command, flags: flags.join(' ') });
}

const hasSets = new WeakMap<Db, boolean>();

/** Whether this database has change sets (0006): a connection opened on an older schema on purpose (tests of migrations) logs without. */
function changeSetsExist(db: Db): boolean {
  let has = hasSets.get(db);
  if (has === undefined) hasSets.set(db, (has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_set'").get() !== undefined));
  return has;
}

/** The id of this connection's current change set, made now if this is its first write. */
export function currentChangeSet(db: Db): number {
  let state = changeSets.get(db);
  if (!state) changeSets.set(db, (state = { command: '', flags: '' }));
  // A rolled-back transaction takes the set's row with it: make it again. (Checked by its stamp
  // too: another process may have taken the same id since.)
  if (state.id !== undefined && statement(db, 'SELECT 1 FROM change_set WHERE id = ? AND at = ? AND command = ?').get(state.id, state.at, state.command) !== undefined) return state.id;
  state.at = nowStamp();
  const info = statement(db, 'INSERT INTO change_set (at, command, flags) VALUES (?, ?, ?)').run(state.at, state.command, state.flags);
  return (state.id = Number(info.lastInsertRowid));
}

export function logChange(db: Db, entity: string, id: number, uid: string | null, op: 'insert' | 'update' | 'delete' | 'restore', changes: Row): void {
  logRow(db, entity, id, uid, op, changes);
}

/** Any row of the change log (undo and import rows too), in the current change set; returns its id. */
export function logRow(db: Db, entity: string, id: number, uid: string | null, op: string, changes: Row): number {
  if (!changeSetsExist(db)) {
    const old = statement(db, 'INSERT INTO change_log (at, entity, entity_id, entity_uid, op, changes) VALUES (?, ?, ?, ?, ?, ?)');
    return Number(old.run(nowStamp(), entity, id, uid, op, JSON.stringify(changes)).lastInsertRowid);
  }
  const set = currentChangeSet(db);
  const info = statement(db, 'INSERT INTO change_log (at, entity, entity_id, entity_uid, op, changes, change_set) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    nowStamp(),
    entity,
    id,
    uid,
    op,
    JSON.stringify(changes),
    set,
  );
  return Number(info.lastInsertRowid);
}

/** Insert a record with a new uid and timestamps; logs the insert. Returns the new id. */
export function insertRecord(db: Db, table: string, entity: string, values: Row): number {
  const stamp = nowStamp();
  const row: Row = { uid: uuidv7(), ...values, created_at: stamp, updated_at: stamp };
  const cols = Object.keys(row);
  const info = statement(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
  const id = Number(info.lastInsertRowid);
  logChange(db, entity, id, row.uid as string, 'insert', values);
  return id;
}

export function getLiveRow(db: Db, table: string, entity: string, id: number): Row {
  const row = statement(db, `SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', entity), id });
  return row;
}

/** Update the changed fields of a live record; logs new values and the values they replaced. */
export function updateRecord(db: Db, table: string, entity: string, id: number, values: Row): void {
  const before = getLiveRow(db, table, entity, id);
  const changed = Object.keys(values).filter((k) => before[k] !== values[k]);
  if (changed.length === 0) return;
  const set = changed.map((c) => `${c} = @${c}`).join(', ');
  const params: Row = { id, updated_at: nowStamp() };
  for (const c of changed) params[c] = values[c];
  statement(db, `UPDATE ${table} SET ${set}, updated_at = @updated_at WHERE id = @id`).run(params);
  const after: Row = {};
  const was: Row = {};
  for (const c of changed) {
    after[c] = values[c];
    was[c] = before[c];
  }
  logChange(db, entity, id, before.uid as string, 'update', { ...after, before: was });
}

/** Soft delete: the row stays, marked deleted_at, and the change log says so. */
export function softDelete(db: Db, table: string, entity: string, id: number): void {
  const before = getLiveRow(db, table, entity, id);
  const stamp = nowStamp();
  statement(db, `UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(stamp, stamp, id);
  logChange(db, entity, id, before.uid as string, 'delete', { deleted_at: stamp });
}
