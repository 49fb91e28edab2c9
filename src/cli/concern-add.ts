// fs concern add: a concern raised by phone, at the office, or later in a visit already recorded.
// Flags first, checked before anything is opened; on a terminal, questions for what is missing.
import { checkNewConcern, defaultConcernDue, type NewConcern } from '../domain/concerns.js';
import { personRef } from '../domain/people.js';
import { getConcern, insertConcern } from '../db/concerns.js';
import { findPeopleByName } from '../db/people.js';
import { getNumberSetting } from '../db/settings.js';
import { write } from '../db/store.js';
import { getVisit } from '../db/visits.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { askConcernAdd } from '../prompts/concern.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { emitRecord, optionalDate, parseId, pastDate, requireFlags, type OutputOptions } from './shared/options.js';
import { resolvePerson } from './shared/person.js';

export interface ConcernAddFlags extends OutputOptions {
  person?: string;
  text?: string;
  date?: string;
  visit?: string;
  due?: string;
}

export async function addConcern(ctx: Context, o: ConcernAddFlags): Promise<void> {
  const text = o.text?.trim() || undefined;
  const date = pastDate(o.date, ctx);
  const due = optionalDate(o.due, ctx);
  const visitId = o.visit === undefined ? undefined : parseId(o.visit);
  // A visit names its person: --person may be left out.
  const missing = [o.person === undefined && visitId === undefined ? '--person' : '', text === undefined ? '--text' : ''].filter(Boolean);
  const asking = ctx.interactive && missing.length > 0;
  if (!asking) requireFlags(missing);
  const db = await ctx.db();
  const visit = visitId === undefined ? null : getVisit(db, visitId);
  const dueDays = getNumberSetting(db, 'concern.due_days');
  const known = { person: o.person ?? (visit ? `#${visit.person_id}` : undefined), text, raised_on: date ?? visit?.date ?? ctx.today, due_on: due };
  const answers = asking
    ? await askConcernAdd(
        known,
        ctx.today,
        (value) => {
          const r = personRef(value);
          return 'id' in r || findPeopleByName(db, r.name).length > 0 || t('err.person_unknown', { name: r.name });
        },
        (raised) => defaultConcernDue(raised, dueDays),
      )
    : { ...known, person: known.person!, text: known.text!, due_on: known.due_on ?? defaultConcernDue(known.raised_on, dueDays) };
  const person = (await resolvePerson(db, ctx, answers.person))!;
  const concern: NewConcern = {
    person_id: person.id,
    visit_id: visit?.id ?? null,
    raised_on: answers.raised_on,
    text: answers.text,
    due_on: answers.due_on ?? defaultConcernDue(answers.raised_on, dueDays),
  };
  const refused = checkNewConcern(concern, visit);
  if (refused?.error === 'visit_person') throw new UsageError('err.concern_visit_person', { visit: visit!.id, visit_person: refused.visit_person, person: person.name });
  if (refused?.error === 'before_visit') throw new UsageError('err.concern_before_visit', { date: concern.raised_on, visit: visit!.id, visit_date: refused.visit_date });
  if (refused?.error === 'due_before_raised') throw new UsageError('err.concern_due_before_raised', { due: concern.due_on, raised: concern.raised_on });
  const id = write(db, () => insertConcern(db, concern));
  if (asking) writeErr(t('msg.concern_added', { id, person: person.name, due: concern.due_on }));
  emitRecord(id, () => getConcern(db, id), o);
}
