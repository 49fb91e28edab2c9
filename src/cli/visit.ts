// fs visit: household visits (五必访五必问).
import { Command } from 'commander';
import { manyOf, oneOf } from '../domain/keys.js';
import { PERSON_TAGS, type Person, type PersonInput } from '../domain/people.js';
import { categoryForTags, VISIT_CATEGORIES, VISIT_TOPICS, type VisitCategory, type VisitTopic } from '../domain/visits.js';
import { listConcerns } from '../db/concerns.js';
import { getPerson, getPersonEvenRemoved, insertPerson } from '../db/people.js';
import { getNumberSetting } from '../db/settings.js';
import { write } from '../db/store.js';
import { listVisitLines } from '../db/visit-lines.js';
import { countVisits, deleteVisit, getVisit, insertVisit, listVisits, updateVisit } from '../db/visits.js';
import { NotFoundError, UsageError } from '../errors.js';
import { askCreatePerson, askPersonRef, askVisit } from '../prompts/visit.js';
import { askPerson } from '../prompts/person.js';
import { concernListing } from '../render/concerns.js';
import { t } from '../i18n/index.js';
import { recordListing } from '../render/output.js';
import { visitFields, visitListing } from '../render/visits.js';
import { action } from './shared/action.js';
import { confirmOrYes } from './shared/confirm.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, addRangeOptions, collect, emitDocument, emitListing, emitRecord, parseId, pastDate, parseWholeNumber, requireFlags, resolveFormat, resolveRange, type OutputOptions, type RangeOptions } from './shared/options.js';
import { nearPeople, resolvePerson, resolvePersonFilter, unknownPerson } from './shared/person.js';
import { oneLine } from '../render/escape.js';
import { coverageCommand } from './visit-coverage.js';
import { disputesFoundInVisit } from './dispute-view.js';

interface VisitFlags extends OutputOptions {
  date?: string;
  person?: string;
  newPerson?: boolean;
  household?: string;
  group?: string;
  tag?: string[];
  category?: string;
  topic?: string[];
  notes?: string;
  place?: string;
  concern?: string[];
  yes?: boolean;
}

const DEFAULT_LIMIT = 50;

/** Flags checked before anything is opened or asked: a typo never half-records a visit. */
function parseVisitFlags(o: VisitFlags, ctx: Context) {
  const concerns = (o.concern ?? []).map((c) => c.trim());
  if (concerns.some((c) => c === '')) throw new UsageError('err.concern_text_empty');
  return {
    // The ledger records visits made, not planned: a date after today is a typo.
    date: pastDate(o.date, ctx),
    category: o.category === undefined ? undefined : oneOf(VISIT_CATEGORIES, o.category, t('what.category')),
    topics: o.topic === undefined ? undefined : manyOf(VISIT_TOPICS, o.topic, t('what.topic')),
    tags: manyOf(PERSON_TAGS, o.tag ?? [], t('what.tag')),
    notes: o.notes?.trim() || undefined,
    place: o.place?.trim() || undefined,
    concerns,
  };
}

