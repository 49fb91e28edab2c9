// The county schema's own numbered, forward-only migrations (migrations/county/NNNN_name.sql),
// applied by `fs county init` in one transaction under an advisory lock. A database whose schema is
// newer than this fs is refused: an older fs must not write into tables it does not know.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from 'pg';
import { DataError } from '../../errors.js';

export interface CountyMigration {
  version: number;
  name: string;
  file: string;
}

/** Taken by init and by every push: a push never runs against a half-upgraded schema. */
export const SCHEMA_LOCK = 0x66730001;

function migrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'migrations', 'county');
    if (existsSync(join(candidate, '0001_init.sql'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('migrations/county/ not found beside the fs install');
}

export function countyMigrations(dir = migrationsDir()): CountyMigration[] {
  return readdirSync(dir)
    .map((name) => /^(\d{4})_[\w-]+\.sql$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[0], file: join(dir, m[0]) }))
    .sort((a, b) => a.version - b.version);
}

export function latestCountyVersion(): number {
  const all = countyMigrations();
  return all.length ? all[all.length - 1]!.version : 0;
}

/** The schema version of the county database, 0 when it has none yet. */
export async function countyVersion(client: Client): Promise<number> {
  const has = await client.query("SELECT to_regclass('county.schema_migrations') IS NOT NULL AS has");
  if (!has.rows[0].has) return 0;
  const r = await client.query('SELECT coalesce(max(version), 0)::int AS v FROM county.schema_migrations');
  return r.rows[0].v as number;
}

/** Refuses a county schema newer than this fs, or none at all. */
export async function checkCountyVersion(client: Client): Promise<number> {
  const v = await countyVersion(client);
  const known = latestCountyVersion();
  if (v === 0) throw new DataError('county.err.no_schema');
  if (v > known) throw new DataError('county.err.newer_schema', { version: v, known });
  return v;
}

export interface InitResult {
  from: number;
  to: number;
  applied: string[];
}

/** Creates or upgrades the county schema: every pending migration in one transaction. */
export async function initCounty(client: Client, migrations = countyMigrations()): Promise<InitResult> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    const from = await countyVersion(client);
    const known = migrations.length ? migrations[migrations.length - 1]!.version : 0;
    if (from > known) throw new DataError('county.err.newer_schema', { version: from, known });
    const applied: string[] = [];
    for (const m of migrations.filter((x) => x.version > from)) {
      await client.query(readFileSync(m.file, 'utf8'));
      await client.query('INSERT INTO county.schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.name);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, known), applied };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
