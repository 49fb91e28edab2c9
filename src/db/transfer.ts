// Import: records matched by uid, whatever tables the migrations made; all or nothing.
import type { Statement } from 'better-sqlite3';
import {
  decodeValue,
  incomingWins,
  LineError,
  parseHeader,
  parseRecordLine,
  unwrapJsonArrayLine,
  type RecordLine,
  type SchemaSpec,
  type TableCounts,
  type TableSpec,
} from '../domain/transfer.js';
import { DataError } from '../errors.js';
import { t } from '../render/i18n/index.js';
import type { Db } from './open.js';
import { describeSchema, q } from './schema.js';
import { nowStamp, type Row } from './store.js';

export { exportRecords, type ExportSummary } from './export.js';

export interface ImportOptions {
  dryRun: boolean;
  /** The schema version this build knows: a newer export is refused. */
  knownSchema: number;
  /** What the change log records as the source (a file name). */
  source: string;
}

export interface ImportResult {
  counts: TableCounts[];
  dryRun: boolean;
}

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
class Importer {
  private readonly stmts = new Map<string, Statement>();
  /** uid → local id, per table: every row this import wrote, and every row it looked up. */
  private readonly ids = new Map<string, Map<string, number>>();
  /** Tables empty when the import began: a uid not written by this import is not there (no lookup). */
  private readonly emptyAtStart = new Set<string>();
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
      if (s.kind === 'entity') {
        this.ids.set(s.name, new Map());
        if (db.prepare(`SELECT 1 FROM ${q(s.name)} LIMIT 1`).get() === undefined) this.emptyAtStart.add(s.name);
      }
    }
  }

  /** A prepared statement, built once per distinct text (the key is cheaper to make than the SQL). */
  private stmt(key: string, sql: () => string): Statement {
    let s = this.stmts.get(key);
    if (!s) this.stmts.set(key, (s = this.db.prepare(sql())));
    return s;
  }

  private lookup(table: string, uid: string): number | undefined {
    const cache = this.ids.get(table)!;
    const hit = cache.get(uid);
    if (hit !== undefined || this.emptyAtStart.has(table)) return hit;
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
    const stmt = this.stmt(`ins\0${table}\0${cols.join('\0')}`, () => `INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const args = new Array<unknown>(cols.length);
    for (let i = 0; i < cols.length; i++) args[i] = row[cols[i]!];
    return Number(stmt.run(args).lastInsertRowid);
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

  apply(spec: TableSpec, line: RecordLine, lineNo: number): void {
    if (spec.kind === 'keyed') return this.applyKeyed(spec, line);
    const counts = this.counts.get(spec.name)!;
    const uid = line.uid!;
    const cached = this.ids.get(spec.name)!.get(uid);
    const local =
      cached === undefined && this.emptyAtStart.has(spec.name)
        ? undefined
        : (this.stmt(`local\0${spec.name}`, () => `SELECT id, ${spec.hasUpdatedAt ? 'updated_at' : 'NULL AS updated_at'} FROM ${q(spec.name)} WHERE uid = ?`).get(uid) as
            | { id: number; updated_at: unknown }
            | undefined);
    if (local && !incomingWins(local.updated_at, line.record.updated_at)) {
      counts.skipped++;
      return;
    }
    const unresolved: Unresolved = [];
    const values = this.values(spec, line.record, unresolved);
    let id: number;
    if (local) {
      id = local.id;
      if (spec.hasDeletedAt && !('deleted_at' in values)) values.deleted_at = null;
      const cols = Object.keys(values);
      if (cols.length) this.db.prepare(`UPDATE ${q(spec.name)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => values[c]), id);
      counts.updated++;
    } else {
      values.uid = uid;
      id = this.insert(spec.name, values);
      this.ids.get(spec.name)!.set(uid, id);
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

  /** Forward references, now that every record of the file is in. */
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
  }
}

function lineError(line: number, detail: string): DataError {
  return new DataError(t('err.import_line', { line, detail }));
}

function wrapSqlite<T>(line: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LineError) throw lineError(line, e.message);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && LINE_SQLITE_ERRORS.test(code)) throw lineError(line, (e as Error).message);
    throw e;
  }
}

/**
 * Import the lines of an export in one IMMEDIATE transaction: all of it or (on any bad line) none.
 * A dry run does the same work and rolls it back, so its counts are exact.
 */
export function importRecords(db: Db, lines: Iterable<string>, opts: ImportOptions): ImportResult {
  const schema = describeSchema(db);
  const importer = new Importer(db, schema);
  db.exec('BEGIN IMMEDIATE');
  let done = false;
  try {
    // References may point further down the file; they are checked before commit, not per row.
    db.pragma('defer_foreign_keys = ON');
    // A big import touches index pages all over: a larger page cache (for this connection, which
    // ends with the command) keeps them in memory instead of spilling to the WAL mid-transaction.
    db.pragma('cache_size = -262144');
    let lineNo = 0;
    let header = false;
    for (const raw of lines) {
      lineNo++;
      const text = unwrapJsonArrayLine(raw);
      if (text === undefined) continue;
      wrapSqlite(lineNo, () => {
        if (!header) {
          parseHeader(text, opts.knownSchema);
          header = true;
          return;
        }
        const { spec, line } = parseRecordLine(text, schema);
        importer.apply(spec, line, lineNo);
      });
    }
    if (!header) throw new DataError(t('err.import_empty'));
    importer.finish();
    const counts = schema.order.map((s) => importer.counts.get(s.name)!);
    const changed = counts.some((c) => c.added + c.updated > 0);
    if (changed && !opts.dryRun) {
      const totals = counts.reduce((a, c) => ({ added: a.added + c.added, updated: a.updated + c.updated, skipped: a.skipped + c.skipped }), { added: 0, updated: 0, skipped: 0 });
      db.prepare("INSERT INTO change_log (at, entity, entity_id, entity_uid, op, changes) VALUES (?, 'import', 0, NULL, 'import', ?)").run(nowStamp(), JSON.stringify({ source: opts.source, ...totals }));
    }
    db.exec(opts.dryRun ? 'ROLLBACK' : 'COMMIT');
    done = true;
    return { counts, dryRun: opts.dryRun };
  } finally {
    if (!done && db.inTransaction) db.exec('ROLLBACK');
  }
}

/** True when some record table holds a row: an import into it is worth a backup first. */
export function hasRecords(db: Db): boolean {
  const schema = describeSchema(db);
  return schema.order.some((s) => s.kind === 'entity' && db.prepare(`SELECT 1 FROM ${q(s.name)} LIMIT 1`).get() !== undefined);
}
