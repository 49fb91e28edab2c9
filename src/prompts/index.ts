// The prompt library is loaded only when a prompt is really shown (a terminal on both ends).
import { createRequire } from 'node:module';
import { CancelledError } from '../errors.js';
import { t } from '../i18n/index.js';
import { localise } from './localise.js';
import { plainText } from '../i18n/plain.js';

type Inquirer = typeof import('@inquirer/prompts');

let loaded: Inquirer | undefined;

// A question shows stored text (the name in "remove 张三?", a default to edit): cleaned of
// controls and invisible characters before inquirer writes it to the terminal.
const cleanLine = (v: unknown) => (typeof v === 'string' ? plainText(v).replace(/[\t\n]/g, ' ') : v);
function cleanConfig(config: unknown): unknown {
  if (typeof config !== 'object' || config === null) return config;
  const c = { ...(config as Record<string, unknown>) };
  c.message = cleanLine(c.message);
  if (typeof c.default === 'string') c.default = plainText(c.default);
  if (Array.isArray(c.choices)) {
    c.choices = c.choices.map((ch: unknown) =>
      typeof ch === 'object' && ch !== null
        ? Object.fromEntries(Object.entries(ch).map(([k, v]) => [k, k === 'name' || k === 'description' ? cleanLine(v) : v]))
        : ch,
    );
  }
  return c;
}

/** The prompt library with every question's text cleaned (see cleanConfig). */
function cleaned(lib: Inquirer): Inquirer {
  return new Proxy(lib, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function' || prop === 'Separator') return v;
      return (config: unknown, ...rest: unknown[]) => (v as (...a: unknown[]) => unknown)(cleanConfig(config), ...rest);
    },
  });
}

/**
 * Run a question set. Ctrl-C (inquirer's ExitPromptError) becomes a CancelledError: exit 130, nothing written.
 * An unhandled ExitPromptError would otherwise end the process with exit 0.
 */
export async function ask<T>(questions: (p: Inquirer) => Promise<T>): Promise<T> {
  // require, not import(): the CLI bundle is CommonJS compiled through V8's code cache (bin/fs.js).
  loaded ??= localise(createRequire(import.meta.url)('@inquirer/prompts') as Inquirer);
  loaded ??= cleaned(createRequire(import.meta.url)('@inquirer/prompts') as Inquirer);
  try {
    return await questions(loaded);
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
      throw new CancelledError('err.cancelled');
    }
    throw e;
  }
}

/** An optional text answer: empty means none. */
export function optionalText(s: string): string | null {
  const v = s.trim();
  return v === '' ? null : v;
}

/** An inquirer `validate` from a parser: the parser's error message is shown under the question. */
export function accepts(parse: (v: string) => unknown): (v: string) => true | string {
  return (v) => {
    try {
      parse(v);
      return true;
    } catch (e) {
      return (e as Error).message;
    }
  };
}
