// The county benchmark (issue 16), wired into `npm run bench` by bench/run.ts; `npm run bench:county`
// runs it alone. It needs PostgreSQL (a throwaway cluster of its own, as the tests start) and takes
// minutes: BENCH_SKIP_COUNTY=1 leaves it out.
//
//   - 200 ledgers × 25,000 visits (5,000,000 visits, ~8 million records in all) pushed with `fs push`
//     into one county database: at least 50,000 records a second over the wall time of all pushes;
//   - an incremental push of 100 changed records: at most 10x `node -e 0` (interleaved, medians);
//   - `fs county report last-year --by village --format json` over them all: at most 3 s.
//
// Every figure is a run of the built bin as a user would make it, start-up included.
//   BENCH_COUNTY_LEDGERS  how many ledgers (default 200; try 10 for a quick end-to-end run)
//   BENCH_COUNTY_JOBS     pushes run at once (default 2: one per core of the reference machine)
//   BENCH_COUNTY_ROUNDS   rounds of the incremental push against `node -e 0` (default 15)
//   BENCH_COUNTY_FSYNC=1  the server durable (fsync, synchronous_commit, full_page_writes on)
//   BENCH_COUNTY_KEEP=1   leave the loaded cluster running afterwards, for EXPLAIN (stop it with pg_ctl)
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadSqlite } from '../src/db/open.js';
import { schemaTag } from './schema-tag.js';
import { pgSkipReason, startCluster, type Cluster } from '../test/helpers/pg.js';
import { COUNTY_TODAY, countRecords, countyLedgers, RECORD_TABLES, SHAPES, VISITS_PER_LEDGER } from './county-generate.js';
import { benchEnv, median, type Target } from './timing.js';

const log = (s: string) => process.stdout.write(`county: ${s}\n`);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runAsync(argv: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Number(process.hrtime.bigint() - start) / 1e6 }));
  });
}

