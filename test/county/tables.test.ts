// The mirrored-table specs (src/db/county/tables.ts) against both schemas: the ledger's SQLite tables
// as its migrations leave them, and the county schema as migrations/county/ leaves it. A SQLite
// migration that adds a column or a record table fails here until the county schema and the spec follow.
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSchema } from '../../src/db/schema.js';
import { MIRRORED, MIRRORED_NAMES, NOT_MIRRORED, sqliteColumn, type PgType } from '../../src/db/county/tables.js';
import { cli } from '../helpers/cli.js';
import { pgSkipReason, startCluster, type Cluster } from '../helpers/pg.js';

/** Tables of the ledger that never go to the county as records: their reasons are in tables.ts and 0001. */
const CHILDREN_KEPT_LOCAL = new Set(['meeting_attendance']);
/** The county's own tables, not mirrors of a ledger table. */
const COUNTY_OWN = new Set(['schema_migrations', 'ledgers', 'pushes', 'settings']);

const PG_TYPE: Record<string, PgType> = {
  uuid: 'uuid',
  text: 'text',
  date: 'date',
  'timestamp with time zone': 'timestamptz',
  integer: 'integer',
  smallint: 'smallint',
  'double precision': 'double precision',
  jsonb: 'jsonb',
};

function ledgerDb(): Database.Database {
  const fs = cli();
  fs.ok(['config', 'list']);
  return new Database(fs.db, { readonly: true });
}

describe('the mirrored tables against the ledger (SQLite)', () => {
  const db = ledgerDb();
  afterAll(() => db.close());
  const schema = describeSchema(db as never);

  it('covers every record table of the ledger', () => {
    const entities = [...schema.byName.values()].filter((s) => s.kind === 'entity').map((s) => s.name);
    const missing = entities.filter((n) => !MIRRORED_NAMES.includes(n) && !NOT_MIRRORED.has(n));
    expect(missing, 'record tables with no county spec').toEqual([]);
    const children = [...schema.byName.values()].filter((s) => s.kind === 'child').map((s) => s.name);
    expect(children.filter((n) => !CHILDREN_KEPT_LOCAL.has(n)), 'child tables nobody decided about').toEqual([]);
  });

  for (const t of MIRRORED) {
    it(`${t.name}: the columns of the SQLite table, integer ids replaced by uid references`, () => {
      const info = db.prepare('SELECT name, "notnull" AS nn FROM pragma_table_info(?)').all(t.name) as { name: string; nn: number }[];
      expect(info.length, `${t.name} exists in SQLite`).toBeGreaterThan(0);
      const sqlite = info.map((c) => c.name).filter((c) => c !== 'id').sort();
      expect(t.columns.map(sqliteColumn).sort()).toEqual(sqlite);
      const fks = db.prepare('SELECT "from", "table" FROM pragma_foreign_key_list(?)').all(t.name) as { from: string; table: string }[];
      for (const c of t.columns.filter((x) => x.ref)) expect(fks, `${t.name}.${c.ref!.column}`).toContainEqual({ from: c.ref!.column, table: c.ref!.table });
      // Every integer reference of the SQLite table is mapped (none would travel as a local id).
      for (const fk of fks) expect(t.columns.some((c) => c.ref?.column === fk.from), `${t.name}.${fk.from} → ${fk.table}`).toBe(true);
    });
  }
});

const skip = pgSkipReason();
if (skip) console.warn(`skipping the county half of the table specs: ${skip}`);

describe.skipIf(skip)('the mirrored tables against the county schema (PostgreSQL)', () => {
  let cluster: Cluster;
  let columns: { table_name: string; column_name: string; data_type: string; is_nullable: string }[];
  const db = ledgerDb();
  beforeAll(async () => {
    cluster = await startCluster();
    const url = cluster.database();
    cli().ok(['county', 'init', '--url', url]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    columns = (
      await c.query("SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'county' ORDER BY table_name, ordinal_position")
    ).rows;
    await c.end();
  }, 60_000);
  afterAll(() => {
    cluster?.stop();
    db.close();
  });

  it('has a spec for every record table of the county', () => {
    const tables = [...new Set(columns.map((c) => c.table_name))].filter((n) => !COUNTY_OWN.has(n));
    expect(tables.sort()).toEqual([...MIRRORED_NAMES].sort());
  });

  for (const t of MIRRORED) {
    it(`${t.name}: the county columns and types, in order, after ledger`, () => {
      const cols = columns.filter((c) => c.table_name === t.name);
      expect(cols[0]?.column_name).toBe('ledger');
      expect(cols.slice(1).map((c) => [c.column_name, PG_TYPE[c.data_type] ?? c.data_type])).toEqual(t.columns.map((c) => [c.name, c.type]));
    });

    it(`${t.name}: a column the county requires is required in the ledger too`, () => {
      const notnull = new Map((db.prepare('SELECT name, "notnull" AS nn FROM pragma_table_info(?)').all(t.name) as { name: string; nn: number }[]).map((c) => [c.name, c.nn === 1]));
      const required = columns.filter((c) => c.table_name === t.name && c.is_nullable === 'NO' && c.column_name !== 'ledger' && c.column_name !== 'uid').map((c) => c.column_name);
      for (const name of required) {
        const spec = t.columns.find((c) => c.name === name)!;
        expect(notnull.get(sqliteColumn(spec)), `${t.name}.${sqliteColumn(spec)} NOT NULL in SQLite`).toBe(true);
      }
    });
  }
});
