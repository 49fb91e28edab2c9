// npm run bench: start-up and report speed as ratios to `node -e 0` timed in the same run.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addPeople, addVisits, buildOnce, rng } from './generate.js';
import { report, timeInterleaved, type Target } from './timing.js';

const ROOT = resolve(__dirname, '..');
const CACHE = join(ROOT, 'bench', '.cache');
const BIN = join(ROOT, 'bin', 'fs.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const visitsDb = join(CACHE, 'visits-100k-v1.db');
  process.stdout.write(`building ${visitsDb} (100,000 visits) if missing...\n`);
  await buildOnce(visitsDb, (db) => {
    const rand = rng(1);
    addVisits(db, addPeople(db, 2_000, rand), 100_000, '2024-01-01', 3 * 365, rand);
  });

  // Same environment for every side (NODE_EXTRA_CA_CERTS, when set, slows every Node start alike).
  const env = { ...process.env, FS_DB: visitsDb, FS_TODAY: '2026-11-27', FS_LANG: 'en' };
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
  const ok = report(targets);
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
