// Turning a `--person` value (an id or a name) into one roster person.
import { personRef, type Person } from '../../domain/people.js';
import { nearNames } from '../../domain/near.js';
import { findPeopleByName, getPerson, getPersonEvenRemoved, listPeople } from '../../db/people.js';
import type { Db } from '../../db/open.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { ask } from '../../prompts/index.js';
import { askDidYouMean } from '../../prompts/person.js';
import { joinList, label, t } from '../../i18n/index.js';
import type { Context } from './context.js';

export function describePerson(p: Person): string {
  const where = [p.household, p.group].filter(Boolean).join(', ');
  return `#${p.id} ${p.name}${where ? ` (${where})` : ''}`;
}

/** "王秀英 (#3, 王家, 一组)": a near name offered or listed. */
export function describeNear(p: Person): string {
  const parts = [`#${p.id}`, p.household, p.group].filter(Boolean) as string[];
  return t('person.near', { name: p.name, where: joinList(parts) });
}

/** People on the roster whose names are close to `name` (one character off, or a prefix). */
export function nearPeople(db: Db, name: string): Person[] {
  return nearNames(name, listPeople(db));
}

/**
 * One person for `value`. Several with that name: asks on a terminal, otherwise fails listing
 * the candidates with their ids. None: on a terminal, offers the near names first ("did you mean
 * 王秀英 (#3, 王家, 一组)?"); then `undefined` when `allowMissing`, else a NotFoundError that
 * lists the near names.
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
    const near = nearPeople(db, ref.name);
    if (ctx.interactive && near.length) {
      const picked = await askDidYouMean(near.map((p) => ({ id: p.id, text: describeNear(p) })));
      if (picked !== undefined) return near.find((p) => p.id === picked);
    }
    if (allowMissing) return undefined;
    throw unknownPerson(ref.name, near);
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

/** No one by that name: the error names the near ones when there are some. */
export function unknownPerson(name: string, near: Person[]): NotFoundError {
  if (near.length) return new NotFoundError('err.person_unknown_near', { name, candidates: joinList(near.map(describeNear)) });
  return new NotFoundError('err.person_unknown', { name });
}
