// Export: every live record of every table, by uid, whatever tables the migrations made.
import { encodeValue, makeHeader, type RecordLine, type SchemaSpec, type TableSpec } from '../domain/transfer.js';
import type { Db } from './open.js';
import { describeSchema, q, schemaVersion } from './schema.js';
import { nowStamp, type Row } from './store.js';

/** Live rows, plus soft-deleted rows that an exported row still refers to (else the export would not load). */
function liveCondition(spec: TableSpec, alias: string, param: string): string {
  return spec.hasDeletedAt ? `(${alias}.deleted_at IS NULL OR ${alias}.id IN (SELECT value FROM json_each(@${param})))` : '1';
}

function exportedCondition(schema: SchemaSpec, spec: TableSpec, alias: string): string {
  if (spec.kind !== 'child') return spec.kind === 'entity' ? liveCondition(spec, alias, `x_${spec.name}`) : '1';
  const parent = schema.byName.get(spec.parent!.table)!;
  return `EXISTS (SELECT 1 FROM ${q(parent.name)} p WHERE p.id = ${alias}.${q(spec.parent!.column)} AND ${liveCondition(parent, 'p', `x_${parent.name}`)})`;
}

/** The soft-deleted rows each table must still export, found by following references to a fixed point. */
function referencedDeleted(db: Db, schema: SchemaSpec): Map<string, Set<number>> {
  const extras = new Map<string, Set<number>>();
  for (const s of schema.byName.values()) if (s.kind === 'entity') extras.set(s.name, new Set());
  const params = () => Object.fromEntries([...extras].map(([k, v]) => [`x_${k}`, JSON.stringify([...v])]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const spec of schema.byName.values()) {
      if (spec.kind === 'log') continue;
      for (const ref of spec.refs) {
        const target = schema.byName.get(ref.table)!;
        if (!target.hasDeletedAt) continue;
        const cond = exportedCondition(schema, spec, 'r');
        const sql = `SELECT DISTINCT r.${q(ref.column)} AS id FROM ${q(spec.name)} r JOIN ${q(target.name)} t ON t.id = r.${q(ref.column)} WHERE t.deleted_at IS NOT NULL AND ${cond}`;
        // Unused named parameters are ignored by better-sqlite3: pass every table's set.
        for (const { id } of db.prepare(sql).all(params()) as { id: number }[]) {
          const set = extras.get(target.name)!;
          if (!set.has(id)) {
            set.add(id);
            changed = true;
          }
        }
      }
    }
  }
  return extras;
}

const uidOf = (table: string, expr: string) => `(SELECT uid FROM ${q(table)} WHERE id = ${expr})`;

function childSubquery(schema: SchemaSpec, child: TableSpec): string {
  const exprs = child.fields.map((f) => {
    const ref = child.refs.find((r) => r.column === f);
    return ref ? uidOf(ref.table, `c.${q(f)}`) : `c.${q(f)}`;
  });
  const obj = `json_object(${child.fields.map((f, i) => `'${f.replace(/'/g, "''")}', ${exprs[i]}`).join(', ')})`;
  const sortBy = [...child.key.map((k) => exprs[child.fields.indexOf(k)]!), ...exprs];
  const order = sortBy.length ? `ORDER BY ${sortBy.join(', ')}` : '';
  return `(SELECT json_group_array(json(o)) FROM (SELECT ${obj} AS o FROM ${q(child.name)} c WHERE c.${q(child.parent!.column)} = r.id ${order}))`;
}

export interface ExportSummary {
  schema: number;
  counts: { entity: string; records: number }[];
}

/** Every exported record as one JSON text per line, header first, in a stable order. */
export function exportRecords(db: Db, emitLine: (line: string) => void, exportedAt = nowStamp()): ExportSummary {
  const schema = describeSchema(db);
  const version = schemaVersion(db);
  // One read transaction: a consistent snapshot even while another process writes.
  return db.transaction(() => {
    const extras = referencedDeleted(db, schema);
    emitLine(JSON.stringify(makeHeader(version, exportedAt, schema.order.map((s) => s.name))));
    const counts: ExportSummary['counts'] = [];
    for (const spec of schema.order) {
      const refSelects = spec.refs.map((r, i) => `${uidOf(r.table, `r.${q(r.column)}`)} AS "__ref${i}"`);
      const childSelects = spec.children.map((c, i) => `${childSubquery(schema, schema.byName.get(c)!)} AS "__child${i}"`);
      const order = spec.kind === 'entity' ? 'r.id' : spec.key.map((k) => `r.${q(k)}`).join(', ');
      const sql = `SELECT r.*${[...refSelects, ...childSelects].map((s) => `, ${s}`).join('')} FROM ${q(spec.name)} r WHERE ${exportedCondition(schema, spec, 'r')} ORDER BY ${order}`;
      const params = spec.kind === 'entity' && spec.hasDeletedAt ? { [`x_${spec.name}`]: JSON.stringify([...extras.get(spec.name)!]) } : {};
      let n = 0;
      for (const row of db.prepare(sql).iterate(params) as Iterable<Row>) {
        const record: Row = {};
        for (const f of spec.fields) record[f] = encodeValue(row[f]);
        spec.refs.forEach((r, i) => (record[r.column] = row[`__ref${i}`] ?? null));
        const line: RecordLine = spec.kind === 'entity' ? { entity: spec.name, uid: row.uid as string, record } : { entity: spec.name, record };
        if (spec.children.length) line.children = Object.fromEntries(spec.children.map((c, i) => [c, JSON.parse(row[`__child${i}`] as string)]));
        emitLine(JSON.stringify(line));
        n++;
      }
      counts.push({ entity: spec.name, records: n });
    }
    return { schema: version, counts };
  })();
}