async function addVisit(ctx: Context, o: VisitFlags): Promise<void> {
  const f = parseVisitFlags(o, ctx);
  const asking = ctx.interactive && o.person === undefined;
  if (!asking && o.person === undefined) requireFlags(['--person']);
  const db = await ctx.db();
  let ref = asking ? await askPersonRef() : o.person!;
  let person: Person | undefined = await resolvePerson(db, ctx, ref, true);
  let newPerson: PersonInput | undefined;
  // On a terminal, "no" to adding a new person asks for the name again rather than ending the command.
  while (!person && asking && !(await askCreatePerson(ref))) {
    ref = await askPersonRef(ref);
    person = await resolvePerson(db, ctx, ref, true);
  }
  if (!person) {
    const known: PersonInput = { name: ref, household: o.household ?? null, group: o.group ?? null, tags: f.tags };
    if (asking) {
      newPerson = await askPerson(known, false);
    } else if (o.newPerson) {
      newPerson = known;
    } else {
      const near = nearPeople(db, ref);
      throw near.length ? unknownPerson(ref, near) : new NotFoundError('err.person_new_needs_flag', { name: ref });
    }
  }
  const tags = person?.tags ?? newPerson?.tags ?? [];
  let answers = {
    date: f.date ?? ctx.today,
    category: f.category ?? categoryForTags(tags),
    topics: f.topics ?? [],
    notes: f.notes ?? null,
    place: f.place ?? null,
    concerns: f.concerns,
  };
  if (asking) answers = await askVisit(answers, ctx.today, true);
  const dueDays = getNumberSetting(db, 'concern.due_days');
  const id = write(db, () => {
    if (newPerson) person = getPerson(db, insertPerson(db, newPerson, ctx.today));
    const { concerns, ...visit } = answers;
    return insertVisit(db, { ...visit, person_id: person!.id, household_id: person!.household_id }, concerns, dueDays);
  });
  if (newPerson) writeErr(t('msg.created_person', { id: person!.id, name: person!.name }));
  if (asking) {
    // What was saved, in one line on stderr; stdout keeps the id for scripts.
    const due = listConcerns(db, { visit_id: id })[0]?.due_on;
    const dueText = due ? t('msg.saved_due', { date: due.slice(5) }) : '';
    writeErr(oneLine(t('msg.saved_visit', { id, person: person!.name, concerns: answers.concerns.length, due: dueText })));
  }
  emitRecord(id, () => ({ ...getVisit(db, id), concern_list: listConcerns(db, { visit_id: id }) }), o);
}

async function editVisit(ctx: Context, idArg: string, o: VisitFlags): Promise<void> {
  const id = parseId(idArg);
  const f = parseVisitFlags(o, ctx);
  const db = await ctx.db();
  const current = getVisit(db, id);
  const changes: Partial<{ date: string; person_id: number; household_id: number | null; category: VisitCategory; topics: VisitTopic[]; notes: string | null; place: string | null }> = {};
  if (f.date) changes.date = f.date;
  if (f.category) changes.category = f.category;
  if (f.topics) changes.topics = f.topics;
  if (o.notes !== undefined) changes.notes = f.notes ?? null;
  if (o.place !== undefined) changes.place = f.place ?? null;
  if (o.person !== undefined) {
    const p = (await resolvePerson(db, ctx, o.person))!;
    changes.person_id = p.id;
    changes.household_id = p.household_id;
    // The category followed the old person's tags: it follows the new person's. A category chosen
    // by hand (not the old person's default), or given with --category, stays.
    if (!f.category && p.id !== current.person_id) {
      const old = getPersonEvenRemoved(db, current.person_id);
      if (current.category === categoryForTags(old.tags)) changes.category = categoryForTags(p.tags);
    }
  }
  if (Object.keys(changes).length === 0) {
    if (!ctx.interactive) throw new UsageError('err.nothing_to_change', { flags: '--date, --person, --category, --topic, --notes, --place' });
    const a = await askVisit({ ...current, concerns: [] }, ctx.today, false);
    Object.assign(changes, { date: a.date, category: a.category, topics: a.topics, notes: a.notes, place: a.place });
  }
  write(db, () => updateVisit(db, id, changes));
  emitRecord(id, () => getVisit(db, id), o);
}

