// fs dispute add: register a case (flags, or questions on a terminal for what is missing).
import {
  checkIntake,
  DISPUTE_CATEGORIES,
  DISPUTE_SOURCES,
  PETITION_CHANNELS,
  RISK_FLAGS,
  RISK_LEVELS,
  type DisputeSource,
} from '../domain/dispute.js';
import { manyOf, oneOf } from '../domain/keys.js';
import type { Person } from '../domain/people.js';
import { insertDispute, type PartyInput } from '../db/dispute.js';
import { updatePerson } from '../db/people.js';
import { write } from '../db/store.js';
import { getVisit } from '../db/visits.js';
import { UsageError } from '../errors.js';
import { askDispute, askTagPetitioner, type DisputeAnswers } from '../prompts/dispute.js';
import { joinList, label, t } from '../i18n/index.js';
import { oneLine } from '../render/escape.js';
import type { Db } from '../db/open.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { emitRecord, optionalDate, parseId, requireFlags, type OutputOptions } from './shared/options.js';
import { describePerson, resolvePerson } from './shared/person.js';
import { disputeRecord } from './dispute-view.js';

export interface AddFlags extends OutputOptions {
  title?: string;
  category?: string;
  party?: string[];
  source?: string;
  channel?: string;
  risk?: string;
  flag?: string[];
  date?: string;
  description?: string;
  visit?: string;
  tagPetitioner?: boolean;
}

/** Every flag value is checked before anything is opened or asked: a typo never half-registers a case. */
function parseAddFlags(o: AddFlags, ctx: Context) {
  const text = (v: string | undefined, flag: string) => {
    if (v !== undefined && v.trim() === '') throw new UsageError('dispute.err.flag_empty', { flag });
    return v?.trim();
  };
  const parties = (o.party ?? []).map((p) => text(p, '--party')!);
  const visit_id = o.visit === undefined ? undefined : parseId(o.visit);
  const source = o.source === undefined ? (visit_id !== undefined ? 'visit' : undefined) : oneOf(DISPUTE_SOURCES, o.source, t('dispute.what.source'));
  return {
    title: text(o.title, '--title'),
    category: o.category === undefined ? undefined : oneOf(DISPUTE_CATEGORIES, o.category, t('dispute.what.category')),
    source: source as DisputeSource | undefined,
    channel: o.channel === undefined ? undefined : oneOf(PETITION_CHANNELS, o.channel, t('dispute.what.channel')),
    risk: o.risk === undefined ? undefined : oneOf(RISK_LEVELS, o.risk, t('dispute.what.risk')),
    flags: manyOf(RISK_FLAGS, o.flag ?? [], t('dispute.what.flag')),
    date: optionalDate(o.date, ctx),
    description: text(o.description, '--description'),
    visit_id,
    parties,
  };
}

/** For the "which visit" question: an id that names a visit, or why not. */
export function visitChecker(db: Db): (id: number) => true | string {
  return (id) => {
    try {
      getVisit(db, id);
      return true;
    } catch {
      return t('err.visit_missing', { id });
    }
  };
}

export function intakeError(problem: ReturnType<typeof checkIntake>): UsageError | undefined {
  if (problem === 'petition_needs_channel') return new UsageError('dispute.err.petition_needs_channel', { choices: PETITION_CHANNELS.join(', ') });
  if (problem === 'channel_only_for_petition') return new UsageError('dispute.err.channel_only_for_petition');
  return undefined;
}

export async function addDispute(ctx: Context, o: AddFlags): Promise<void> {
  const f = parseAddFlags(o, ctx);
  const missing = [
    ...(f.title ? [] : ['--title']),
    ...(f.category ? [] : ['--category']),
    ...(f.parties.length ? [] : ['--party']),
    ...(f.source ? [] : ['--source']),
  ];
  const problem = f.source ? checkIntake(f.source, f.channel) : undefined;
  const asking = ctx.interactive && (missing.length > 0 || problem === 'petition_needs_channel');
  if (!asking) {
    requireFlags(missing);
    const err = intakeError(problem);
    if (err) throw err;
  }
  const db = await ctx.db();
  let visit = f.visit_id === undefined ? undefined : getVisit(db, f.visit_id);
  let a: DisputeAnswers = {
    title: f.title ?? '',
    category: f.category!,
    source: f.source!,
    channel: f.channel ?? null,
    parties: f.parties,
    risk: f.risk ?? null,
    flags: f.flags,
    date: f.date ?? visit?.date ?? ctx.today,
    description: f.description ?? null,
    visit_id: visit?.id ?? null,
  };
  if (asking) {
    a = await askDispute(a, ctx.today, { checkVisit: visitChecker(db), visitDate: f.date === undefined ? (v) => getVisit(db, v).date : undefined });
    visit = a.visit_id == null ? undefined : getVisit(db, a.visit_id);
    const err = intakeError(checkIntake(a.source, a.channel ?? undefined));
    if (err) throw err;
  }
  if (a.date > ctx.today) throw new UsageError('dispute.err.after_today', { date: a.date, today: ctx.today });

  // Parties: a roster person by id or by name, else a plain name (kept as typed).
  const parties: Array<{ person?: Person; name: string }> = [];
  for (const ref of a.parties) {
    const person = await resolvePerson(db, ctx, ref, true);
    if (person ? parties.some((p) => p.person?.id === person.id) : parties.some((p) => !p.person && p.name === ref)) continue;
    parties.push({ person, name: person?.name ?? ref });
  }

  // The petitioner (the first party) becomes a key petition household on the roster.
  const toTag: Person[] = [];
  const first = parties[0]!;
  if (o.tagPetitioner) {
    if (!first.person) throw new UsageError('dispute.err.tag_needs_roster', { name: first.name });
    if (!first.person.tags.includes('petitioner')) toTag.push(first.person);
  } else if (ctx.interactive && a.source === 'petition') {
    for (const [i, p] of parties.entries()) {
      if (p.person && !p.person.tags.includes('petitioner') && (await askTagPetitioner(describePerson(p.person), i === 0))) toTag.push(p.person);
    }
  }
  if (a.source === 'petition' && !first.person) writeErr(t('dispute.msg.petitioner_not_on_roster', { name: first.name }));

  const partyInputs: PartyInput[] = parties.map((p) => (p.person ? { person_id: p.person.id } : { name: p.name }));
  const id = write(db, () => {
    const newId = insertDispute(
      db,
      {
        title: a.title,
        category: a.category,
        source: a.source,
        channel: a.source === 'petition' ? a.channel : null,
        risk: a.risk,
        flags: a.flags,
        registered_on: a.date,
        description: a.description,
        visit_id: visit?.id ?? null,
      },
      partyInputs,
    );
    for (const p of toTag) updatePerson(db, p.id, { tags: [...p.tags, 'petitioner'] }, ctx.today);
    return newId;
  });
  for (const p of toTag) writeErr(t('dispute.msg.tagged', { person: describePerson(p) }));
  if (asking) {
    const d = disputeRecord(db, id, ctx.today) as { title: string; category: string; parties: Array<{ name: string }> };
    writeErr(oneLine(t('msg.saved_dispute', { id, title: d.title, category: label('dispute_category', d.category), parties: joinList(d.parties.map((p) => p.name)) })));
  }
  emitRecord(id, () => disputeRecord(db, id, ctx.today), o);
}
