// The work report as a Word file on the 1M-visit ledger: `fs report last-month --format docx` and
// `last-year`, each timed against `node -e 0` in the same interleaved run, and their peak memory.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { timeInterleaved, type Target } from './timing.js';

export function documentBench(node: string, bin: string, cache: string, env: NodeJS.ProcessEnv, rounds: number): Target[] {
  const out = (name: string) => join(cache, name);
  const runs = [
    { label: 'node -e 0', argv: [node, '-e', '0'] },
    { label: 'report last-month docx', argv: [node, bin, 'report', 'last-month', '--format', 'docx', '-o', out('last-month.docx')] },
    { label: 'report last-year docx', argv: [node, bin, 'report', 'last-year', '--format', 'docx', '-o', out('last-year.docx')] },
  ];
  const medians = timeInterleaved(runs, rounds, env);
  const base = medians.get('node -e 0')!;
  for (const [k, v] of medians) process.stdout.write(`median ${k}: ${v.toFixed(1)} ms\n`);
  const peak = (args: string[]) => {
    const file = join(cache, 'maxrss-docx.txt');
    rmSync(file, { force: true });
    const r = spawnSync(node, ['-r', join(__dirname, '..', 'bench', 'maxrss.cjs'), bin, ...args], { env: { ...env, FS_BENCH_RSS_FILE: file }, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`fs ${args.join(' ')} exited ${r.status}`);
    return Number(readFileSync(file, 'utf8')) / 1024;
  };
  return [
    { name: 'fs report last-month --format docx / node -e 0', value: medians.get('report last-month docx')! / base, limit: 15, unit: 'x' },
    { name: 'fs report last-year --format docx / node -e 0', value: medians.get('report last-year docx')! / base, limit: 15, unit: 'x' },
    { name: 'peak memory of fs report last-month --format docx', value: peak(['report', 'last-month', '--format', 'docx', '-o', out('last-month.docx')]), limit: 150, unit: ' MB' },
    { name: 'peak memory of fs report last-year --format docx', value: peak(['report', 'last-year', '--format', 'docx', '-o', out('last-year.docx')]), limit: 150, unit: ' MB' },
  ];
}
