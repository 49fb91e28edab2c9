// npm run bench: start-up and report speed as ratios to `node -e 0` timed in the same run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { schemaTag } from './schema-tag.js';
import { addPeople, addVisits, buildOnce, rng } from './generate.js';
import { fillReportDb } from './generate-report.js';
import { documentBench } from './documents.js';
import { countyBench } from './county.js';
import { safetyBench } from './safety.js';
import { benchEnv, removedVariablesNote, report, timeInterleaved, type Target } from './timing.js';
import { searchBench } from './search.js';
import { tableBench } from './table.js';

const ROOT = resolve(__dirname, '..');
const CACHE = join(ROOT, 'bench', '.cache');
const BIN = join(ROOT, 'bin', 'fs.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  // `npm run bench:county`: the county part alone (it needs PostgreSQL and takes minutes).
  if (process.argv[2] === 'county') {
    process.stdout.write(`${removedVariablesNote()}\n`);
    process.exitCode = report(await countyBench(BIN, CACHE)) ? 0 : 1;
    return;
  }
  // Named after the schema and its migrations (schema-tag.ts): a cached database of another schema is never reused.
  const visitsDb = join(CACHE, `visits-100k-${schemaTag()}.db`);
  process.stdout.write(`building ${visitsDb} (100,000 visits) if missing...\n`);
  await buildOnce(visitsDb, (db) => {
    const rand = rng(1);
    addVisits(db, addPeople(db, 2_000, rand), 100_000, '2024-01-01', 3 * 365, rand);
  });

  // The same environment for every side, without the variables that slow every Node start alike.
  process.stdout.write(`${removedVariablesNote()}\n`);
  process.stdout.write(`each ratio: fs and \`node -e 0\` timed interleaved in this run, same environment, medians of ${ROUNDS} rounds (the report's: ${reportRounds()})\n`);
  const env = benchEnv({ FS_DB: visitsDb, FS_TODAY: '2026-11-27', FS_LANG: 'en' });
  const node = process.execPath;
  const medians = timeInterleaved(
    [
      { label: 'node -e 0', argv: [node, '-e', '0'] },
      { label: 'fs visit list', argv: [node, BIN, 'visit', 'list'] },
      { label: 'fs --help', argv: [node, BIN, '--help'] },
    ],
    ROUNDS,
    env,
  );
  const base = medians.get('node -e 0')!;
  for (const [k, v] of medians) process.stdout.write(`median ${k}: ${v.toFixed(1)} ms\n`);
  const targets: Target[] = [
    { name: 'fs visit list (100,000 visits) / node -e 0', value: medians.get('fs visit list')! / base, limit: 2.0, unit: 'x' },
    { name: 'fs --help / node -e 0', value: medians.get('fs --help')! / base, limit: 1.5, unit: 'x' },
  ];
  const reportTargets = await reportBench(node);
  const safetyTargets = process.env.BENCH_SKIP_SAFETY === '1' ? [] : await safetyBench(BIN, CACHE);
  const searchTargets = process.env.BENCH_SKIP_SEARCH === '1' ? [] : await searchBench(node, BIN, join(CACHE, `report-1m-${schemaTag()}.db`), Math.max(10, Math.floor(ROUNDS / 2)));
  const tableTargets = process.env.BENCH_SKIP_TABLE === '1' ? [] : await tableBench(BIN, CACHE);
  const countyTargets = process.env.BENCH_SKIP_COUNTY === '1' ? [] : await countyBench(BIN, CACHE);
  const ok = report([...targets, ...reportTargets, ...safetyTargets, ...searchTargets, ...tableTargets, ...countyTargets]);
  process.exitCode = ok ? 0 : 1;
}

/** Peak resident memory (MB) of one fs run, read by a preloaded hook (bench/maxrss.cjs). */
function peakRssMb(node: string, args: string[], env: NodeJS.ProcessEnv): number {
  const file = join(CACHE, 'maxrss.txt');
  rmSync(file, { force: true });
  const r = spawnSync(node, ['-r', join(ROOT, 'bench', 'maxrss.cjs'), BIN, ...args], { env: benchEnv({ FS_BENCH_RSS_FILE: file }, env), stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`fs ${args.join(' ')} exited ${r.status}`);
  return Number(readFileSync(file, 'utf8')) / 1024;
}

const reportRounds = () => Math.max(10, Math.floor(ROUNDS / 2));

async function reportBench(node: string): Promise<Target[]> {
  if (process.env.BENCH_SKIP_REPORT === '1') return [];
  const db = join(CACHE, `report-1m-${schemaTag()}.db`);
  process.stdout.write(`building ${db} (1,000,000 visits, 50,000 disputes, ...) if missing; the first time takes a few minutes...\n`);
  const started = Date.now();
  await buildOnce(db, (d) => fillReportDb(d, rng(7)));
  process.stdout.write(`ready in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  const env = benchEnv({ FS_DB: db, FS_TODAY: '2026-11-27', FS_LANG: 'en' });
  const rounds = reportRounds();
  const medians = timeInterleaved(
    [
      { label: 'node -e 0', argv: [node, '-e', '0'] },
      { label: 'report last-week json', argv: [node, BIN, 'report', 'last-week', '--format', 'json'] },
      { label: 'report last-year by month md', argv: [node, BIN, 'report', 'last-year', '--by', 'month', '--format', 'md'] },
    ],
    rounds,
    env,
  );
  const base = medians.get('node -e 0')!;
  for (const [k, v] of medians) process.stdout.write(`median ${k}: ${v.toFixed(1)} ms\n`);
  const documents = documentBench(node, BIN, CACHE, env, rounds);
  return [
    ...documents,
    { name: 'fs report last-week --format json / node -e 0', value: medians.get('report last-week json')! / base, limit: 5, unit: 'x' },
    { name: 'fs report last-year --by month --format md / node -e 0', value: medians.get('report last-year by month md')! / base, limit: 10, unit: 'x' },
    { name: 'peak memory of fs report last-year --by month --format md', value: peakRssMb(node, ['report', 'last-year', '--by', 'month', '--format', 'md'], env), limit: 120, unit: ' MB' },
  ];
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
