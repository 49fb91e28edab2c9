// Turning a `--person` value (an id or a name) into one roster person.
import { personRef, type Person } from '../../domain/people.js';
import { findPeopleByName, getPerson, getPersonEvenRemoved } from '../../db/people.js';
import type { Db } from '../../db/open.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { ask } from '../../prompts/index.js';
import { label, t } from '../../i18n/index.js';
import type { Context } from './context.js';

export function describePerson(p: Person): string {
  const where = [p.household, p.group].filter(Boolean).join(', ');
  return `#${p.id} ${p.name}${where ? ` (${where})` : ''}`;
}

/**
 * One person for `value`. Several with that name: asks on a terminal, otherwise fails listing
 * the candidates with their ids. None: `undefined` when `allowMissing`, else a NotFoundError.
 */
/**
 * A `--person` filter over past records: an id finds someone removed from the roster too (their
 * visits and concerns are still there); a name, someone on the roster.
 */
export async function resolvePersonFilter(db: Db, ctx: Context, value: string): Promise<Person> {
  const ref = personRef(value);
  if ('id' in ref) return getPersonEvenRemoved(db, ref.id);
  return (await resolvePerson(db, ctx, value))!;
}

export async function resolvePerson(db: Db, ctx: Context, value: string, allowMissing = false): Promise<Person | undefined> {
  const ref = personRef(value);
  if ('id' in ref) return getPerson(db, ref.id);
  const matches = findPeopleByName(db, ref.name);
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    if (allowMissing) return undefined;
    throw new NotFoundError('err.person_unknown', { name: ref.name });
  }
  if (!ctx.interactive) {
    throw new UsageError('err.person_ambiguous', { name: ref.name, count: matches.length, candidates: matches.map(describePerson).join('; ') });
  }
  const id = await ask((p) =>
    p.select({
      message: t('prompt.which_person', { name: ref.name }),
      choices: matches.map((m) => ({ name: `${describePerson(m)} ${m.tags.map((k) => label('person_tag', k)).join(' ')}`, value: m.id })),
    }),
  );
  return matches.find((m) => m.id === id);
}
