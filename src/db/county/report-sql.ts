// What the county report's queries share: positional parameters, per-ledger settings computed once
// per ledger, and the figure columns ("visits.total") each query returns per ledger.
import type { CountyPeriodQuery } from '../../domain/county-report.js';

/** Positional parameters from named ones: sql`... ${value} ...` style without a template tag. */
export class Params {
  values: unknown[] = [];
  /** Per-ledger values (settings, the ledger's start) computed once per ledger in the CTE `cfg`, not once per row. */
  cfg = new Map<string, string>();
  add(v: unknown, type: string): string {
    this.values.push(v);
    return `$${this.values.length}::${type}`;
  }
  perLedger(name: string, expr: string): string {
    if (!this.cfg.has(name)) this.cfg.set(name, expr);
    return `cfg.${col(name)}`;
  }
}

/** The query with its per-ledger values: a materialized CTE joined to every ledger row. */
export function finish(p: Params, text: string): Built {
  if (p.cfg.size === 0) return { text, values: p.values };
  const cols = [...p.cfg].map(([name, expr]) => `${expr} AS ${col(name)}`).join(',\n             ');
  const joined = text.replace(/FROM county\.ledgers l\n/, 'FROM county.ledgers l JOIN cfg ON cfg.ledger = l.id\n');
  return { text: `WITH cfg AS MATERIALIZED (\n      SELECT l.id AS ledger,\n             ${cols}\n      FROM county.ledgers l)\n${joined}`, values: p.values };
}

export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const col = (key: string) => `"${key}"`;
export const n = (expr: string, key: string) => `(${expr})::int AS ${col(key)}`;

/** A setting of every ledger as a typed expression: the ledger's value if it has pushed one, else the default. */
export function setting(ledger: string, key: string, p: Params, defaults: CountyPeriodQuery['defaults'], kind: 'int' | 'text'): string {
  const value = `(SELECT s.value FROM county.settings s WHERE s.ledger = ${ledger} AND s.key = ${lit(key)})`;
  const dflt = p.add(defaults[key] ?? '', 'text');
  if (kind === 'text') return p.perLedger(key, `coalesce(${value}, ${dflt})`);
  // A malformed number never breaks the report: it reads as the default, as the ledger's CHECK makes it.
  return p.perLedger(key, `(CASE WHEN ${value} ~ '^[0-9]{1,9}$' THEN ${value}::int ELSE ${dflt}::int END)`);
}

export interface Built {
  text: string;
  values: unknown[];
}

