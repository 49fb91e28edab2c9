// Restore under one lock: the copy of what is replaced and the replacement are taken in the same
// write transaction on the live database, so no write can be acknowledged in between and end up in
// neither (other writers wait on the busy timeout, or are refused: never lost).
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from '../errors.js';
import { ensurePrivateDir, openExisting } from './backup.js';
import type { Db } from './open.js';

interface SchemaObject {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  sql: string | null;
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

function objects(db: Db, schema: string): SchemaObject[] {
  return db.prepare(`SELECT type, name, sql FROM ${schema}.sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`).all() as SchemaObject[];
}

const isVirtual = (o: SchemaObject) => o.type === 'table' && /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(o.sql ?? '');

/** A file written whole: a temporary name, fsync, rename; 0600. */
function writeWhole(path: string, bytes: Buffer): void {
  ensurePrivateDir(dirname(path));
  const tmp = `${path}.partial-${process.pid}`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** Make main's schema and rows those of `src` (attached), inside the caller's transaction. */
function replaceMain(db: Db, src: string): void {
  const current = objects(db, 'main');
  for (const o of current.filter((x) => x.type === 'trigger' || x.type === 'view')) db.exec(`DROP ${o.type.toUpperCase()} IF EXISTS main.${q(o.name)}`);
  // A virtual table first: dropping it drops its shadow tables.
  for (const o of current.filter(isVirtual)) db.exec(`DROP TABLE IF EXISTS main.${q(o.name)}`);
  for (const o of objects(db, 'main').filter((x) => x.type === 'table')) db.exec(`DROP TABLE IF EXISTS main.${q(o.name)}`);
  const wanted = objects(db, src);
  for (const o of wanted.filter(isVirtual)) db.exec(o.sql!);
  const made = new Set(objects(db, 'main').map((o) => o.name));
  for (const o of wanted.filter((x) => x.type === 'table' && !isVirtual(x))) {
    // Shadow tables of a virtual table exist already: emptied, then filled with the source's rows.
    if (made.has(o.name)) db.exec(`DELETE FROM main.${q(o.name)}`);
    else db.exec(o.sql!);
    db.exec(`INSERT INTO main.${q(o.name)} SELECT * FROM ${src}.${q(o.name)}`);
  }
  const hasSeq = (schema: string) => db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined;
  if (hasSeq('main')) db.exec('DELETE FROM main.sqlite_sequence');
  if (hasSeq('main') && hasSeq(src)) db.exec(`INSERT INTO main.sqlite_sequence SELECT * FROM ${src}.sqlite_sequence`);
  // Indexes after the rows (faster), triggers last (so that copying fires none).
  for (const type of ['index', 'view', 'trigger'] as const) for (const o of wanted.filter((x) => x.type === type && x.sql)) db.exec(o.sql!);
  for (const pragma of ['user_version', 'application_id']) db.pragma(`main.${pragma} = ${Number(db.pragma(`${src}.${pragma}`, { simple: true }))}`);
}

/**
 * Replace the live database at `dbPath` by `source`, after writing what it held to `keepPath`, both
 * under one write lock. The source must have been checked (an fs database, not newer).
 */
export function restoreLocked(source: string, dbPath: string, keepPath: string): void {
  const db = openExisting(dbPath);
  let attached = false;
  try {
    // Tables are dropped and filled in any order; the rows are the source's, checked already.
    db.pragma('foreign_keys = OFF');
    // A virtual table's shadow tables (the search index, migration 0008) are copied as they are:
    // SQLite's defensive mode, which better-sqlite3 turns on, refuses writes to them otherwise.
    db.unsafeMode(true);
    db.prepare('ATTACH DATABASE ? AS restore_src').run(source);
    attached = true;
    db.exec('BEGIN IMMEDIATE');
    try {
      // The whole database as this transaction sees it (the -wal included).
      writeWhole(keepPath, db.serialize());
      replaceMain(db, 'restore_src');
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'SQLITE_BUSY') throw new DataError('err.db_busy');
    if (e instanceof DataError) throw e;
    throw new DataError('err.restore_failed', { path: dbPath, detail: err.message ?? String(e) });
  } finally {
    if (attached && !db.inTransaction) {
      try {
        db.exec('DETACH DATABASE restore_src');
      } catch {
        // closing detaches too
      }
    }
    db.close();
  }
  chmodSync(dbPath, 0o600);
}
