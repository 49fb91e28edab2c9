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

/** Upserts records by uid, one line at a time, inside the caller's transaction. */
class Importer {
  private readonly stmts = new Map<string, Statement>();
  private readonly ids = new Map<string, Map<string, number>>();
  private readonly fixups: Fixup[] = [];
  private readonly pendingChildren: PendingChild[] = [];
  private placeholder = 0;
  readonly counts = new Map<string, TableCounts>();

  constructor(
    private readonly db: Db,
    private readonly schema: SchemaSpec,
  ) {
    for (const s of schema.order) this.counts.set(s.name, { entity: s.name, added: 0, updated: 0, skipped: 0 });
  }

  private stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private lookup(table: string, uid: string): number | undefined {
    let cache = this.ids.get(table);
    if (!cache) this.ids.set(table, (cache = new Map()));
    const hit = cache.get(uid);
    if (hit !== undefined) return hit;
    const row = this.stmt(`SELECT id FROM ${q(table)} WHERE uid = ?`).get(uid) as { id: number } | undefined;
    if (row) cache.set(uid, row.id);
    return row?.id;
  }

  /** Column values for SQLite: decoded, references turned from uids into local ids (or a placeholder). */
  private values(spec: TableSpec, record: Record<string, unknown>, unresolved: { column: string; refTable: string; uid: string }[]): Row {
    const out: Row = {};
    for (const [k, v] of Object.entries(record)) {
      const ref = spec.refs.find((r) => r.column === k);
      if (!ref || v === null) {
        out[k] = decodeValue(v, k);
        continue;
      }
      if (typeof v !== 'string') throw new LineError(t('err.import_bad_ref', { field: k }));
      const id = this.lookup(ref.table, v);
      if (id !== undefined) out[k] = id;
      else {
        // Refers to a record further down the file: a unique placeholder now, fixed in finish().
        out[k] = -++this.placeholder;
        unresolved.push({ column: k, refTable: ref.table, uid: v });
      }
    }
    return out;
  }

  private insert(table: string, row: Row): number {
    const cols = Object.keys(row);
    const sql = `INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    return Number(this.stmt(sql).run(...cols.map((c) => row[c])).lastInsertRowid);
  }

  apply(spec: TableSpec, line: RecordLine, lineNo: number): void {
    const counts = this.counts.get(spec.name)!;
    const unresolved: { column: string; refTable: string; uid: string }[] = [];
    if (spec.kind === 'keyed') {
      const values = this.values(spec, line.record, unresolved);
      if (unresolved.length) throw new LineError(t('err.import_missing_ref', { field: unresolved[0]!.column, uid: unresolved[0]!.uid }));
      const where = spec.key.map((k) => `${q(k)} IS ?`).join(' AND ');
      const local = this.stmt(`SELECT * FROM ${q(spec.name)} WHERE ${where}`).get(...spec.key.map((k) => values[k])) as Row | undefined;
      if (local && !(spec.hasUpdatedAt && incomingWins(local.updated_at, values.updated_at))) {
        counts.skipped++;
        return;
      }
      if (local) this.stmt(`DELETE FROM ${q(spec.name)} WHERE ${where}`).run(...spec.key.map((k) => values[k]));
      this.insert(spec.name, values);
      if (local) counts.updated++;
      else counts.added++;
      return;
    }
    const uid = line.uid!;
    const local = this.stmt(`SELECT id, ${spec.hasUpdatedAt ? 'updated_at' : 'NULL AS updated_at'} FROM ${q(spec.name)} WHERE uid = ?`).get(uid) as { id: number; updated_at: unknown } | undefined;
    if (local && !incomingWins(local.updated_at, line.record.updated_at)) {
      counts.skipped++;
      return;
    }
    const values = this.values(spec, line.record, unresolved);
    let id: number;
    if (local) {
      id = local.id;
      if (spec.hasDeletedAt && !('deleted_at' in values)) values.deleted_at = null;
      const cols = Object.keys(values);
      if (cols.length) this.stmt(`UPDATE ${q(spec.name)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => values[c]), id);
      counts.updated++;
    } else {
      id = this.insert(spec.name, { uid, ...values });
      this.ids.get(spec.name)?.set(uid, id);
      counts.added++;
    }
    for (const u of unresolved) this.fixups.push({ table: spec.name, id, ...u, line: lineNo });
    for (const [name, rows] of Object.entries(line.children ?? {})) {
      const child = this.schema.byName.get(name)!;
      if (local) this.stmt(`DELETE FROM ${q(name)} WHERE ${q(child.parent!.column)} = ?`).run(id);
      for (const r of rows) {
        const pending: typeof unresolved = [];
        const cv = this.values(child, r, pending);
        cv[child.parent!.column] = id;
        if (pending.length) this.pendingChildren.push({ spec: child, parentId: id, values: { ...r, [child.parent!.column]: id }, line: lineNo });
        else this.insert(name, cv);
      }
    }
  }

  /** Forward references, now that every record of the file is in. */
  finish(): void {
    for (const f of this.fixups) {
      const id = this.lookup(f.refTable, f.uid);
      if (id === undefined) throw lineError(f.line, t('err.import_missing_ref', { field: f.column, uid: f.uid }));
      this.stmt(`UPDATE ${q(f.table)} SET ${q(f.column)} = ? WHERE id = ?`).run(id, f.id);
    }
    for (const p of this.pendingChildren) {
      const unresolved: { column: string; refTable: string; uid: string }[] = [];
      const { [p.spec.parent!.column]: _parent, ...rest } = p.values;
      const values = this.values(p.spec, rest, unresolved);
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
