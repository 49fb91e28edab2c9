// Upserting one record line at a time: uids to local ids, child rows, forward references, and
// the bulk-load path for tables that were empty. Used by importRecords (transfer.ts).
import type { Statement } from 'better-sqlite3';
import { decodeValue, incomingWins, LineError, type RecordLine, type SchemaSpec, type TableCounts, type TableSpec } from '../domain/transfer.js';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Db } from './open.js';
import { q } from './schema.js';
import type { Row } from './store.js';

interface Fixup {
  table: string;
  id: number;
  column: string;
  refTable: string;
  uid: string;
  line: number;
}

interface PendingChild {
  spec: TableSpec;
  parentId: number;
  values: Row;
  line: number;
}

const LINE_SQLITE_ERRORS = /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE|ERROR)/;

type Unresolved = { column: string; refTable: string; uid: string }[];

/** Upserts records by uid, one line at a time, inside the caller's transaction. */
export class Importer {
  private readonly stmts = new Map<string, Statement>();
  private readonly inserts = new Map<string, { cols: string[]; stmt: Statement }>();
  /** uid → local id of the records this import looked up (the people visits refer to, ...). */
  private readonly ids = new Map<string, Map<string, number>>();
  /** Tables empty when the import began: their rows are inserted without a lookup first. */
  private readonly emptyAtStart = new Set<string>();
  /** Indexes set aside while their (empty) tables are bulk-loaded, rebuilt before commit. */
  private readonly droppedIndexes: string[] = [];
  private readonly refColumns = new Map<string, Map<string, string>>();
  private readonly fixups: Fixup[] = [];
  private readonly pendingChildren: PendingChild[] = [];
  private placeholder = 0;
  readonly counts = new Map<string, TableCounts>();

  constructor(
    private readonly db: Db,
    private readonly schema: SchemaSpec,
  ) {
    for (const s of schema.order) this.counts.set(s.name, { entity: s.name, added: 0, updated: 0, skipped: 0 });
    for (const s of schema.byName.values()) {
      this.refColumns.set(s.name, new Map(s.refs.map((r) => [r.column, r.table])));
      if (s.kind === 'entity') this.ids.set(s.name, new Map());
      if ((s.kind === 'entity' || s.kind === 'child') && db.prepare(`SELECT 1 FROM ${q(s.name)} LIMIT 1`).get() === undefined) this.bulkLoad(s.name);
    }
  }

  /**
   * A table empty at the start is loaded the way a bulk load is: its non-unique indexes are set
   * aside and rebuilt once at the end (sorting once is far cheaper than a million random index
   * inserts). Unique indexes stay, so a duplicate still fails on its own line. It all happens in
   * the import's transaction: a failed import leaves the indexes as they were.
   */
  private bulkLoad(table: string): void {
    this.emptyAtStart.add(table);
    const indexes = this.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'")
      .all(table) as { name: string; sql: string }[];
    for (const i of indexes) {
      this.db.exec(`DROP INDEX ${q(i.name)}`);
      this.droppedIndexes.push(i.sql);
    }
  }

  /** A prepared statement, built once per distinct key (cheaper to make than the SQL). */
  private stmt(key: string, sql: () => string): Statement {
    let s = this.stmts.get(key);
    if (!s) this.stmts.set(key, (s = this.db.prepare(sql())));
    return s;
  }

  private lookup(table: string, uid: string): number | undefined {
    const cache = this.ids.get(table)!;
    const hit = cache.get(uid);
    if (hit !== undefined) return hit;
    const row = this.stmt(`id\0${table}`, () => `SELECT id FROM ${q(table)} WHERE uid = ?`).get(uid) as { id: number } | undefined;
    if (row) cache.set(uid, row.id);
    return row?.id;
  }

  /** Column values for SQLite: decoded, references turned from uids into local ids (or a placeholder). */
  private values(spec: TableSpec, record: Record<string, unknown>, unresolved: Unresolved): Row {
    const refs = this.refColumns.get(spec.name)!;
    const out: Row = {};
    for (const k in record) {
      const v = record[k];
      const refTable = refs.get(k);
      if (refTable === undefined || v === null) {
        out[k] = typeof v === 'string' || v === null ? v : decodeValue(v, k);
        continue;
      }
      if (typeof v !== 'string') throw new LineError(t('err.import_bad_ref', { field: k }));
      const id = this.lookup(refTable, v);
      if (id !== undefined) out[k] = id;
      else {
        // Refers to a record further down the file: a unique placeholder now, fixed in finish().
        out[k] = -++this.placeholder;
        unresolved.push({ column: k, refTable, uid: v });
      }
    }
    return out;
  }

