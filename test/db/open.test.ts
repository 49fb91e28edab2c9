import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FS_APPLICATION_ID, latestVersion, listMigrations, openDatabase, resolveDbPath } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { write } from '../../src/db/store.js';
import { tempDir } from '../helpers/cli.js';

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const mode = (p: string) => statSync(p).mode & 0o777;

describe('database location', () => {
  it('--db > FS_DB > XDG_DATA_HOME > ~/.local/share', () => {
    expect(resolveDbPath('/x/a.db', { FS_DB: '/y/b.db' })).toBe('/x/a.db');
    expect(resolveDbPath(undefined, { FS_DB: '/y/b.db', XDG_DATA_HOME: '/z' })).toBe('/y/b.db');
    expect(resolveDbPath(undefined, { XDG_DATA_HOME: '/z' })).toBe('/z/fs/fs.db');
    expect(resolveDbPath(undefined, {})).toMatch(/\.local\/share\/fs\/fs\.db$/);
  });
});

describe('openDatabase', () => {
  it('creates a new database from the migrations with the fs application id and pragmas', async () => {
    const path = join(tempDir(), 'new', 'fs.db');
    const db = await openDatabase(path);
    expect(db.pragma('application_id', { simple: true })).toBe(FS_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['people', 'households', 'visits', 'concerns', 'settings', 'change_log']));
    db.close();
  });

  it('keeps the directory 0700 and the database files 0600 under umask 022', async () => {
    const old = process.umask(0o022);
    try {
      const dir = join(tempDir(), 'data', 'fs');
      const path = join(dir, 'fs.db');
      const db = await openDatabase(path);
      write(db, () => insertPerson(db, { name: 'x' }));
      expect(mode(dir)).toBe(0o700);
      for (const f of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f), f).toBe(0o600);
      }
      db.close();
    } finally {
      process.umask(old);
    }
  });

  it('refuses a text file, untouched', async () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(path, 'my notes\n');
    const before = hash(path);
    await expect(openDatabase(path)).rejects.toThrow(/is not an fs database/);
    expect(hash(path)).toBe(before);
  });

  it('refuses the SQLite database of another application, untouched', async () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = hash(path);
    await expect(openDatabase(path)).rejects.toThrow(/is not an fs database/);
    expect(hash(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database made by a newer fs, untouched', async () => {
    const path = join(tempDir(), 'newer.db');
    const db = await openDatabase(path);
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.close();
    const before = hash(path);
    await expect(openDatabase(path)).rejects.toThrow(/made by a newer version of fs/);
    expect(hash(path)).toBe(before);
  });

  it('backs up a database holding data before migrating it, and migrates to the latest version', async () => {
    const dir = tempDir();
    const migrationsDir = join(dir, 'migrations');
    mkdirSync(migrationsDir);
    const all = listMigrations();
    for (const m of all) writeFileSync(join(migrationsDir, m.name), readFileSync(m.file));
    const path = join(dir, 'fs.db');
    // Version 1 only, with a person in it.
    const v1 = await openDatabase(path, { migrations: all.slice(0, 1) });
    // A row as version 1 wrote it (today's insertPerson writes columns later migrations add).
    v1.prepare("INSERT INTO people (uid, name, created_at, updated_at) VALUES ('01900000-0000-7000-8000-000000000001', '王秀英', '2026-11-27T00:00:00.000Z', '2026-11-27T00:00:00.000Z')").run();
    v1.close();
    writeFileSync(join(migrationsDir, '9999_test.sql'), '-- a test migration\nCREATE TABLE test_extra (x);');
    const notices: string[] = [];
    const db = await openDatabase(path, { migrations: listMigrations(migrationsDir), notice: (m) => notices.push(m) });
    expect(db.pragma('user_version', { simple: true })).toBe(9999);
    expect((db.prepare('SELECT name FROM people').get() as { name: string }).name).toBe('王秀英');
    db.close();
    const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(mode(join(dir, backups[0]!))).toBe(0o600);
    const copy = new Database(join(dir, backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect((copy.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(1);
    copy.close();
    expect(notices[0]).toMatch(/upgraded to schema 9999/);
  });

  it('a failing migration leaves the database at its version with its data', async () => {
    const dir = tempDir();
    const migrationsDir = join(dir, 'migrations');
    mkdirSync(migrationsDir);
    const all = listMigrations();
    for (const m of all) writeFileSync(join(migrationsDir, m.name), readFileSync(m.file));
    const path = join(dir, 'fs.db');
    const db0 = await openDatabase(path, { migrations: listMigrations(migrationsDir) });
    write(db0, () => insertPerson(db0, { name: 'kept' }));
    db0.close();
    writeFileSync(join(migrationsDir, '9998_broken.sql'), 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);');
    await expect(openDatabase(path, { migrations: listMigrations(migrationsDir) })).rejects.toThrow(/nowhere/);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT name FROM people').get()).toEqual({ name: 'kept' });
    db.close();
  });
});
