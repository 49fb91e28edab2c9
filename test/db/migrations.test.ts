// Proof 5: a database from every earlier schema version upgrades with its rows intact; a failure
// injected mid-migration leaves the file byte-identical, with a backup beside it.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDatabase } from '../../src/db/open.js';
import { tempDir } from '../helpers/cli.js';
import { fillEveryTable } from '../helpers/fill.js';

const dir = tempDir();
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

// The real migrations, then one more written here, so that every real version (the newest too)
// is an "earlier version" of something, whatever migrations exist when this runs.
const migrationsDir = join(dir, 'migrations');
mkdirSync(migrationsDir);
const real = listMigrations();
for (const m of real) copyFileSync(m.file, join(migrationsDir, basename(m.file)));
writeFileSync(
  join(migrationsDir, '9991_test_next.sql'),
  `-- a later migration: a new column on an old table, a new table
   ALTER TABLE people ADD COLUMN nickname TEXT;
   CREATE TABLE test_next (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, note TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);`,
);
const upgraded = listMigrations(migrationsDir);
const target = upgraded[upgraded.length - 1]!.version;

/** A closed database at schema version `real[k-1]`, rows in every table it has. */
async function fixture(name: string, k: number): Promise<{ path: string; counts: Record<string, number> }> {
  const path = join(dir, name);
  const db = await openDatabase(path, { migrations: real.slice(0, k) });
  const counts = fillEveryTable(db);
  db.close();
  return { path, counts };
}

function rowCounts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe('proof 5: migrations', () => {
  it('a fixture of every earlier schema version upgrades to the current one: integrity ok, row counts equal', async () => {
    for (let k = 1; k <= real.length; k++) {
      const { path, counts } = await fixture(`up-${k}.db`, k);
      const db = await openDatabase(path, { migrations: upgraded });
      expect(db.pragma('user_version', { simple: true })).toBe(target);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS n FROM pragma_foreign_key_check').get()).toEqual({ n: 0 });
      db.close();
      const after = rowCounts(path);
      for (const [table, n] of Object.entries(counts)) expect(after[table], `${table} from v${real[k - 1]!.version}`).toBe(n);
      expect(readdirSync(dir).some((f) => f.startsWith(`up-${k}.db.before-v${target}`) && f.endsWith('.bak'))).toBe(true);
    }
    console.log(`proof 5: ${real.length} fixture version(s) (v${real.map((m) => m.version).join(', v')}) upgraded to v${target}: integrity ok, row counts equal in every table`);
  });

  it('a failure injected mid-migration leaves the file byte-identical and a backup present', async () => {
    const broken = join(dir, 'broken-migrations');
    mkdirSync(broken);
    for (const m of upgraded) copyFileSync(m.file, join(broken, basename(m.file)));
    // Valid statements first, then one that fails: the transaction must take all of it back.
    writeFileSync(join(broken, '9992_broken.sql'), 'CREATE TABLE half (x);\nINSERT INTO half VALUES (1);\nUPDATE people SET name = name || 1;\nINSERT INTO nowhere VALUES (1);\n');
    const withBroken = listMigrations(broken);
    let checked = 0;
    for (let k = 1; k <= real.length; k++) {
      const { path } = await fixture(`fail-${k}.db`, k);
      const before = hash(path);
      await expect(openDatabase(path, { migrations: withBroken })).rejects.toThrow(/nowhere/);
      expect(hash(path)).toBe(before);
      expect(readdirSync(dir).filter((f) => f.startsWith(`fail-${k}.db.before-v9992`) && f.endsWith('.bak'))).toHaveLength(1);
      expect(readdirSync(dir).filter((f) => f.startsWith(`fail-${k}.db-`))).toEqual([]);
      checked++;
    }
    console.log(`proof 5: ${checked} injected migration failure(s): file byte-identical (sha256), backup present, no -wal/-shm left`);
  });
});
