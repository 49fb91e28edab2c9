// A shipped migration is never edited: ledgers out there already ran it, and an edit would give
// new and old ledgers different schemas under the same version number. Each one's sha256 is pinned
// here; a new migration is added to the list when it ships (the test fails until it is).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDatabase } from '../../src/db/open.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const SHIPPED: Record<string, string> = {
  '0001_init.sql': '569ce82b1b6acaf2e46f93c00c10fd8538451519e5c8ab0d7f73f2c996f58c03',
  '0002_disputes.sql': '9210ac056059196199730b4ca17dcfc17ce0912a795cf9b8cdf553361722b85c',
  '0003_pairs.sql': 'b2ed4ae5ecb8bcc04a4acbbc0c7378551e8d78a3b5f4fca3ba5ad938be19ddf3',
  '0004_meetings.sql': '7455aba250a7bf2ac920a7fa759a58df32d492cce73864a8fc2a69414b963111',
  '0005_plan.sql': 'f5344bc41ac92f905a4ce9260e75fac5ea931ef7967320313a1476ec4f505da9',
  '0006_change_sets.sql': 'b44f480114472216aad1b93197653c4ac774dbc5c4925706ac5cc733cdec6c47',
  '0007_checks_and_local_dates.sql': '51f5c88fca19ba7f0304656840f8de05f5ee57a782823d7e756c3012c129ceaa',
  '0008_search.sql': '4c6d5e6613093c08328bf8e8d2ed32c8b8ebb7c99b3112e659dec8730ffb646f',
  '0009_ledger_secret.sql': '9f973e0173edaad1e4673db018da4d2f69d83318218abc979464894adc0e45ed',
  '0010_presence.sql': 'aae82232220c9bc1369f186be973adb394c4a9ce951098afad37e64e689877c9',
  '0011_read_indexes.sql': 'b1d9d22c3ca7e2339e22132cf12c1a87299af354ccaa0f83f2020f9d5f84b095',
  '0012_visit_days.sql': 'de9786e9e6df9800c70dca89c28311b2fd2e5087539a93c28e4d9c1c75cfb120',
};

const dir = join(ROOT, 'migrations');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('shipped migrations are pinned', () => {
  it('every migration file is in the pin list (add a new one when it ships)', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
    expect(files.filter((f) => !(f in SHIPPED)), 'migrations not pinned').toEqual([]);
  });

  it('no pinned migration was edited, renamed or removed', () => {
    for (const [name, hash] of Object.entries(SHIPPED)) expect(sha256(join(dir, name)), `${name} changed after it shipped`).toBe(hash);
  });

  it('the pinned files are the migrations fs runs, numbered without gaps', () => {
    expect(listMigrations().map((m) => basename(m.file))).toEqual(Object.keys(SHIPPED).sort());
    expect(listMigrations().map((m) => m.version)).toEqual(Object.keys(SHIPPED).map((_, i) => i + 1));
  });
});

describe('the backup taken before migrating', () => {
  it('is complete under its final name, mode 0600, with no temporary file left', async () => {
    const work = tempDir();
    const old = join(work, 'migrations');
    mkdirSync(old);
    const real = listMigrations();
    for (const m of real) copyFileSync(m.file, join(old, basename(m.file)));
    const path = join(work, 'fs.db');
    const db = await openDatabase(path, { migrations: listMigrations(old) });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('village', '\"石门村\"', '2026-11-27T00:00:00Z')").run();
    db.close();
    writeFileSync(join(old, '9990_next.sql'), 'CREATE TABLE next_thing (id INTEGER PRIMARY KEY);');
    const notices: string[] = [];
    (await openDatabase(path, { migrations: listMigrations(old), notice: (m) => notices.push(m) })).close();

    const left = readdirSync(work).filter((f) => f !== 'migrations' && !/^fs\.db(-wal|-shm)?$/.test(f));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^fs\.db\.before-v9990-\d{8}T\d{6}Z\.bak$/);
    expect(notices.join('\n')).toContain(left[0]);
    expect(statSync(join(work, left[0]!)).mode & 0o777).toBe(0o600);
    const backup = new Database(join(work, left[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(real[real.length - 1]!.version);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'village'").get()).toEqual({ value: '"石门村"' });
    backup.close();
  });
});
