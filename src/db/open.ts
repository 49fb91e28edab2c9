// Where the database lives, how it is opened, and the migrations applied on open.
// Only src/db imports better-sqlite3.
import type Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isFsOrEmpty, peekHeader } from './peek.js';

export type Db = Database.Database;

/** 'FSLG': marks a SQLite file as an fs ledger (PRAGMA application_id). */
export const FS_APPLICATION_ID = 0x46534c47;

const SQLITE_MAGIC = 'SQLite format 3\0';

/** `--db PATH` > FS_DB > $XDG_DATA_HOME/fs/fs.db > ~/.local/share/fs/fs.db */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return flag;
  if (env.FS_DB) return env.FS_DB;
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'fs', 'fs.db');
}

const requireHere = createRequire(import.meta.url);

/**
 * Loaded on first use, not at the top: `fs --help` and usage errors never pay for the native
 * module. A plain require (not import()) keeps Node's ESM loader out of start-up and lets the
 * bundle carry better-sqlite3's JavaScript (compiled through the code cache, not file by file);
 * naming the addon file skips the `bindings` package's search for it.
 */
export function loadSqlite(): { Sqlite: typeof Database; nativeBinding: string | undefined } {
  const Sqlite = require('better-sqlite3') as typeof Database;
  let nativeBinding: string | undefined;
  try {
    const addon = join(dirname(requireHere.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    if (existsSync(addon)) nativeBinding = addon;
  } catch {
    // fall back to better-sqlite3's own search
  }
  return { Sqlite, nativeBinding };
}

export interface Migration {
  version: number;
  name: string;
  file: string;
}

function migrationsDir(): string {
  // The bundle lives in dist/, the sources in src/db/: walk up to the package's migrations/.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, '0001_init.sql'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('migrations/ not found beside the fs install');
}

export function listMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .map((name) => /^(\d{4})_[\w-]+\.sql$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[0], file: join(dir, m[0]) }))
    .sort((a, b) => a.version - b.version);
}

export function latestVersion(): number {
  const all = listMigrations();
  return all.length ? all[all.length - 1]!.version : 0;
}

/** Refuse anything that is not an fs database before SQLite gets to write to it. */
function checkHeader(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    if (buf.toString('latin1') !== SQLITE_MAGIC) throw new DataError('err.not_fs_db', { path });
  } finally {
    closeSync(fd);
  }
}

/** Make sure the database and its companions carry no group or other permission bits. */
export function tightenPermissions(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
    } catch {
      // not ours to change (e.g. another owner); doctor reports it
    }
  }
}

/**
 * A -wal or -shm the owner cannot write (left 0400 by a read-only open of a read-only file) makes
 * SQLite open it read-only, and then every write fails with "attempt to write a readonly
 * database". Made 0600 again before SQLite opens them, when the database itself is writable.
 */
function repairCompanions(path: string): void {
  try {
    if (!existsSync(path) || (statSync(path).mode & 0o600) !== 0o600) return;
  } catch {
    return;
  }
  for (const f of [`${path}-wal`, `${path}-shm`]) {
    try {
      if (existsSync(f) && (statSync(f).mode & 0o777) !== 0o600) chmodSync(f, 0o600);
    } catch {
      // not ours to change (another owner); doctor reports it
    }
  }
}

function wrapSqliteError(path: string, e: unknown): never {
  const err = e as { code?: string; message?: string };
  if (err.code === 'SQLITE_BUSY') throw new DataError('err.db_busy');
  if (err.code === 'SQLITE_NOTADB') throw new DataError('err.not_fs_db', { path });
  throw new DataError('err.corrupt_db', { path, detail: err.message ?? String(e) });
}

