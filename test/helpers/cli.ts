// Running the built CLI (bin/fs.js → dist/fs.cjs) against a temporary database: never the user's.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { childEnv } from './env.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'fs.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
}

const made: string[] = [];
// Registered once per test file (each file has its own module instance): removes every temporary
// directory the file made, including those made inside a test, where afterAll would not register.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test file. */
export function tempDir(prefix = 'fs-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A CLI bound to one temporary database with "today" pinned. */
export function cli(opts: { today?: string; lang?: string; db?: string } = {}) {
  const db = opts.db ?? join(tempDir(), 'fs.db');
  const run = (args: string[], o: RunOptions = {}): RunResult => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      input: o.input ?? '',
      cwd: o.cwd ?? ROOT,
      env: childEnv({
        FS_DB: db,
        FS_TODAY: opts.today ?? '2026-11-27',
        FS_LANG: opts.lang ?? 'en',
        // Tables as wide as their content, as before they fitted the terminal: these tests read cells, not widths
        // (test/cli/table.test.ts and test/unit/table.test.ts test the fitting).
        COLUMNS: '1000',
        ...o.env,
      }),
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  /** Run and expect exit 0; returns stdout. */
  const ok = (args: string[], o: RunOptions = {}): string => {
    const r = run(args, o);
    if (r.code !== 0) throw new Error(`fs ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
  const json = <T = any>(args: string[], o: RunOptions = {}): T => JSON.parse(ok([...args, '--format', 'json'], o)) as T;
  return { db, run, ok, json };
}

/** Every row of every table, as text: equal snapshots mean the data did not change. */
export function snapshot(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return tables.map(({ name }) => `${name}:${JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())}`).join('\n');
  } finally {
    db.close();
  }
}
