// Runs the CLI's own main() inside the test process: thousands of argument vectors in seconds,
// where spawning the bin would take minutes. Same code path as the bin, minus Node's start-up.
import type { RunResult } from './cli.js';

type Main = (argv: string[]) => Promise<number>;
let mainFn: Main | undefined;

/** src/main.ts runs itself on import: give it a harmless command (--version) that first time. */
async function loadMain(): Promise<Main> {
  if (mainFn) return mainFn;
  const argv = process.argv;
  const write = process.stdout.write;
  process.argv = ['node', 'fs', '--version'];
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    const mod = (await import('../../src/main.js')) as { main: Main };
    await new Promise((r) => setTimeout(r, 10));
    mainFn = mod.main;
  } finally {
    process.argv = argv;
    process.stdout.write = write;
    process.exitCode = undefined;
  }
  return mainFn;
}

let queue: Promise<unknown> = Promise.resolve();

/** One run of `fs ...args` in this process, with these environment variables; runs are serialised. */
export function runInProcess(args: string[], env: Record<string, string>): Promise<RunResult> {
  const run = async (): Promise<RunResult> => {
    const main = await loadMain();
    const saved: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    const out: string[] = [];
    const err: string[] = [];
    const stdoutWrite = process.stdout.write;
    const stderrWrite = process.stderr.write;
    process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const code = await main(['node', 'fs', ...args]);
      return { code, stdout: out.join(''), stderr: err.join('') };
    } finally {
      process.stdout.write = stdoutWrite;
      process.stderr.write = stderrWrite;
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      process.exitCode = undefined;
    }
  };
  const p = queue.then(run, run);
  queue = p.catch(() => undefined);
  return p;
}
