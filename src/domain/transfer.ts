// The portable export format and the rules that read any schema into it. Pure: no IO.
//
// Tables are not listed here on purpose: every feature adds its own, and export/import must carry
// them without being told. A table is classified from its shape (see classifyTables).
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { fillAddedOn, recordProblem } from './constraints.js';

export const EXPORT_FORMAT = 'fs-export';
/** The version of the line format itself (not the database schema): bumped only if lines change shape. */
export const EXPORT_FORMAT_VERSION = 1;

/** The audit trail is local history (ids of this database): it stays in backups, not in exports. */
export const LOG_TABLE = 'change_log';
/**
 * Tables that belong to this file and never travel: the audit trail with its change sets (migration
 * 0006), what migration 0007 repaired in this database's own rows, the ledger's own secret (the
 * redaction salt, migration 0009) and the visits' day counts (migration 0012: kept by triggers,
 * an import rebuilds them).
 */
export const LOCAL_TABLES: ReadonlySet<string> = new Set([LOG_TABLE, 'change_set', 'migration_repairs', 'ledger_secret', 'visit_days']);

export interface RawColumn {
  name: string;
  type: string;
  notnull: boolean;
  /** PRAGMA table_info pk: 0, or the 1-based position in the primary key. */
  pk: number;
}

export interface RawForeignKey {
  from: string;
  table: string;
  /** The referenced column; null means the referenced table's primary key. */
  to: string | null;
}

export interface RawTable {
  name: string;
  columns: RawColumn[];
  fks: RawForeignKey[];
}

/** A foreign key that holds the integer id of a record: exported as that record's uid. */
export interface RecordRef {
  column: string;
  table: string;
}

export type TableKind = 'entity' | 'child' | 'keyed' | 'log';

export interface TableSpec {
  name: string;
  kind: TableKind;
  columns: string[];
  /** Columns exported (entity: all but id and uid; child: all but the parent column; keyed: all). */
  fields: string[];
  /** Foreign keys to entity tables, exported as uids (a child's parent column excluded). */
  refs: RecordRef[];
  /** keyed: the primary key columns (every column when the table has none); child: its key besides the parent. */
  key: string[];
  /** child: the column that points at the parent record, and the parent table. */
  parent?: RecordRef;
  /** entity: its child tables, by name. */
  children: string[];
  hasDeletedAt: boolean;
  hasUpdatedAt: boolean;
}

export interface SchemaSpec {
  /** entity and keyed tables in export order: a table comes after the tables it refers to. */
  order: TableSpec[];
  byName: Map<string, TableSpec>;
}

/** Every table, described by its shape: uid → entity; no uid but a key to an entity → child; else keyed. */
export function classifyTables(raw: RawTable[]): SchemaSpec {
  const entityNames = new Set(raw.filter((r) => r.columns.some((c) => c.name === 'uid')).map((r) => r.name));
  const isIdRef = (fk: RawForeignKey) => entityNames.has(fk.table) && (fk.to === null || fk.to === 'id');
  const specs: TableSpec[] = raw.map((r) => {
    const columns = r.columns.map((c) => c.name);
    const refsAll = r.fks.filter(isIdRef).map((fk) => ({ column: fk.from, table: fk.table }));
    const has = (c: string) => columns.includes(c);
    const base = { name: r.name, columns, children: [] as string[], hasDeletedAt: has('deleted_at'), hasUpdatedAt: has('updated_at') };
    if (LOCAL_TABLES.has(r.name)) return { ...base, kind: 'log', fields: [], refs: [], key: [] };
    if (entityNames.has(r.name)) {
      return { ...base, kind: 'entity', fields: columns.filter((c) => c !== 'id' && c !== 'uid'), refs: refsAll, key: ['uid'] };
    }
    const pk = r.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    // The parent is the first column (in table order) that refers to a record.
    const parentColumn = columns.find((c) => refsAll.some((ref) => ref.column === c));
    if (parentColumn !== undefined) {
      const parent = refsAll.find((ref) => ref.column === parentColumn)!;
      return {
        ...base,
        kind: 'child',
        fields: columns.filter((c) => c !== parentColumn),
        refs: refsAll.filter((ref) => ref.column !== parentColumn),
        // Child rows are ordered by the rest of their primary key (e.g. seq), then by every field.
        key: pk.filter((c) => c !== parentColumn),
        parent,
      };
    }
    return { ...base, kind: 'keyed', fields: columns, refs: refsAll, key: pk.length ? pk : columns };
  });
  const byName = new Map(specs.map((s) => [s.name, s]));
  for (const s of specs) if (s.kind === 'child') byName.get(s.parent!.table)!.children.push(s.name);
  for (const s of specs) s.children.sort();
  return { order: exportOrder(specs, byName), byName };
}

/**
 * Referenced tables first (households before people before visits), ties and cycles broken by
 * name: a stable order in which an import resolves almost every reference on first sight.
 * A child's references count as its parent's.
 */
function exportOrder(specs: TableSpec[], byName: Map<string, TableSpec>): TableSpec[] {
  const top = specs.filter((s) => s.kind === 'entity' || s.kind === 'keyed').sort((a, b) => (a.name < b.name ? -1 : 1));
  const deps = new Map<string, Set<string>>();
  for (const s of top) {
    const refs = [...s.refs, ...s.children.flatMap((c) => byName.get(c)!.refs)];
    deps.set(s.name, new Set(refs.map((r) => r.table).filter((n) => n !== s.name)));
  }
  const done = new Set<string>();
  const out: TableSpec[] = [];
  while (out.length < top.length) {
    const ready = top.find((s) => !done.has(s.name) && [...deps.get(s.name)!].every((d) => done.has(d)));
    // A cycle: take the first remaining by name; import fixes its forward references at the end.
    const next = ready ?? top.find((s) => !done.has(s.name))!;
    done.add(next.name);
    out.push(next);
  }
  return out;
}

