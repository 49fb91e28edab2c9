// Validation of canonical keys (DOMAIN.md). Every list of keys is a const array in its domain file;
// this turns a typed value into a member of that list or a UsageError naming the choices.
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';

export function oneOf<T extends string>(list: readonly T[], value: string, what: string): T {
  if ((list as readonly string[]).includes(value)) return value as T;
  throw new UsageError('err.bad_choice', { what, value, choices: list.join(', ') });
}

export function manyOf<T extends string>(list: readonly T[], values: readonly string[], what: string): T[] {
  const out: T[] = [];
  for (const v of values) {
    const k = oneOf(list, v, what);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}
