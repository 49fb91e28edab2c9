import type { Command } from 'commander';
import { getLang } from '../../i18n/index.js';
import { makeContext, type Context, type GlobalOptions } from './context.js';

/**
 * Wrap a command's action: build its Context from the global options and close the database after.
 * The handler receives the context, then commander's positional arguments and options.
 */
export function action<A extends unknown[]>(fn: (ctx: Context, ...args: A) => Promise<void> | void) {
  return async (...args: unknown[]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>(), getLang());
    try {
      await fn(ctx, ...(args.slice(0, -1) as A));
    } finally {
      ctx.close();
    }
  };
}