// ---- values ---------------------------------------------------------------------------------

export type Scalar = string | number | null;

/** SQLite values as JSON: text and numbers as themselves, a BLOB as {"$blob": base64}. */
export function encodeValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (Buffer.isBuffer(v)) return { $blob: v.toString('base64') };
  return v;
}

/** The inverse of encodeValue; anything else is refused (a nested object is not a column value). */
export function decodeValue(v: unknown, field: string): Scalar | Buffer {
  if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $blob?: unknown }).$blob === 'string' && Object.keys(v).length === 1) {
    return Buffer.from((v as { $blob: string }).$blob, 'base64');
  }
  throw new LineError(t('err.import_bad_value', { field }));
}

// ---- lines ----------------------------------------------------------------------------------

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** The database schema version (PRAGMA user_version) the records were read from. */
  schema: number;
  exported_at: string;
  tables: string[];
}

export interface RecordLine {
  entity: string;
  uid?: string;
  record: Record<string, unknown>;
  children?: Record<string, Record<string, unknown>[]>;
}

/** A problem with one line; the importer adds the line number. */
export class LineError extends Error {}

export function makeHeader(schema: number, exportedAt: string, tables: string[]): ExportHeader {
  return { format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, schema, exported_at: exportedAt, tables };
}

/** The export may be wrapped as a JSON array (--format json): one element per line, commas after. */
export function unwrapJsonArrayLine(line: string): string | undefined {
  const s = line.trim();
  if (s === '' || s === '[' || s === ']') return undefined;
  return s.endsWith(',') ? s.slice(0, -1) : s;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new LineError(t('err.import_not_json'));
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The first line: must be an fs export whose schema this build knows. */
export function parseHeader(text: string, knownSchema: number): ExportHeader {
  const h = parseJson(text);
  if (!isPlainObject(h) || h.format !== EXPORT_FORMAT) throw new LineError(t('err.import_no_header'));
  if (typeof h.version !== 'number' || typeof h.schema !== 'number' || !Number.isInteger(h.schema)) throw new LineError(t('err.import_no_header'));
  if (h.version > EXPORT_FORMAT_VERSION || h.schema > knownSchema) {
    throw new DataError('err.import_newer', { found: h.schema, known: knownSchema });
  }
  return h as unknown as ExportHeader;
}

/** A record line, checked for shape against the local schema (values are checked by SQLite). */
export function parseRecordLine(text: string, schema: SchemaSpec): { spec: TableSpec; line: RecordLine } {
  const o = parseJson(text);
  if (!isPlainObject(o)) throw new LineError(t('err.import_not_record'));
  const entity = o.entity;
  if (typeof entity !== 'string') throw new LineError(t('err.import_not_record'));
  const spec = schema.byName.get(entity);
  if (!spec || (spec.kind !== 'entity' && spec.kind !== 'keyed')) throw new LineError(t('err.import_unknown_entity', { entity }));
  if (!isPlainObject(o.record)) throw new LineError(t('err.import_not_record'));
  checkFields(o.record, spec.fields);
  if (spec.kind === 'entity') {
    if (typeof o.uid !== 'string' || o.uid === '' || o.uid.length > 100) throw new LineError(t('err.import_no_uid'));
    if (typeof o.record.updated_at !== 'string' && spec.hasUpdatedAt) throw new LineError(t('err.import_no_updated_at'));
  } else {
    for (const k of spec.key) if (!(k in o.record)) throw new LineError(t('err.import_missing_field', { field: k }));
  }
  checkValues(spec.name, o.record);
  if (o.children !== undefined) {
    if (!isPlainObject(o.children)) throw new LineError(t('err.import_not_record'));
    for (const [name, rows] of Object.entries(o.children)) {
      const child = schema.byName.get(name);
      if (!child || child.kind !== 'child' || child.parent!.table !== spec.name) throw new LineError(t('err.import_unknown_entity', { entity: name }));
      if (!Array.isArray(rows) || !rows.every(isPlainObject)) throw new LineError(t('err.import_not_record'));
      for (const r of rows) {
        checkFields(r, child.fields);
        checkValues(name, r);
      }
    }
  }
  return { spec, line: o as unknown as RecordLine };
}

/** Every value as the CLI would take it (dates, keys, numbers, settings): the database never holds what a command would refuse. */
function checkValues(table: string, record: Record<string, unknown>): void {
  fillAddedOn(table, record);
  const p = recordProblem(table, record);
  if (p) throw new LineError(t('err.import_bad_field', { field: p.field, value: p.value, reason: p.reason }));
}

function checkFields(record: Record<string, unknown>, allowed: string[]): void {
  for (const k of Object.keys(record)) if (!allowed.includes(k)) throw new LineError(t('err.import_unknown_field', { field: k }));
}

// ---- the import summary -------------------------------------------------------------------

export interface TableCounts {
  entity: string;
  added: number;
  updated: number;
  skipped: number;
}

export function totalCounts(rows: TableCounts[]): Omit<TableCounts, 'entity'> {
  return rows.reduce((a, r) => ({ added: a.added + r.added, updated: a.updated + r.updated, skipped: a.skipped + r.skipped }), { added: 0, updated: 0, skipped: 0 });
}

/** Upsert by uid: the incoming record wins only when it is newer than the local one. */
export function incomingWins(localUpdatedAt: unknown, incomingUpdatedAt: unknown): boolean {
  if (typeof localUpdatedAt !== 'string') return true;
  if (typeof incomingUpdatedAt !== 'string') return false;
  return incomingUpdatedAt > localUpdatedAt;
}