export interface OpenOptions {
  /** Called with a user message (stderr) when something worth saying happens, e.g. a migration backup. */
  notice?: (message: string) => void;
  migrations?: Migration[];
  /** SQLite's page cache in KiB (better-sqlite3 builds it with 16 MiB): a report worker takes less. */
  cacheKib?: number;
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Db> {
  // Whatever the user's umask, nothing fs creates (db, -wal, -shm, backups, exports) is readable by others.
  try {
    process.umask(0o077);
  } catch {
    // a worker thread may not set it: the umask is the process's, set by the main thread already
  }
  const dir = dirname(path);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  checkHeader(path);
  const migrations = options.migrations ?? listMigrations();
  const known = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  // Refused before SQLite opens it: closing even a refused connection would change the file.
  const head = peekHeader(path);
  if (head && !isFsOrEmpty(head, FS_APPLICATION_ID)) throw new DataError('err.not_fs_db', { path });
  if (head && head.userVersion > known) throw new DataError('err.newer_db', { path, found: head.userVersion, known });
  repairCompanions(path);
  const isNew = !existsSync(path) || statSync(path).size === 0;
  const { Sqlite, nativeBinding } = loadSqlite();
  let db: Db;
  try {
    db = new Sqlite(path, { timeout: 5000, nativeBinding });
  } catch (e) {
    wrapSqliteError(path, e);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== FS_APPLICATION_ID) {
      const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
      if (appId !== 0 || version !== 0 || objects !== 0) throw new DataError('err.not_fs_db', { path });
    }
    if (version > known) throw new DataError('err.newer_db', { path, found: version, known });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (options.cacheKib) setPageCache(db, options.cacheKib);
    if (isNew) chmodSync(path, 0o600);
    await migrate(db, path, migrations, options.notice);
    tightenPermissions(path);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof DataError) throw e;
    wrapSqliteError(path, e);
  }
}

/** SQLite's page cache of this connection, in KiB (better-sqlite3 builds it with 16 MiB). */
export function setPageCache(db: Db, kib: number): void {
  db.pragma(`cache_size = -${Math.floor(kib)}`);
}

function backupStamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
}

/**
 * The copy taken before migrating, written under a temporary name, fsynced, then renamed (and the
 * directory fsynced): a crash half-way leaves no file that looks like a complete backup.
 */
async function backupAtomically(db: Db, backup: string): Promise<void> {
  const tmp = `${backup}.${process.pid}.partial`;
  try {
    await db.backup(tmp);
    chmodSync(tmp, 0o600);
    fsyncPath(tmp, 'r+');
    renameSync(tmp, backup);
    fsyncPath(dirname(backup), 'r');
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Apply pending migrations, each in one IMMEDIATE transaction together with the user_version bump.
 * A database that already holds data is first copied beside itself with the online backup API.
 */
export async function migrate(db: Db, path: string, migrations: Migration[], notice?: (m: string) => void): Promise<void> {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  let backup: string | undefined;
  if (from > 0) {
    backup = `${path}.before-v${pending[pending.length - 1]!.version}-${backupStamp()}.bak`;
    await backupAtomically(db, backup);
  }
  const sql = pending.map((m) => ({ version: m.version, text: readFileSync(m.file, 'utf8') }));
  // All pending migrations in one transaction: a failure in any of them leaves the file exactly
  // as it was (at its old version), never half-way between two versions.
  // Foreign keys are off while they run (SQLite's own recipe for rebuilding a table, which is how
  // a CHECK constraint is added: 0007), and checked before commit: a migration may not leave one
  // reference more dangling than it found.
  const fkCheck = () => (db.prepare('SELECT count(*) AS n FROM pragma_foreign_key_check').get() as { n: number }).n;
  const dangling = fkCheck();
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of sql) {
        // Another process may have migrated while we waited for the lock.
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) continue;
        db.exec(m.text);
        db.pragma(`application_id = ${FS_APPLICATION_ID}`);
        db.pragma(`user_version = ${m.version}`);
      }
      if (fkCheck() > dangling) throw new Error('a migration left foreign keys dangling');
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
  if (backup && notice) notice(t('msg.migrated', { version: pending[pending.length - 1]!.version, backup }));
}