function runSync(argv: string[], env: NodeJS.ProcessEnv): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function ok(r: Run, what: string): Run {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}: ${r.stderr.trim()}`);
  return r;
}

/** Runs `task(i)` for i in [0, n), `jobs` at a time. */
async function pool(n: number, jobs: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, n) }, worker));
}

/** A figure of the report JSON: `visits.total` as a nested key or a flat one. */
function figure(o: unknown, path: string): number | undefined {
  const rec = o as Record<string, unknown> | undefined;
  if (rec && typeof rec[path] === 'number') return rec[path] as number;
  let v: unknown = o;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** Every numeric leaf of a JSON value, by dotted path (arrays left out: they are lists, not counts). */
function leaves(o: unknown, prefix = ''): [string, number][] {
  if (typeof o === 'number') return [[prefix, o]];
  if (!o || typeof o !== 'object' || Array.isArray(o)) return [];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The server's settings for the bench: sized for a bulk load on this machine. */
function serverSettings(durable: boolean): Record<string, string> {
  return {
    shared_buffers: '1GB',
    work_mem: '64MB',
    maintenance_work_mem: '512MB',
    effective_cache_size: '4GB',
    max_wal_size: '8GB',
    checkpoint_timeout: '30min',
    ...(durable ? { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } : {}),
  };
}

/** Changes `n` records of the ledger at `path` as a day's work would (notes edited, updated_at now); returns the marker written. */
function changeRecords(path: string, round: number): { marker: string; counts: Record<string, number> } {
  const { Sqlite, nativeBinding } = loadSqlite();
  const db = new Sqlite(path, { nativeBinding });
  const marker = `bench round ${round}`;
  const stamp = new Date().toISOString();
  // 100 records over five kinds; a different slice each round.
  const plan: [table: string, column: string, count: number][] = [
    ['visits', 'notes', 70],
    ['concerns', 'note', 10],
    ['people', 'notes', 10],
    ['presence_days', 'note', 5],
    ['meetings', 'minutes', 5],
  ];
  const counts: Record<string, number> = {};
  db.transaction(() => {
    for (const [table, column, count] of plan) {
      const r = db.prepare(`UPDATE ${table} SET ${column} = ?, updated_at = ? WHERE id IN (SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?)`).run(marker, stamp, count, round * count);
      counts[table] = r.changes;
    }
  })();
  db.close();
  return { marker, counts };
}

/** `fs county report last-year --by village --format json`: its time, and its figures against the ledgers' own reports. */
function countyReport(fs: (args: string[]) => string[], admin: string, env: NodeJS.ProcessEnv, rounds: number, n: number, files: number, ownReport: (i: number) => unknown): Target[] {
  const name = `fs county report last-year --by village --format json (${(n * VISITS_PER_LEDGER).toLocaleString('en')} visits)`;
  const reportArgs = fs(['county', 'report', 'last-year', '--by', 'village', '--format', 'json', '--url', admin]);
  const warm = runSync(reportArgs, env);
  if (warm.status !== 0) {
    log(`fs county report failed (exit ${warm.status}): ${warm.stderr.trim().split('\n')[0]}`);
    return [{ name, value: Infinity, limit: 3, unit: ' s' }];
  }
  const reportRounds = Math.max(3, Math.floor(rounds / 3));
  const reportMs: number[] = [];
  let reportOut = '';
  for (let i = 0; i < reportRounds; i++) {
    const r = ok(runSync(reportArgs, env), 'fs county report');
    reportMs.push(r.ms);
    reportOut = r.stdout;
  }
  const reportS = median(reportMs) / 1000;
  log(`fs county report last-year --by village --format json: median ${reportS.toFixed(2)} s of ${reportRounds} (${(reportOut.length / 1024).toFixed(0)} KB of JSON)`);

  // Its figures: one village per ledger, and every count in its totals the sum of the ledgers' own
  // reports (rates and other ratios are not sums and are left to test/county).
  const county = JSON.parse(reportOut) as { villages?: unknown[]; totals?: unknown };
  const villages = county.villages?.length ?? 0;
  const totals = leaves(county.totals).filter(([k]) => !/rate|percent|target|needed/.test(k));
  const mismatched: string[] = [];
  let compared = 0;
  for (const [key, value] of totals) {
    let sum = 0;
    let everywhere = true;
    for (let i = 0; i < files && everywhere; i++) {
      const own = figure(ownReport(i), key);
      if (own === undefined) everywhere = false;
      else sum += own;
    }
    if (!everywhere) continue;
    compared++;
    if (sum !== value) mismatched.push(`${key} ${value} (ledgers: ${sum})`);
  }
  const visits = figure(county.totals, 'visits.total');
  log(`county report: ${villages} villages; totals visits.total ${visits ?? 'missing'}; ${compared} counts of the totals compared with the sum of the ledgers' own reports${mismatched.length ? `, differing: ${mismatched.slice(0, 10).join('; ')}` : ', all equal'}`);
  return [
    { name, value: reportS, limit: 3, unit: ' s' },
    { name: `county report villages = ledgers (${n})`, value: villages === n ? 1 : 0, limit: 1, unit: '', kind: 'min' },
    { name: `county report totals: counts differing from the sum of the ledgers' own fs report (of ${compared}, visits.total among them)`, value: visits === undefined || compared === 0 ? Infinity : mismatched.length, limit: 0, unit: '' },
  ];
}

