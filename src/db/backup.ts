// Backups (SQLite's online backup API: a consistent copy while others write), restore, and
// opening a database file only to look at it (no migrations, no writes).
import { chmodSync, closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DataError, NotFoundError } from '../errors.js';
import { t } from '../i18n/index.js';
import { FS_APPLICATION_ID, loadSqlite, type Db } from './open.js';
import { isFsOrEmpty, peekHeader } from './peek.js';

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Pages per backup step: the whole database in one step, so a busy writer cannot restart it forever. */
const ALL_PAGES = 1 << 30;

export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function baseName(dbPath: string): string {
  const b = basename(dbPath);
  return extname(b) ? b.slice(0, -extname(b).length) : b;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** fs-2026-11-27T10-30-00.123Z.db: sorts by time, no characters a file system dislikes. */
export function backupFileName(dbPath: string, now: Date): string {
  return `${baseName(dbPath)}-${now.toISOString().replace(/:/g, '-')}.db`;
}

function backupPattern(dbPath: string): RegExp {
  return new RegExp(`^${escapeRe(baseName(dbPath))}-(\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z)(?:-(\\d+))?\\.db$`);
}

/** A free name in `dir` for a backup taken now. */
export function newBackupPath(dir: string, dbPath: string, now = new Date()): string {
  const name = backupFileName(dbPath, now);
  let path = join(dir, name);
  for (let n = 2; existsSync(path); n++) path = join(dir, name.replace(/\.db$/, `-${n}.db`));
  return path;
}

/** The backups of `dbPath` in `dir`, newest first. */
export function listBackups(dir: string, dbPath: string): string[] {
  if (!existsSync(dir)) return [];
  const re = backupPattern(dbPath);
  return readdirSync(dir)
    .map((name) => ({ name, m: re.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (a.m[1]! === b.m[1]! ? Number(b.m[2] ?? 1) - Number(a.m[2] ?? 1) : a.m[1]! < b.m[1]! ? 1 : -1))
    .map((x) => join(dir, x.name));
}

/** Keep the newest `keep` backups in `dir`; returns the removed paths. */
export function pruneBackups(dir: string, dbPath: string, keep: number): string[] {
  const old = listBackups(dir, dbPath).slice(keep);
  for (const p of old) for (const f of [p, `${p}-wal`, `${p}-shm`]) rmSync(f, { force: true });
  return old;
}

export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
}

/**
 * A consistent copy of an open database into a new file, mode 0600. Written under a temporary
 * name and renamed when complete: a backup killed half-way never looks like a backup.
 */
export async function backupDatabase(db: Db, dest: string): Promise<void> {
  ensurePrivateDir(dirname(dest));
  const old = process.umask(0o077);
  const partial = `${dest}.partial-${process.pid}`;
  try {
    await db.backup(partial, { progress: () => ALL_PAGES });
    chmodSync(partial, 0o600);
    renameSync(partial, dest);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new DataError('err.backup_failed', { path: dest, detail: (e as Error).message });
  } finally {
    process.umask(old);
  }
}

export function isSqliteFile(path: string): boolean {
  if (statSync(path).size < 100) return false;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * A SQLite file of another program (or, given `known`, of a newer fs) is refused from its bytes,
 * before SQLite opens it: closing a connection would checkpoint its -wal into it.
 */
export function refuseForeign(path: string, known?: number): void {
  const head = peekHeader(path);
  if (head && !isFsOrEmpty(head, FS_APPLICATION_ID)) throw new DataError('err.not_fs_db', { path });
  if (head && known !== undefined && head.userVersion > known) throw new DataError('err.newer_db', { path, found: head.userVersion, known });
}

/** Open an existing SQLite file as it is: no migrations, no pragmas that write. Caller closes. */
export function openExisting(path: string, readonly = false): Db {
  const { Sqlite, nativeBinding } = loadSqlite();
  return new Sqlite(path, { fileMustExist: true, timeout: 5000, nativeBinding, readonly });
}

/**
 * The database as it is, opened without migrating it: a backup copies what is there, whatever
 * version wrote it. Refuses anything that is not an fs database.
 */
export function openForBackup(dbPath: string): Db {
  if (!existsSync(dbPath)) throw new NotFoundError('err.no_database', { path: dbPath });
  if (!isSqliteFile(dbPath)) throw new DataError('err.not_fs_db', { path: dbPath });
  refuseForeign(dbPath);
  const db = openExisting(dbPath);
  try {
    if (db.pragma('application_id', { simple: true }) !== FS_APPLICATION_ID) throw new DataError('err.not_fs_db', { path: dbPath });
    return db;
  } catch (e) {
    db.close();
    if (e instanceof DataError) throw e;
    throw new DataError('err.corrupt_db', { path: dbPath, detail: (e as Error).message });
  }
}

/** SQLite can open the file and read its header (a damaged database may not even do that). */
export function canOpen(path: string): boolean {
  try {
    const db = openExisting(path);
    try {
      db.pragma('application_id', { simple: true });
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

export interface FileInspection {
  path: string;
  size: number;
  applicationId: number;
  version: number;
  /** Empty when the check passed, else its first messages. */
  problems: string[];
}

/** quick_check (or integrity_check) of a file; throws a DataError saying what the file is not. */
export function inspectDatabaseFile(path: string, full = false): FileInspection {
  if (!existsSync(path)) throw new DataError('err.file_missing', { path });
  if (!isSqliteFile(path)) throw new DataError('err.not_fs_db', { path });
  refuseForeign(path);
  let db: Db | undefined;
  try {
    db = openExisting(path);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== FS_APPLICATION_ID) throw new DataError('err.not_fs_db', { path });
    const version = db.pragma('user_version', { simple: true }) as number;
    return { path, size: statSync(path).size, applicationId, version, problems: integrityProblems(db, full) };
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError('err.corrupt_db', { path, detail: (e as Error).message });
  } finally {
    db?.close();
  }
}

/** The messages of quick_check / integrity_check other than 'ok' (at most 10). */
export function integrityProblems(db: Db, full: boolean): string[] {
  const rows = db.pragma(full ? 'integrity_check(10)' : 'quick_check(10)') as Record<string, string>[];
  return rows.map((r) => Object.values(r)[0]!).filter((m) => m !== 'ok');
}

/** Rows per table of a database file (for the restore question and the tests). */
export function tableCounts(db: Db): Record<string, number> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

/**
 * Copy `source` over the database at `dbPath` with the backup API: other connections see the new
 * content, never a half-written file. When the current file cannot be opened at all (damaged), it
 * is replaced by rename instead (its copy was kept by the caller).
 */
export async function restoreDatabase(source: string, dbPath: string, currentUsable: boolean): Promise<void> {
  ensurePrivateDir(dirname(dbPath));
  const old = process.umask(0o077);
  const src = openExisting(source);
  try {
    if (currentUsable || !existsSync(dbPath)) {
      await src.backup(dbPath, { progress: () => ALL_PAGES });
    } else {
      const tmp = `${dbPath}.restoring-${process.pid}`;
      await src.backup(tmp, { progress: () => ALL_PAGES });
      for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
      renameSync(tmp, dbPath);
    }
    chmodSync(dbPath, 0o600);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'SQLITE_BUSY') throw new DataError('err.db_busy');
    throw new DataError('err.restore_failed', { path: dbPath, detail: err.message ?? String(e) });
  } finally {
    src.close();
    process.umask(old);
  }
}

/** A damaged database cannot go through SQLite: its files are copied as they are, to keep what there is. */
export function copyDamaged(dbPath: string, dest: string): void {
  ensurePrivateDir(dirname(dest));
  for (const [from, to] of [
    [dbPath, dest],
    [`${dbPath}-wal`, `${dest}-wal`],
  ] as const) {
    if (!existsSync(from)) continue;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
    chmodSync(to, 0o600);
  }
}
