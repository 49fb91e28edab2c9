// The county report's figures, computed by PostgreSQL (the queries: report-casework.ts and
// report-governance.ts) in one
// read-only snapshot; nothing but the per-ledger counts comes back to Node.
import type { Client } from 'pg';
import type { CountyPeriodQuery as CountyQuery, FlatFigures } from '../../domain/county-report.js';
import { concernsQuery, disputesQuery, pairsQuery, visitReachQuery, visitsQuery } from './report-casework.js';
import { decisionsQuery, meetingsQuery, planQuery, presenceQuery } from './report-governance.js';

/** Every query, in the order its figures are merged (the order of `fs report`'s sections). */
export const COUNTY_QUERIES = { visitsQuery, visitReachQuery, concernsQuery, disputesQuery, pairsQuery, meetingsQuery, decisionsQuery, planQuery, presenceQuery };

export interface LedgerRow {
  ledger: string;
  village: string;
  township: string | null;
  secretary: string;
}

/** Every registered ledger, in a stable order. */
export async function listLedgers(client: Client): Promise<LedgerRow[]> {
  const r = await client.query<LedgerRow>('SELECT id::text AS ledger, village, township, secretary FROM county.ledgers ORDER BY village, id');
  return r.rows;
}

/**
 * Every ledger's figures for the period, in one read-only snapshot (REPEATABLE READ): a push
 * committing meanwhile shows in all the tables or in none. With `more`, a second connection joins
 * the same snapshot (pg_export_snapshot) and the queries run on both at once, the costliest first:
 * the server has a core for each.
 */
export async function countyFigures(
  client: Client,
  q: CountyQuery,
  more?: () => Promise<Client>,
): Promise<{ ledgers: LedgerRow[]; figures: Map<string, FlatFigures> }> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  let helper: Client | undefined;
  try {
    // These queries are many small index ranges, one per ledger, whose estimated cost passes
    // jit_above_cost at a few dozen villages: compiling them (100 ms to seconds) costs more than running them.
    await client.query('SET LOCAL jit = off');
    const ledgers = await listLedgers(client);
    const figures = new Map<string, FlatFigures>(ledgers.map((l) => [l.ledger, {}]));
    const rowsOf = new Map<string, Record<string, unknown>[]>();
    const queue = QUERY_ORDER.map((name) => ({ name, ...COUNTY_QUERIES[name](q) }));
    const work = async (c: Client) => {
      for (let job = queue.shift(); job; job = queue.shift()) rowsOf.set(job.name, (await c.query<Record<string, unknown>>(job.text, job.values)).rows);
    };
    if (more && ledgers.length > 1) {
      const snapshot = (await client.query('SELECT pg_export_snapshot() AS s')).rows[0].s as string;
      helper = await more();
      await helper.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await helper.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
      await helper.query('SET LOCAL jit = off');
      await Promise.all([work(client), work(helper)]);
      await helper.query('COMMIT');
    } else {
      await work(client);
    }
    // Merged in one fixed order, whichever connection ran what: the keys come out as fs report has them.
    for (const name of Object.keys(COUNTY_QUERIES) as (keyof typeof COUNTY_QUERIES)[]) {
      for (const row of rowsOf.get(name) ?? []) {
        const mine = figures.get(String(row.ledger));
        if (!mine) continue;
        for (const [k, v] of Object.entries(row)) if (k.includes('.')) mine[k] = Number(v);
      }
    }
    for (const [id, flat] of figures) figures.set(id, inReportOrder(flat));
    await client.query('COMMIT');
    return { ledgers, figures };
  } catch (e) {
    await helper?.query('ROLLBACK').catch(() => undefined);
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** fs report's order of the visits keys (two queries compute them); the other keys as they came. */
const VISIT_KEY_ORDER = ['visits.total', 'visits.people', 'visits.households'];
function inReportOrder(flat: FlatFigures): FlatFigures {
  const out: FlatFigures = {};
  for (const k of VISIT_KEY_ORDER) if (k in flat) out[k] = flat[k]!;
  for (const [k, v] of Object.entries(flat)) if (!(k in out)) out[k] = v;
  return out;
}

/** The order the queries are taken in: the costliest first, so two connections finish together. */
const QUERY_ORDER: (keyof typeof COUNTY_QUERIES)[] = ['visitsQuery', 'visitReachQuery', 'disputesQuery', 'meetingsQuery', 'pairsQuery', 'presenceQuery', 'concernsQuery', 'planQuery', 'decisionsQuery'];
