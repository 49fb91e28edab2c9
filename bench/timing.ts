// Timing helpers for `npm run bench`: whole-process runs, interleaved, medians, ratios.
import { spawnSync } from 'node:child_process';

export interface Runner {
  label: string;
  argv: string[];
  env?: Record<string, string>;
}

/**
 * Variables removed from every side of every ratio. NODE_EXTRA_CA_CERTS makes each Node start read
 * and parse a CA bundle (~50 ms here): added to both sides alike it inflates the baseline and hides
 * what fs itself costs.
 */
export const REMOVED_VARIABLES = ['NODE_EXTRA_CA_CERTS'] as const;

/** The environment every benchmarked run gets: this one without REMOVED_VARIABLES, plus `extra`. */
export function benchEnv(extra: Record<string, string> = {}, from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...from, ...extra };
  for (const k of REMOVED_VARIABLES) delete env[k];
  return env;
}

/** The line the benchmark prints about it, naming which were set. */
export function removedVariablesNote(from: NodeJS.ProcessEnv = process.env): string {
  const set = REMOVED_VARIABLES.filter((k) => from[k] !== undefined);
  return `environment: ${REMOVED_VARIABLES.join(', ')} removed from both sides of every ratio (${set.length ? `was set: ${set.join(', ')}` : 'was not set'})`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timeOnce(r: Runner, baseEnv: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const res = spawnSync(r.argv[0]!, r.argv.slice(1), { env: benchEnv(r.env, baseEnv), stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 0) throw new Error(`${r.label} exited ${res.status}: ${res.stderr}`);
  return ms;
}

/**
 * Runs every runner `rounds` times, interleaved (a, b, c, a, b, c, ...) so that machine noise hits
 * all sides alike, after a warm-up round. Every side gets the same environment, without REMOVED_VARIABLES.
 */
export function timeInterleaved(runners: Runner[], rounds: number, baseEnv: NodeJS.ProcessEnv = process.env): Map<string, number> {
  const samples = new Map<string, number[]>(runners.map((r) => [r.label, []]));
  for (const r of runners) timeOnce(r, baseEnv);
  for (let i = 0; i < rounds; i++) for (const r of runners) samples.get(r.label)!.push(timeOnce(r, baseEnv));
  return new Map([...samples].map(([k, v]) => [k, median(v)]));
}

/** Peak resident memory (MB) of one run, from /usr/bin/time when available, else undefined. */
export function peakMemoryMb(r: Runner, baseEnv: NodeJS.ProcessEnv = process.env): number | undefined {
  const res = spawnSync('/usr/bin/time', ['-f', '%M', ...r.argv], { env: benchEnv(r.env, baseEnv), encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (res.error || res.status !== 0) return undefined;
  const kb = Number(res.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

export interface Target {
  name: string;
  value: number;
  limit: number;
  unit: string;
  /** 'max': value must be <= limit; 'min': value must be >= limit */
  kind?: 'max' | 'min';
}

export function report(targets: Target[]): boolean {
  let ok = true;
  for (const t of targets) {
    const pass = t.kind === 'min' ? t.value >= t.limit : t.value <= t.limit;
    ok &&= pass;
    const op = t.kind === 'min' ? '>=' : '<=';
    process.stdout.write(`${pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value.toFixed(2)}${t.unit} (target ${op} ${t.limit}${t.unit})\n`);
  }
  return ok;
}
