// What every command gets: the resolved global options, "today", whether it may prompt, the database.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openDatabase, resolveDbPath, type Db } from '../../db/open.js';
import { beginChangeSet } from '../../db/store.js';
import { UsageError } from '../../errors.js';
import { type Lang } from '../../i18n/index.js';
import { parseDate, systemToday, type IsoDate } from '../../time/dates.js';
import { protectDatabase, writeErr } from './io.js';

export interface GlobalOptions {
  db?: string;
  lang?: string;
  today?: string;
  /** commander's --no-input sets this to false */
  input?: boolean;
  color?: boolean;
}

export interface Context {
  today: IsoDate;
  lang: Lang;
  /** Prompts allowed: stdin and stdout are terminals, and neither --no-input nor FS_NO_INPUT=1. */
  interactive: boolean;
  /** stdout is a terminal (decides the default format). */
  stdoutIsTTY: boolean;
  dbPath: string;
  db(): Promise<Db>;
  close(): void;
}

export function makeContext(g: GlobalOptions, lang: Lang, env: NodeJS.ProcessEnv = process.env, command?: { name: string; flags: string[] }): Context {
  // An empty value is a mistake (a script's unset variable), never "use the default": that would be the real ledger.
  if (g.db !== undefined && g.db.trim() === '') throw new UsageError('err.empty_option', { flag: '--db' });
  if (g.today !== undefined && g.today.trim() === '') throw new UsageError('err.empty_option', { flag: '--today' });
  const todayInput = g.today ?? env.FS_TODAY;
  const today = todayInput ? parseDate(todayInput, systemToday()) : systemToday();
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  // isatty(0), not process.stdin.isTTY: touching process.stdin builds a stream (milliseconds) that
  // commands without prompts never use. Asked only when stdout is a terminal: node:tty loads
  // node:net, a millisecond that a piped or redirected run does not need.
  const interactive = stdoutIsTTY && g.input !== false && env.FS_NO_INPUT !== '1' && stdinIsTTY();
  const dbPath = resolveDbPath(g.db, env);
  protectDatabase(dbPath);
  let handle: Db | undefined;
  return {
    today,
    lang,
    interactive,
    stdoutIsTTY,
    dbPath,
    async db() {
      if (!handle) {
        if (isDirectory(dbPath)) throw new UsageError('err.db_is_dir', { path: dbPath });
        handle = await openDatabase(dbPath, { notice: writeErr });
        // Every write of this run goes into one change set named after the command.
        if (command) beginChangeSet(handle, command.name, command.flags);
      }
      return handle;
    },
    close() {
      if (handle?.open) handle.close();
      handle = undefined;
    },
  };
}

function stdinIsTTY(): boolean {
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(0);
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