export async function countyBench(bin: string, cacheDir: string): Promise<Target[]> {
  const reason = pgSkipReason();
  if (reason) {
    log(`skipped: ${reason}`);
    return [];
  }
  const n = Number(process.env.BENCH_COUNTY_LEDGERS ?? 200);
  const jobs = Number(process.env.BENCH_COUNTY_JOBS ?? 2);
  const rounds = Number(process.env.BENCH_COUNTY_ROUNDS ?? 15);
  const durable = process.env.BENCH_COUNTY_FSYNC === '1';
  const node = process.execPath;
  const env = benchEnv({ FS_TODAY: COUNTY_TODAY, FS_LANG: 'en' });
  const fs = (args: string[]) => [node, bin, ...args];

  log(`${n} ledgers × ${VISITS_PER_LEDGER.toLocaleString('en')} visits (${(n * VISITS_PER_LEDGER).toLocaleString('en')} visits), ${SHAPES.length} village shapes copied and re-keyed; the first time takes a few minutes...`);
  const ledgers = await countyLedgers(cacheDir, schemaTag(), n, log);

  // Each shape as its own fs reads it: the ledger is valid, and its report is the reference for the county's.
  const { Sqlite, nativeBinding } = loadSqlite();
  const perShape = SHAPES.slice(0, Math.min(n, SHAPES.length)).map((shape, k) => {
    ok(runSync(fs(['--db', ledgers.templates[k]!, 'doctor']), env), `fs doctor (${shape.name})`);
    const report = JSON.parse(ok(runSync(fs(['--db', ledgers.templates[k]!, 'report', 'last-year', '--format', 'json']), env), `fs report last-year (${shape.name})`).stdout) as unknown;
    const db = new Sqlite(ledgers.templates[k]!, { readonly: true, nativeBinding });
    const records = countRecords(db as never);
    db.close();
    return { report, records };
  });
  log(`fs doctor and fs report last-year --format json read each of the ${perShape.length} shapes (${perShape.map((s) => s.records.toLocaleString('en')).join(', ')} records)`);
  const expectedRecords = ledgers.files.reduce((sum, _, i) => sum + perShape[i % SHAPES.length]!.records, 0);

  // Working copies: a push may note what it sent in the ledger, and the incremental rounds change one.
  const runDir = join(cacheDir, 'county-run');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  chmodSync(runDir, 0o700);
  const files = ledgers.files.map((f, i) => {
    const copy = join(runDir, `ledger-${String(i).padStart(4, '0')}.db`);
    copyFileSync(f, copy);
    return copy;
  });

  let cluster: Cluster | undefined;
  try {
    const settings = serverSettings(durable);
    cluster = await startCluster(settings);
    log(`throwaway PostgreSQL cluster: ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    log(
      durable
        ? 'server durable: fsync, synchronous_commit and full_page_writes on'
        : 'server NOT durable (throwaway): fsync, synchronous_commit and full_page_writes off; BENCH_COUNTY_FSYNC=1 measures with them on',
    );
    const admin = cluster.database('county_bench');
    ok(runSync(fs(['county', 'init', '--url', admin]), env), 'fs county init');

    const urls: string[] = new Array(n);
    const addStart = Date.now();
    // One at a time, as an office registers them: two add-ledger at once can fail on PostgreSQL's
    // role catalogue ("tuple concurrently updated" on GRANT fs_ledger).
    await pool(n, 1, async (i) => {
      const r = ok(await runAsync(fs(['county', 'add-ledger', '--village', `柳树${i + 1}村`, '--secretary', `书记${i + 1}`, '--township', `青山${(i % 12) + 1}镇`, '--url', admin]), env), 'fs county add-ledger');
      const url = r.stdout.split('\n').map((l) => l.trim()).find((l) => /^postgres(ql)?:\/\//.test(l));
      if (!url) throw new Error('fs county add-ledger printed no connection string');
      urls[i] = url;
    });
    log(`${n} ledgers registered in ${((Date.now() - addStart) / 1000).toFixed(1)} s`);

    // All the initial pushes, `jobs` at a time, over one wall clock.
    log(`pushing ${n} ledgers (${expectedRecords.toLocaleString('en')} records), ${jobs} at a time...`);
    const pushMs: number[] = [];
    const pushStart = process.hrtime.bigint();
    await pool(n, jobs, async (i) => {
      const r = ok(await runAsync(fs(['--db', files[i]!, 'push', '--url', urls[i]!]), env), `fs push (ledger ${i})`);
      pushMs.push(r.ms);
      if ((pushMs.length % 20 === 0 || pushMs.length === n) && pushMs.length) log(`  ${pushMs.length}/${n} pushed`);
    });
    const pushSeconds = Number(process.hrtime.bigint() - pushStart) / 1e9;
    // One row, a column per table (psql -A: separated by |), in RECORD_TABLES order.
    const counts = cluster.psql(`SELECT ${RECORD_TABLES.map((t) => `(SELECT count(*) FROM county.${t})`).join(', ')}`, 'county_bench').trim().split('|').map(Number);
    const inCounty = counts.reduce((a, b) => a + b, 0);
    const visitsInCounty = counts[RECORD_TABLES.indexOf('visits')]!;
    log(`initial pushes: ${pushSeconds.toFixed(1)} s wall, ${inCounty.toLocaleString('en')} records in the county (${visitsInCounty.toLocaleString('en')} visits); one push: median ${(median(pushMs) / 1000).toFixed(2)} s`);
    const size = cluster.psql("SELECT pg_size_pretty(pg_database_size('county_bench'))", 'county_bench').trim();
    log(`county database: ${size}`);

    // What a county server does on its own after a bulk load (autovacuum would, a little later).
    const vacStart = Date.now();
    cluster.psql('VACUUM (ANALYZE)', 'county_bench');
    log(`VACUUM (ANALYZE) after the load: ${((Date.now() - vacStart) / 1000).toFixed(1)} s (not counted in the push rate)`);

    // An incremental push: 100 records changed in one ledger, then `fs push`; interleaved with
    // `node -e 0`, a warm-up round first, medians.
    const target = files[0]!;
    const pushArgs = fs(['--db', target, 'push', '--url', urls[0]!]);
    const baseArgs = [node, '-e', '0'];
    const incMs: number[] = [];
    const nodeMs: number[] = [];
    let last = { marker: '', counts: {} as Record<string, number> };
    for (let round = 0; round <= rounds; round++) {
      last = changeRecords(target, round);
      const p = ok(runSync(pushArgs, env), 'fs push (incremental)').ms;
      const b = ok(runSync(baseArgs, env), 'node -e 0').ms;
      if (round === 0) continue;
      incMs.push(p);
      nodeMs.push(b);
    }
    const changed = Object.values(last.counts).reduce((a, b) => a + b, 0);
    const ledgerId = cluster.psql(`SELECT id FROM county.ledgers WHERE village = '柳树1村'`, 'county_bench').trim();
    const arrived = Number(
      cluster.psql(
        `SELECT (SELECT count(*) FROM county.visits WHERE ledger = '${ledgerId}' AND notes = '${last.marker}') + (SELECT count(*) FROM county.concerns WHERE ledger = '${ledgerId}' AND note = '${last.marker}') + (SELECT count(*) FROM county.people WHERE ledger = '${ledgerId}' AND notes = '${last.marker}') + (SELECT count(*) FROM county.presence_days WHERE ledger = '${ledgerId}' AND note = '${last.marker}') + (SELECT count(*) FROM county.meetings WHERE ledger = '${ledgerId}' AND minutes = '${last.marker}')`,
        'county_bench',
      ).trim(),
    );
    const inc = median(incMs);
    const base = median(nodeMs);
    log(`incremental push of ${changed} changed records: median ${inc.toFixed(1)} ms; node -e 0: median ${base.toFixed(1)} ms (${rounds} interleaved rounds); ${arrived} of the last round's ${changed} changes found in the county`);

    // The county report, as the office runs it. A failure here is a failed figure, not the end of
    // the run: the push figures above still print.
    const reportTargets = countyReport(fs, admin, env, rounds, n, ledgers.files.length, (i) => perShape[i % SHAPES.length]!.report);

    const records = inCounty === expectedRecords;
    return [
      { name: `records in the county after the pushes = records in the ${n} ledgers (${expectedRecords.toLocaleString('en')})`, value: records ? 1 : 0, limit: 1, unit: '', kind: 'min' },
      { name: `initial fs push of ${n} ledgers, ${jobs} at a time (records/s; ${pushSeconds.toFixed(1)} s wall${durable ? '' : ', server fsync off'})`, value: expectedRecords / pushSeconds, limit: 50_000, unit: ' records/s', kind: 'min' },
      { name: `incremental fs push of ${changed} changed records / node -e 0`, value: inc / base, limit: 10, unit: 'x' },
      { name: `changes of the last incremental push found in the county (of ${changed})`, value: arrived, limit: changed, unit: '', kind: 'min' },
      ...reportTargets,
    ];
  } finally {
    // BENCH_COUNTY_KEEP=1 leaves the loaded cluster running for EXPLAIN ANALYZE (stop it with pg_ctl).
    if (process.env.BENCH_COUNTY_KEEP === '1' && cluster) log(`kept: ${cluster.url.replace(cluster.password, '***')} (password ${cluster.password})`);
    else cluster?.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}
