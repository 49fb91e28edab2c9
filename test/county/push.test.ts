// fs push against a real PostgreSQL (a throwaway cluster): everything the issue promises of a push.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { pgSkipReason, startCluster, type Cluster } from '../helpers/pg.js';
import { seedReportLedger, TODAY } from '../cli/report-seed.js';
import { MIRRORED_NAMES } from '../../src/db/county/tables.js';

const skip = pgSkipReason();
if (skip) console.warn(`skipping fs push tests: ${skip}`);

let cluster: Cluster;

beforeAll(async () => {
  if (!skip) cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop());

type Fs = ReturnType<typeof cli>;

/** A county database with one registered ledger: the office's URL and the ledger's. */
function county(fs: Fs = cli({ today: TODAY })): { admin: string; ledger: string } {
  const admin = cluster.database();
  fs.ok(['county', 'init', '--url', admin]);
  const ledger = fs.ok(['county', 'add-ledger', '--village', '青山村', '--secretary', '李书记', '--url', admin]).trim();
  return { admin, ledger };
}

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Every mirrored table and the settings, without the ledger column (ids differ between databases), in uid order. */
async function countyRows(admin: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of [...MIRRORED_NAMES, 'settings']) {
    const key = t === 'settings' ? 'key' : 'uid';
    const rows = await query(admin, `SELECT * FROM county.${t} ORDER BY ${key}`);
    out[t] = rows.map(({ ledger: _l, ...r }) => JSON.stringify(r));
  }
  return out;
}

describe.skipIf(skip)('fs push', () => {
  it('sends every record table of the ledger and records the push', async () => {
    const fs = cli({ today: TODAY });
    seedReportLedger(fs);
    const { admin, ledger } = county(fs);
    const r = fs.run(['push', '--url', ledger]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Pushed \d+ records \(.*visits 4.*\) to postgresql:\/\/fs_ledger_\w+:\*\*\*@/);
    const rows = await countyRows(admin);
    expect(rows.visits).toHaveLength(4);
    expect(rows.people.length).toBeGreaterThanOrEqual(4);
    const pushes = await query<{ records: string }>(admin, 'SELECT records FROM county.pushes');
    expect(pushes).toHaveLength(1);
  });
});
