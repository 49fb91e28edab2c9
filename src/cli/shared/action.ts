import type { Command } from 'commander';
import { getLang } from '../../i18n/index.js';
import { makeContext, type Context, type GlobalOptions } from './context.js';
import { checkOutputPath } from './io.js';

/**
 * Wrap a command's action: build its Context from the global options and close the database after.
 * The handler receives the context, then commander's positional arguments and options.
 */
export function action<A extends unknown[]>(fn: (ctx: Context, ...args: A) => Promise<void> | void) {
  return async (...args: unknown[]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>(), getLang());
    // An -o that would overwrite the database (or is no file) is refused before anything is opened.
    const output = (cmd.opts() as { output?: unknown }).output;
    if (typeof output === 'string') checkOutputPath(output);
    try {
      await fn(ctx, ...(args.slice(0, -1) as A));
    } finally {
      ctx.close();
    }
  };
}
