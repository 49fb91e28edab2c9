// Drive the CLI on a real pseudo-terminal through tmux: type keys, read the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN } from './cli.js';
import { childEnv } from './env.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PtySession {
  /** Send keys (tmux send-keys syntax: 'Enter', 'Down', 'Space', 'C-c', or literal text with literal=true). */
  keys(...keys: string[]): void;
  type(text: string): void;
  screen(): string;
  /** Wait until the screen contains `text` (or a regexp matches). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Wait for the program to end; returns its exit code. */
  exitCode(timeoutMs?: number): Promise<number>;
  kill(): void;
}

let counter = 0;

export function startPty(args: string[], env: Record<string, string>, size: { width: number; height: number } = { width: 160, height: 50 }): PtySession {
  const name = `fs-test-${process.pid}-${++counter}`;
  const codeFile = `/tmp/${name}.code`;
  // env -i: the tmux server keeps the environment of whoever started it (maybe FS_NO_INPUT=1).
  const vars = childEnv({ TERM: 'xterm-256color', ...env });
  const envArgs = Object.entries(vars).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const shell = `env -i ${envArgs} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${quoted}; echo $? > ${codeFile}; sleep 30`;
  execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', String(size.width), '-y', String(size.height), shell]);
  const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
  return {
    keys: (...keys) => execFileSync('tmux', ['send-keys', '-t', name, ...keys]),
    type: (text) => execFileSync('tmux', ['send-keys', '-t', name, '-l', text]),
    screen,
    async waitFor(text, timeoutMs = 10_000) {
      const start = Date.now();
      for (;;) {
        const s = screen();
        if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; screen:\n${s}`);
        await sleep(50);
      }
    },
    async exitCode(timeoutMs = 10_000) {
      const start = Date.now();
      for (;;) {
        try {
          const code = execFileSync('cat', [codeFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
          if (code !== '') return Number(code);
        } catch {
          // not finished yet
        }
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for exit; screen:\n${screen()}`);
        await sleep(50);
      }
    },
    kill() {
      spawnSync('tmux', ['kill-session', '-t', name]);
      spawnSync('rm', ['-f', codeFile]);
    },
  };
}
