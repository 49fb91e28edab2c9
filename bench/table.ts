// Terminal tables at scale (issue 12): 20,000 rows in a table against `node -e 0`, 200,000 rows
// without error, and one visit with a 100,000-character note shown within a second.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { schemaTag } from './schema-tag.js';
import { write } from '../src/db/store.js';
import { insertVisit } from '../src/db/visits.js';
import { addPeople, addVisits, buildOnce, rng } from './generate.js';
import { median, timeInterleaved, type Target } from './timing.js';

const NOTE_CHARS = 100_000;

/** A note as long as a diary: Chinese sentences with some Latin and digits, so wrapping takes every path. */
function longNote(): string {
  const sentence = '屋顶漏雨，王大妈担心冬天，希望雪前修好。The roof leaks near the east wall (about 2 m²). ';
  return sentence.repeat(Math.ceil(NOTE_CHARS / sentence.length)).slice(0, NOTE_CHARS);
}

export async function tableBench(bin: string, cache: string): Promise<Target[]> {
  const db = join(cache, `table-200k-${schemaTag()}.db`);
  process.stdout.write(`building ${db} (200,000 visits, one with a ${NOTE_CHARS.toLocaleString('en')}-character note) if missing...\n`);
  await buildOnce(db, (d) => {
    const rand = rng(3);
    const roster = addPeople(d, 2_000, rand);
    addVisits(d, roster, 199_999, '2024-01-01', 3 * 365, rand);
    const p = roster.people[0]!;
    write(d, () => insertVisit(d, { date: '2026-11-20', person_id: p.id, household_id: p.household_id, category: 'other', topics: ['hardship'], notes: longNote(), place: null }, [], 30));
  });
  const node = process.execPath;
  // NODE_EXTRA_CA_CERTS, when set, slows every Node start by ~50 ms and hides the ratio: both sides run without it.
  const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
  const env = { ...base, FS_DB: db, FS_TODAY: '2026-11-27', FS_LANG: 'en', COLUMNS: '80' };
  const rounds = Math.max(5, Math.floor(Number(process.env.BENCH_ROUNDS ?? 25) / 3));
  const medians = timeInterleaved(
    [
      { label: 'node -e 0', argv: [node, '-e', '0'] },
      { label: 'visit list 20,000 table', argv: [node, bin, 'visit', 'list', '--limit', '20000', '--format', 'table'] },
      { label: 'visit show long note', argv: [node, bin, 'visit', 'show', '200000', '--format', 'table'] },
    ],
    rounds,
    env,
  );
  for (const [k, v] of medians) process.stdout.write(`median ${k}: ${v.toFixed(1)} ms\n`);
  const all = timeAll(node, bin, env);
  process.stdout.write(`visit list --limit 0 --format table (200,000 rows): ${all.ms.toFixed(0)} ms, exit ${all.status}, ${all.lines.toLocaleString('en')} lines\n`);
  return [
    { name: 'fs visit list --limit 20000 --format table / node -e 0', value: medians.get('visit list 20,000 table')! / medians.get('node -e 0')!, limit: 10, unit: 'x' },
    { name: 'fs visit list --limit 0 --format table (200,000 rows) exits 0', value: all.status === 0 && all.lines > 200_000 ? 1 : 0, limit: 1, unit: '', kind: 'min' },
    { name: `fs visit show (a ${NOTE_CHARS.toLocaleString('en')}-character note)`, value: medians.get('visit show long note')! / 1000, limit: 1, unit: ' s' },
  ];
}

/** One run of the whole 200,000-row table (it takes a while), its output counted, not kept. */
function timeAll(node: string, bin: string, env: NodeJS.ProcessEnv): { ms: number; status: number | null; lines: number } {
  const times: number[] = [];
  let status: number | null = null;
  let lines = 0;
  for (let i = 0; i < 1; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(node, [bin, 'visit', 'list', '--limit', '0', '--format', 'table'], { env, maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = r.status;
    lines = r.stdout.toString('utf8').split('\n').length;
    if (r.status !== 0) process.stdout.write(`  stderr: ${r.stderr.toString('utf8').slice(0, 500)}\n`);
  }
  return { ms: median(times), status, lines };
}
