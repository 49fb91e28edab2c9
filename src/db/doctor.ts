// fs doctor: looks at the database file without migrating or repairing it.
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { chmodCommand, humanSize, notWritable, schemaStatus, tooOpen, type DoctorCheck } from '../domain/doctor.js';
import { t } from '../i18n/index.js';
import { backupDirFor, integrityProblems, isSqliteFile, listBackups, openExisting } from './backup.js';
import { FS_APPLICATION_ID, type Db } from './open.js';
import { isFsOrEmpty, peekHeader } from './peek.js';

export interface DoctorOptions {
  full: boolean;
  fixPermissions: boolean;
  knownSchema: number;
}

/** Every file fs keeps for this database: the database and its companions, backups, migration copies. */
function ledgerFiles(dbPath: string): { files: string[]; dirs: string[]; parent: string } {
  const dir = dirname(dbPath);
  const backups = backupDirFor(dbPath);
  const files = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
  if (existsSync(dir)) {
    const prefix = `${basename(dbPath)}.before-v`;
    for (const f of readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.bak')) files.push(join(dir, f));
  }
  for (const b of listBackups(backups, dbPath)) files.push(b, `${b}-wal`, `${b}-shm`);
  return { files: files.filter((f) => existsSync(f)), dirs: existsSync(backups) ? [backups] : [], parent: dir };
}

function permissionsCheck(dbPath: string, fix: boolean): DoctorCheck[] {
  const { files, dirs, parent } = ledgerFiles(dbPath);
  const open = (p: string) => tooOpen(statSync(p).mode);
  const badFiles = files.filter(open);
  const badDirs = dirs.filter(open);
  const out: DoctorCheck[] = [];
  // The database and its companions must stay writable by their owner, or every change fails.
  const live = new Set([dbPath, `${dbPath}-wal`, `${dbPath}-shm`]);
  const readOnly = files.filter((f) => live.has(f) && notWritable(statSync(f).mode));
  if (readOnly.length && fix) {
    for (const f of readOnly) chmodSync(f, 0o600);
    out.push({ check: 'permissions', status: 'ok', detail: t('doctor.perm_fixed', { paths: readOnly.join(', ') }) });
  } else if (readOnly.length) {
    out.push({ check: 'permissions', status: 'problem', detail: t('doctor.perm_readonly', { paths: readOnly.join(', '), fix: chmodCommand(readOnly, []) }) });
  }
  if (badFiles.length + badDirs.length === 0) {
    if (!readOnly.length) out.push({ check: 'permissions', status: 'ok', detail: t('doctor.perm_ok', { n: files.length + dirs.length }) });
  } else if (fix) {
    for (const f of badFiles) chmodSync(f, 0o600);
    for (const d of badDirs) chmodSync(d, 0o700);
    out.push({ check: 'permissions', status: 'ok', detail: t('doctor.perm_fixed', { paths: [...badFiles, ...badDirs].join(', ') }) });
  } else {
    out.push({ check: 'permissions', status: 'problem', detail: t('doctor.perm_bad', { paths: [...badFiles, ...badDirs].join(', '), fix: chmodCommand(badFiles, badDirs) }) });
  }
  // The folder holding the database may be the user's own (e.g. --db ~/Documents/fs.db): a warning.
  if (existsSync(parent) && open(parent)) {
    if (fix && basename(parent) === 'fs') chmodSync(parent, 0o700);
    else out.push({ check: 'permissions', status: 'warn', detail: t('doctor.perm_dir', { path: parent, fix: chmodCommand([], [parent]) }) });
  }
  return out;
}

function backupsCheck(dbPath: string): DoctorCheck {
  const dir = backupDirFor(dbPath);
  const all = listBackups(dir, dbPath);
  if (all.length === 0) return { check: 'backups', status: 'warn', detail: t('doctor.no_backups', { dir }) };
  return { check: 'backups', status: 'ok', detail: t('doctor.backups', { dir, n: all.length, newest: basename(all[0]!) }) };
}

function databaseChecks(db: Db, dbPath: string, o: DoctorOptions): DoctorCheck[] {
  const out: DoctorCheck[] = [];
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== FS_APPLICATION_ID) return [{ check: 'database', status: 'problem', detail: t('err.not_fs_db', { path: dbPath }) }];
  const version = db.pragma('user_version', { simple: true }) as number;
  const status = schemaStatus(version, o.knownSchema);
  out.push({ check: 'schema', status, detail: t(`doctor.schema_${status}`, { version, known: o.knownSchema }) });
  const problems = integrityProblems(db, o.full);
  const which = o.full ? 'integrity_check' : 'quick_check';
  out.push(
    problems.length
      ? { check: 'integrity', status: 'problem', detail: t('doctor.integrity_bad', { which, detail: problems.slice(0, 3).join('; ') }) }
      : { check: 'integrity', status: 'ok', detail: t('doctor.integrity_ok', { which }) },
  );
  const fk = db.prepare('SELECT "table" AS tbl, count(*) AS n FROM pragma_foreign_key_check GROUP BY "table" ORDER BY "table"').all() as { tbl: string; n: number }[];
  out.push(
    fk.length
      ? { check: 'foreign_keys', status: 'problem', detail: t('doctor.fk_bad', { detail: fk.map((r) => `${r.tbl} ${r.n}`).join(', ') }) }
      : { check: 'foreign_keys', status: 'ok', detail: t('doctor.fk_ok') },
  );
  return out;
}

export function runDoctor(dbPath: string, o: DoctorOptions): DoctorCheck[] {
  const out: DoctorCheck[] = [];
  // Permissions first: closing the connection below may delete a -wal/-shm whose mode is the problem.
  const permissions = existsSync(dbPath) ? permissionsCheck(dbPath, o.fixPermissions) : [];
  if (!existsSync(dbPath)) {
    out.push({ check: 'database', status: 'problem', detail: t('doctor.missing', { path: dbPath }) });
    out.push(backupsCheck(dbPath));
    return out;
  }
  out.push({ check: 'database', status: 'ok', detail: t('doctor.location', { path: dbPath, size: humanSize(statSync(dbPath).size) }) });
  const head = isSqliteFile(dbPath) ? peekHeader(dbPath) : undefined;
  // Another program's database is looked at from its bytes only: opening it would change it.
  if (!head || !isFsOrEmpty(head, FS_APPLICATION_ID)) {
    out.push({ check: 'database', status: 'problem', detail: t('err.not_fs_db', { path: dbPath }) });
  } else {
    let db: Db | undefined;
    try {
      // With a pending -wal, read-only: closing a writable connection would checkpoint it.
      db = openExisting(dbPath, existsSync(`${dbPath}-wal`));
      out.push(...databaseChecks(db, dbPath, o));
    } catch (e) {
      out.push({ check: 'integrity', status: 'problem', detail: t('err.corrupt_db', { path: dbPath, detail: (e as Error).message }) });
    } finally {
      db?.close();
    }
  }
  out.push(...permissions);
  out.push(backupsCheck(dbPath));
  return out;
}
