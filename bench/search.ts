// fs search on the 1,000,000-visit report ledger: `fs search 屋顶` (a two-character word) and
// `fs search 修 路` (two one-character words), each against `node -e 0` in the same run, and how
// much of the file the full-text index takes.
import { statSync } from 'node:fs';
import { openDatabase } from '../src/db/open.js';
import { buildOnce, rng } from './generate.js';
import { fillReportDb } from './generate-report.js';
import { timeInterleaved, type Target } from './timing.js';

/** Share of the database file taken by the search index (its FTS5 shadow tables), from dbstat. */
async function indexShare(dbPath: string): Promise<{ indexMb: number; fileMb: number }> {
  const db = await openDatabase(dbPath);
  try {
    const { bytes } = db.prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search\\_index\\_%' ESCAPE '\\'").get() as { bytes: number };
    return { indexMb: bytes / 2 ** 20, fileMb: statSync(dbPath).size / 2 ** 20 };
  } finally {
    db.close();
  }
}

/** `dbPath` is the report benchmark's ledger, built here if that benchmark was skipped. */
export async function searchBench(node: string, bin: string, dbPath: string, rounds: number): Promise<Target[]> {
  await buildOnce(dbPath, (d) => fillReportDb(d, rng(7)));
  // NODE_EXTRA_CA_CERTS (set on some machines) makes every Node start read a certificate file:
  // left out on both sides, so the ratio measures fs, not the environment.
  const env: NodeJS.ProcessEnv = { ...process.env, FS_DB: dbPath, FS_TODAY: '2026-11-27', FS_LANG: 'en' };
  delete env.NODE_EXTRA_CA_CERTS;
  const medians = timeInterleaved(
    [
      { label: 'node -e 0', argv: [node, '-e', '0'] },
      { label: 'search 屋顶', argv: [node, bin, 'search', '屋顶', '--format', 'tsv'] },
      { label: 'search 修 路', argv: [node, bin, 'search', '修', '路', '--format', 'tsv'] },
    ],
    rounds,
    env,
  );
  const base = medians.get('node -e 0')!;
  for (const [k, v] of medians) process.stdout.write(`median ${k}: ${v.toFixed(1)} ms\n`);
  const { indexMb, fileMb } = await indexShare(dbPath);
  process.stdout.write(`search index: ${indexMb.toFixed(1)} MB of the ${fileMb.toFixed(1)} MB ledger (${((100 * indexMb) / (fileMb - indexMb)).toFixed(1)}% growth)\n`);
  return [
    { name: 'fs search 屋顶 (1,000,000 visits) / node -e 0', value: medians.get('search 屋顶')! / base, limit: 5, unit: 'x' },
    { name: 'fs search 修 路 (1,000,000 visits) / node -e 0', value: medians.get('search 修 路')! / base, limit: 5, unit: 'x' },
  ];
}