  private insert(table: string, row: Row): number {
    const cols = Object.keys(row);
    // Lines of one table carry the same fields in the same order: reuse the last statement.
    let last = this.inserts.get(table);
    if (!last || last.cols.length !== cols.length || last.cols.some((c, i) => c !== cols[i])) {
      const stmt = this.stmt(`ins\0${table}\0${cols.join('\0')}`, () => `INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      this.inserts.set(table, (last = { cols, stmt }));
    }
    const args = new Array<unknown>(cols.length);
    for (let i = 0; i < cols.length; i++) args[i] = row[cols[i]!];
    return Number(last.stmt.run(args).lastInsertRowid);
  }

  private applyKeyed(spec: TableSpec, line: RecordLine): void {
    const counts = this.counts.get(spec.name)!;
    const unresolved: Unresolved = [];
    const values = this.values(spec, line.record, unresolved);
    if (unresolved.length) throw new LineError(t('err.import_missing_ref', { field: unresolved[0]!.column, uid: unresolved[0]!.uid }));
    const where = () => spec.key.map((k) => `${q(k)} IS ?`).join(' AND ');
    const key = spec.key.map((k) => values[k]);
    const local = this.stmt(`keyed\0${spec.name}`, () => `SELECT * FROM ${q(spec.name)} WHERE ${where()}`).get(key) as Row | undefined;
    if (local && !(spec.hasUpdatedAt && incomingWins(local.updated_at, values.updated_at))) {
      counts.skipped++;
      return;
    }
    if (local) this.stmt(`delkeyed\0${spec.name}`, () => `DELETE FROM ${q(spec.name)} WHERE ${where()}`).run(key);
    this.insert(spec.name, values);
    if (local) counts.updated++;
    else counts.added++;
  }

  private findLocal(spec: TableSpec, uid: string): { id: number; updated_at: unknown } | undefined {
    const cols = spec.hasUpdatedAt ? 'id, updated_at' : 'id, NULL AS updated_at';
    return this.stmt(`local\0${spec.name}`, () => `SELECT ${cols} FROM ${q(spec.name)} WHERE uid = ?`).get(uid) as { id: number; updated_at: unknown } | undefined;
  }

  apply(spec: TableSpec, line: RecordLine, lineNo: number): void {
    if (spec.kind === 'keyed') return this.applyKeyed(spec, line);
    const counts = this.counts.get(spec.name)!;
    const uid = line.uid!;
    const unresolved: Unresolved = [];
    const values = this.values(spec, line.record, unresolved);
    values.uid = uid;
    let id: number | undefined;
    let local: { id: number; updated_at: unknown } | undefined;
    if (this.emptyAtStart.has(spec.name)) {
      // No lookup first: the uid is new unless this file repeats it (the unique index says so).
      try {
        id = this.insert(spec.name, values);
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || !(e as Error).message.endsWith('.uid')) throw e;
        local = this.findLocal(spec, uid);
      }
    } else {
      local = this.findLocal(spec, uid);
    }
    if (local && !incomingWins(local.updated_at, line.record.updated_at)) {
      counts.skipped++;
      return;
    }
    if (local) {
      id = local.id;
      delete values.uid;
      if (spec.hasDeletedAt && !('deleted_at' in values)) values.deleted_at = null;
      const cols = Object.keys(values);
      if (cols.length) this.db.prepare(`UPDATE ${q(spec.name)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => values[c]), id);
      counts.updated++;
    } else {
      id ??= this.insert(spec.name, values);
      counts.added++;
    }
    for (const u of unresolved) this.fixups.push({ table: spec.name, id, ...u, line: lineNo });
    if (line.children) this.applyChildren(line.children, id, local !== undefined, lineNo);
  }

  /** The incoming child rows of a record added or updated: they replace the local ones. */
  private applyChildren(children: Record<string, Record<string, unknown>[]>, id: number, replace: boolean, lineNo: number): void {
    for (const name in children) {
      const child = this.schema.byName.get(name)!;
      const parent = child.parent!.column;
      if (replace) this.stmt(`delchild\0${name}`, () => `DELETE FROM ${q(name)} WHERE ${q(parent)} = ?`).run(id);
      for (const r of children[name]!) {
        const pending: Unresolved = [];
        const cv = this.values(child, r, pending);
        cv[parent] = id;
        if (pending.length) this.pendingChildren.push({ spec: child, parentId: id, values: r, line: lineNo });
        else this.insert(name, cv);
      }
    }
  }

  /** Forward references, now that every record of the file is in; then the indexes set aside. */
  finish(): void {
    for (const f of this.fixups) {
      const id = this.lookup(f.refTable, f.uid);
      if (id === undefined) throw lineError(f.line, t('err.import_missing_ref', { field: f.column, uid: f.uid }));
      this.db.prepare(`UPDATE ${q(f.table)} SET ${q(f.column)} = ? WHERE id = ?`).run(id, f.id);
    }
    for (const p of this.pendingChildren) {
      const unresolved: Unresolved = [];
      const values = this.values(p.spec, p.values, unresolved);
      if (unresolved.length) throw lineError(p.line, t('err.import_missing_ref', { field: unresolved[0]!.column, uid: unresolved[0]!.uid }));
      values[p.spec.parent!.column] = p.parentId;
      wrapSqlite(p.line, () => this.insert(p.spec.name, values));
    }
    for (const sql of this.droppedIndexes) this.db.exec(sql);
  }
}

export function lineError(line: number, detail: string): DataError {
  return new DataError('err.import_line', { line, detail });
}

export function wrapSqlite<T>(line: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LineError) throw lineError(line, e.message);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && LINE_SQLITE_ERRORS.test(code)) throw lineError(line, (e as Error).message);
    throw e;
  }
}
