// Backups, restore and doctor on temp files.
import Database from 'better-sqlite3';
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, backupDirFor, inspectDatabaseFile, listBackups, newBackupPath, pruneBackups, restoreDatabase, tableCounts } from '../../src/db/backup.js';
import { runDoctor } from '../../src/db/doctor.js';
import { latestVersion, openDatabase } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { write } from '../../src/db/store.js';
import { tempDir } from '../helpers/cli.js';

const mode = (p: string) => statSync(p).mode & 0o777;
const doctor = (path: string, o: { full?: boolean; fix?: boolean } = {}) => runDoctor(path, { full: o.full ?? false, fixPermissions: o.fix ?? false, knownSchema: latestVersion() });
const statusOf = (checks: ReturnType<typeof doctor>, check: string) => checks.filter((c) => c.check === check).map((c) => c.status);

async function ledger(name = 'fs.db') {
  const dir = join(tempDir(), 'data');
  const path = join(dir, name);
  const db = await openDatabase(path);
  write(db, () => insertPerson(db, { name: '王秀英' }));
  return { dir, path, db };
}

describe('backup', () => {
  it('copies a consistent database into backups/, 0600 in a 0700 folder, names sorting by time', async () => {
    const { path, db } = await ledger();
    const first = newBackupPath(backupDirFor(path), path, new Date('2026-11-27T10:00:00.000Z'));
    await backupDatabase(db, first);
    const second = newBackupPath(backupDirFor(path), path, new Date('2026-11-27T10:00:00.000Z'));
    expect(second).toMatch(/fs-2026-11-27T10-00-00\.000Z-2\.db$/);
    await backupDatabase(db, second);
    const third = newBackupPath(backupDirFor(path), path, new Date('2026-11-28T10:00:00.000Z'));
    await backupDatabase(db, third);
    expect(listBackups(backupDirFor(path), path)).toEqual([third, second, first]);
    expect(mode(first)).toBe(0o600);
    expect(mode(backupDirFor(path))).toBe(0o700);
    const copy = new Database(first, { readonly: true });
    expect(copy.prepare('SELECT name FROM people').all()).toEqual([{ name: '王秀英' }]);
    copy.close();
    expect(pruneBackups(backupDirFor(path), path, 1)).toEqual([second, first]);
    expect(listBackups(backupDirFor(path), path)).toEqual([third]);
    db.close();
  });

  it('restores over a database another connection has open: it sees the backup, not a torn file', async () => {
    const { path, db } = await ledger();
    const saved = newBackupPath(backupDirFor(path), path);
    await backupDatabase(db, saved);
    write(db, () => insertPerson(db, { name: 'added after the backup' }));
    await restoreDatabase(saved, path, true);
    expect(db.prepare('SELECT name FROM people').all()).toEqual([{ name: '王秀英' }]);
    expect(mode(path)).toBe(0o600);
    db.close();
  });
});

describe('inspectDatabaseFile', () => {
  it('says what a file is not', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello\n'.repeat(100));
    const other = join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)');
    expect(() => inspectDatabaseFile(join(dir, 'none.db'))).toThrow(/does not exist/);
    expect(() => inspectDatabaseFile(text)).toThrow(/is not an fs database/);
    expect(() => inspectDatabaseFile(other)).toThrow(/is not an fs database/);
    const { path, db } = await ledger();
    db.close();
    expect(inspectDatabaseFile(path)).toMatchObject({ version: latestVersion(), problems: [] });
    const fresh = new Database(path, { readonly: true });
    expect(tableCounts(fresh).people).toBe(1);
    fresh.close();
  });
});

describe('doctor', () => {
  it('a healthy ledger: every check ok but the missing backup (a warning)', async () => {
    const { path, db } = await ledger();
    db.close();
    const checks = doctor(path, { full: true });
    expect(checks.filter((c) => c.status !== 'ok').map((c) => [c.check, c.status])).toEqual([['backups', 'warn']]);
    expect(checks.find((c) => c.check === 'integrity')!.detail).toBe('integrity_check: ok');
  });

  it('finds group/other permission bits, says how to fix them, and fixes them when asked', async () => {
    const { path, db } = await ledger();
    db.close();
    chmodSync(path, 0o644);
    const checks = doctor(path);
    expect(statusOf(checks, 'permissions')).toEqual(['problem']);
    expect(checks.find((c) => c.check === 'permissions')!.detail).toContain(`chmod 600 ${path}`);
    expect(statusOf(doctor(path, { fix: true }), 'permissions')).toEqual(['ok']);
    expect(mode(path)).toBe(0o600);
    expect(statusOf(doctor(path), 'permissions')).toEqual(['ok']);
  });

  it('reports a missing database, a newer schema, broken references and damage', async () => {
    const dir = tempDir();
    expect(statusOf(doctor(join(dir, 'none.db')), 'database')).toEqual(['problem']);

    const { path, db } = await ledger();
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO people (uid, name, household_id, created_at, updated_at) VALUES ('x', 'y', 999, 'a', 'b')").run();
    db.close();
    expect(statusOf(doctor(path), 'foreign_keys')).toEqual(['problem']);

    const newer = new Database(path);
    newer.pragma(`user_version = ${latestVersion() + 1}`);
    newer.close();
    expect(statusOf(doctor(path), 'schema')).toEqual(['problem']);

    const text = join(dir, 'text.db');
    writeFileSync(text, 'not a database at all, but long enough to have a header of a hundred bytes..........................');
    expect(statusOf(doctor(text), 'database')).toEqual(['ok', 'problem']);
  });
});
