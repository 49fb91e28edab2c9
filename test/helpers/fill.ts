// Rows in EVERY table, found by reading sqlite_master: tests built on this keep covering tables
// that later migrations add, without being told about them.
//
// Values come from the column's default, its name (…_on and date → a date, …_at → a timestamp)
// and its type; a row the schema refuses (CHECK, UNIQUE, NOT NULL) is retried with values taken
// from the failing constraint's text (its quoted literals, its numbers).
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../src/db/open.js';
import { q, userTables } from '../../src/db/schema.js';

interface Col {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface Fk {
  table: string;
  from: string;
  to: string | null;
}

function columns(db: Db, table: string): Col[] {
  return db.prepare('SELECT * FROM pragma_table_info(?) ORDER BY cid').all(table) as Col[];
}

function fks(db: Db, table: string): Fk[] {
  return db.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)').all(table) as Fk[];
}

/** Tables in an order where every referenced table comes first (cycles broken by name). */
export function dependencyOrder(db: Db): string[] {
  const names = userTables(db);
  const deps = new Map(names.map((n) => [n, new Set(fks(db, n).map((f) => f.table).filter((t) => t !== n))]));
  const out: string[] = [];
  while (out.length < names.length) {
    const next = names.find((n) => !out.includes(n) && [...deps.get(n)!].every((d) => out.includes(d))) ?? names.find((n) => !out.includes(n))!;
    out.push(next);
  }
  return out;
}

const day = (i: number) => `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
const stamp = (i: number) => `2026-11-${String((i % 27) + 1).padStart(2, '0')}T0${i % 10}:00:00.${String(i % 1000).padStart(3, '0')}Z`;

function literals(expr: string): { strings: string[]; numbers: number[] } {
  const strings = [...expr.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  const numbers = [...expr.replace(/'(?:[^']|'')*'/g, '').matchAll(/\b(\d+(?:\.\d+)?)\b/g)].map((m) => Number(m[1]));
  return { strings, numbers };
}

function initialValue(db: Db, table: string, c: Col, i: number, fk: Fk | undefined): unknown {
  if (fk) {
    const pk = columns(db, fk.table).filter((x) => x.pk > 0);
    const col = fk.to ?? (pk.length === 1 ? pk[0]!.name : 'rowid');
    const pool = (db.prepare(`SELECT ${q(col)} AS v FROM ${q(fk.table)} ORDER BY 1`).all() as { v: unknown }[]).map((r) => r.v);
    return pool.length ? pool[i % pool.length] : null;
  }
  if (c.name === 'uid') return uuidv7();
  if (c.name === 'deleted_at') return null;
  if (/_at$/.test(c.name)) return stamp(i);
  if (/(^date$|_on$|_due$|_by$)/.test(c.name)) return day(i);
  const type = c.type.toUpperCase();
  if (c.dflt_value !== null && !c.pk) {
    const v = (db.prepare(`SELECT ${c.dflt_value} AS v`).get() as { v: unknown }).v;
    if (v !== null) return v;
  }
  if (type.includes('INT')) return (i % 5) + 1;
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 1.5 + i;
  return `${table}.${c.name} #${i} 王秀英 "q" , x`;
}

/** Insert `perTable` rows into every table; returns the row count of each table. */
export function fillEveryTable(db: Db, perTable = 6): Record<string, number> {
  db.pragma('foreign_keys = ON');
  for (const table of dependencyOrder(db)) {
    const cols = columns(db, table);
    const keys = fks(db, table);
    const rowidAlias = cols.find((c) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER' && cols.filter((x) => x.pk > 0).length === 1);
    for (let i = 0; i < perTable; i++) {
      const row: Record<string, unknown> = {};
      for (const c of cols) {
        if (c === rowidAlias) continue;
        row[c.name] = initialValue(db, table, c, i, keys.find((k) => k.from === c.name));
      }
      insertWithRetries(db, table, row, cols, i);
    }
  }
  // The second row of every record table is soft-deleted: live rows that point at it make the
  // export carry it (a reference must load), unreferenced ones stay out.
  for (const table of userTables(db)) {
    const cols = columns(db, table).map((c) => c.name);
    if (!cols.includes('uid') || !cols.includes('deleted_at')) continue;
    db.prepare(`UPDATE ${q(table)} SET deleted_at = ? WHERE id = (SELECT id FROM ${q(table)} ORDER BY id LIMIT 1 OFFSET 1)`).run(stamp(99));
  }
  return Object.fromEntries(userTables(db).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${q(t)}`).get() as { n: number }).n]));
}

function insertWithRetries(db: Db, table: string, row: Record<string, unknown>, cols: Col[], i: number): void {
  let lastError: unknown;
  for (let attempt = 0; attempt < 60; attempt++) {
    const names = Object.keys(row);
    try {
      db.prepare(`INSERT INTO ${q(table)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
      return;
    } catch (e) {
      lastError = e;
      const msg = (e as Error).message;
      const mentioned = cols.filter((c) => new RegExp(`\\b${c.name}\\b`).test(msg.replace(/^[^:]*:/, '')));
      if (/CHECK constraint failed/.test(msg)) {
        const { strings, numbers } = literals(msg);
        for (const c of mentioned) {
          if (row[c.name] === null && !/IS NULL/.test(msg)) row[c.name] = initialValue(db, table, { ...c, dflt_value: null }, i, undefined);
          else if (strings.length) row[c.name] = strings[(attempt + i) % strings.length];
          else if (numbers.length) row[c.name] = numbers[(attempt + i) % numbers.length];
          else if (row[c.name] === null) row[c.name] = `${c.name}-${i}`;
          else row[c.name] = null;
        }
      } else if (/UNIQUE constraint failed/.test(msg)) {
        for (const c of mentioned) row[c.name] = typeof row[c.name] === 'number' ? (row[c.name] as number) + 1000 * (attempt + 1) : `${String(row[c.name])}~${attempt}`;
      } else if (/NOT NULL constraint failed/.test(msg)) {
        for (const c of mentioned) row[c.name] = initialValue(db, table, { ...c, dflt_value: null }, i, undefined);
      } else {
        throw e;
      }
    }
  }
  throw new Error(`fillEveryTable: cannot insert into ${table}: ${(lastError as Error).message}`);
}