export function visitCommand(): Command {
  const cmd = new Command('visit').description(t('cmd.visit'));

  addOutputOptions(
    cmd
      .command('add')
      .description(t('cmd.visit.add'))
      .option('--date <date>', t('opt.visit_date'))
      .option('--person <name-or-id>', t('opt.person'))
      .option('--new-person', t('opt.new_person'))
      .option('--household <household>', t('opt.household'))
      .option('--group <group>', t('opt.group'))
      .option('--tag <tag>', t('opt.tag'), collect)
      .option('--category <key>', t('opt.category'))
      .option('--topic <key>', t('opt.topic'), collect)
      .option('--notes <text>', t('opt.heard'))
      .option('--place <place>', t('opt.place'))
      .option('--concern <text>', t('opt.concern'), collect),
  )
    .addHelpText('after', '\nExamples:\n  fs visit add\n  fs visit add --person 王秀英 --topic hardship --topic opinion --notes "roof leaks" --concern "repair the roof before winter"')
    .action(action(addVisit));

  addOutputOptions(
    addRangeOptions(cmd.command('list').description(t('cmd.visit.list')))
      .option('--category <key>', t('opt.filter_category'))
      .option('--topic <key>', t('opt.topic'))
      .option('--person <name-or-id>', t('opt.person'))
      .option('--group <group>', t('opt.group'))
      .option('--limit <n>', t('opt.limit')),
  )
    .addHelpText('after', '\nExamples:\n  fs visit list --period this-month\n  fs visit list --topic hardship --from 2026-01-01 --format csv -o visits.csv')
    .action(
      action(async (ctx, o: RangeOptions & OutputOptions & { category?: string; topic?: string; person?: string; group?: string; limit?: string }) => {
        const range = resolveRange(o, ctx);
        const category = o.category === undefined ? undefined : oneOf(VISIT_CATEGORIES, o.category, t('what.category'));
        const topic = o.topic === undefined ? undefined : oneOf(VISIT_TOPICS, o.topic, t('what.topic'));
        const explicitLimit = o.limit === undefined ? undefined : parseWholeNumber(o.limit, t('what.limit'));
        const db = await ctx.db();
        const person_id = o.person === undefined ? undefined : (await resolvePersonFilter(db, ctx, o.person)).id;
        const limit = explicitLimit ?? (range.from || range.to ? 0 : DEFAULT_LIMIT);
        const filter = { from: range.from, to: range.to, category, topic, person_id, group: o.group };
        // JSON prints whole visits; every other format shows only a listing's columns.
        const format = resolveFormat(o, ctx);
        const visits = format === 'json' || format === 'ndjson' ? listVisits(db, { ...filter, limit }) : listVisitLines(db, { ...filter, limit });
        if (limit && visits.length === limit && explicitLimit === undefined) {
          const total = countVisits(db, filter);
          if (total > limit) writeErr(t('msg.limited', { shown: limit, total }));
        }
        emitListing(visitListing(visits), o, ctx);
      }),
    );

  addOutputOptions(cmd.command('show').description(t('cmd.visit.show')).argument('<id>'))
    .addHelpText('after', '\nExample:\n  fs visit show 42 --format json')
    .action(
      action(async (ctx, idArg: string, o: OutputOptions) => {
        const db = await ctx.db();
        const visit = getVisit(db, parseId(idArg));
        const concerns = listConcerns(db, { visit_id: visit.id });
        const fields = visitFields(visit);
        const disputes = disputesFoundInVisit(db, visit.id, ctx.today);
        emitDocument(
          {
            parts: [
              { kind: 'fields', title: `${t('entity.visit')} #${visit.id}`, fields },
              { kind: 'listing', listing: { ...concernListing(concerns, ctx.today), title: t('title.concerns') } },
              { kind: 'listing', listing: disputes.listing },
            ],
            json: { ...visit, concern_list: concerns, dispute_list: disputes.json },
            primary: recordListing(fields),
          },
          o,
          ctx,
        );
      }),
    );

  addOutputOptions(
    cmd
      .command('edit')
      .description(t('cmd.visit.edit'))
      .argument('<id>')
      .option('--date <date>', t('opt.visit_date_edit'))
      .option('--person <name-or-id>', t('opt.person'))
      .option('--category <key>', t('opt.category'))
      .option('--topic <key>', t('opt.topic'), collect)
      .option('--notes <text>', t('opt.heard'))
      .option('--place <place>', t('opt.place')),
  )
    .addHelpText('after', '\nExample:\n  fs visit edit 42 --topic team --topic disputes')
    .action(action(editVisit));

  cmd
    .command('rm')
    .description(t('cmd.visit.rm'))
    .argument('<id>')
    .option('-y, --yes', t('opt.yes'))
    .addHelpText('after', '\nExample:\n  fs visit rm 42 --yes')
    .action(
      action(async (ctx, idArg: string, o: { yes?: boolean }) => {
        const id = parseId(idArg);
        const db = await ctx.db();
        const v = getVisit(db, id);
        await confirmOrYes(ctx, o.yes, t('prompt.confirm_rm', { what: `${t('entity.visit')} #${id} (${v.date} ${v.person})` }), t('action.rm'));
        write(db, () => deleteVisit(db, id));
        writeErr(t('msg.visit_removed', { id }));
      }),
    );

  cmd.addCommand(coverageCommand());
  return cmd;
}
