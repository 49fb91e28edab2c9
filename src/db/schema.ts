// The database's own description of its tables: what export, import, undo and the tests read
// instead of a hand-kept list, so a table added by any migration is carried without being named.
import { classifyTables, type RawTable, type SchemaSpec } from '../domain/transfer.js';
import type { Db } from './open.js';

/** SQL identifier quoting (table and column names come from sqlite_master, never from input). */
export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function userTables(db: Db): string[] {
  // table_list separates real tables from virtual and shadow ones (full-text indexes).
  const rows = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string }[];
  return rows.map((r) => r.name);
}

export function rawTable(db: Db, name: string): RawTable {
  const columns = (db.prepare('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as { name: string; type: string; nn: number; pk: number }[]).map(
    (c) => ({ name: c.name, type: c.type, notnull: c.nn === 1, pk: c.pk }),
  );
  const fks = (db.prepare('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(name) as { from: string; table: string; to: string | null }[]).map((f) => ({
    from: f.from,
    table: f.table,
    to: f.to,
  }));
  return { name, columns, fks };
}

export function describeSchema(db: Db): SchemaSpec {
  return classifyTables(userTables(db).map((n) => rawTable(db, n)));
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
