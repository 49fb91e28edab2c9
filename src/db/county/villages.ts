// The registered ledgers with their last push, for fs county villages. Read by the office (every
// ledger) or by a ledger's own role (row-level security leaves it its own row).
import type { Client } from 'pg';
import type { CountyLedger } from '../../domain/county-villages.js';

export async function listCountyLedgers(client: Client): Promise<CountyLedger[]> {
  // The newest push of each ledger through the (ledger, id DESC) index: one probe per ledger.
  const r = await client.query(`
    SELECT l.id::text AS ledger, l.village, l.township, l.secretary, l.registered_at,
           p.pushed_at AS last_push_at, p.records::float8 AS last_push_records,
           (SELECT count(*) FROM county.pushes c WHERE c.ledger = l.id)::int AS pushes
    FROM county.ledgers l
    LEFT JOIN LATERAL (
      SELECT pushed_at, records FROM county.pushes WHERE ledger = l.id ORDER BY id DESC LIMIT 1
    ) p ON true`);
  return r.rows.map((row) => ({
    ledger: row.ledger as string,
    village: row.village as string,
    township: (row.township as string | null) ?? null,
    secretary: row.secretary as string,
    registered_at: (row.registered_at as Date).toISOString(),
    last_push_at: row.last_push_at ? (row.last_push_at as Date).toISOString() : null,
    last_push_records: row.last_push_records === null ? null : Number(row.last_push_records),
    pushes: row.pushes as number,
  }));
}
