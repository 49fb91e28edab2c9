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
    const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>(), getLang(), process.env, commandName(cmd));
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

/**
 * "plan milestone add" and the flags given (never their values: a name or a phone can be in them):
 * what the change set of this run is called in fs history and fs undo.
 */
export function commandName(cmd: Command): { name: string; flags: string[] } {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  const flags = cmd.options.filter((o) => cmd.getOptionValueSource(o.attributeName()) === 'cli').map((o) => o.long ?? o.short ?? o.name());
  return { name: names.join(' '), flags: [...new Set(flags)].sort() };
}
