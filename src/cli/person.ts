// fs person: the roster.
import { Command } from 'commander';
import { PERSON_TAGS, type PersonInput } from '../domain/people.js';
import { manyOf, oneOf } from '../domain/keys.js';
import { deletePerson, getPerson, insertPerson, listPeople, personReferences, updatePerson } from '../db/people.js';
import { listVisits } from '../db/visits.js';
import { listConcerns } from '../db/concerns.js';
import { write } from '../db/store.js';
import { DataError, UsageError } from '../errors.js';
import { askPerson } from '../prompts/person.js';
import { getLang, label, t } from '../i18n/index.js';
import { oneLine } from '../render/escape.js';
import { personFields, personListing } from '../render/people.js';
import { recordListing } from '../render/output.js';
import { visitListing } from '../render/visits.js';
import { concernListing } from '../render/concerns.js';
import { action } from './shared/action.js';
import { personImportCommand, personTemplateCommand } from './person-import.js';
import { confirmOrYes } from './shared/confirm.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, collect, emitDocument, emitListing, emitRecord, parseId, requireFlags, type OutputOptions } from './shared/options.js';
import type { Context } from './shared/context.js';

interface PersonFlags extends OutputOptions {
  name?: string;
  household?: string;
  group?: string;
  phone?: string;
  tag?: string[];
  addTag?: string[];
  removeTag?: string[];
  notes?: string;
  yes?: boolean;
}

function personFlags(cmd: Command): Command {
  return cmd
    .option('--name <name>', t('opt.name'))
    .option('--household <household>', t('opt.household'))
    .option('--group <group>', t('opt.group'))
    .option('--phone <phone>', t('opt.phone'))
    .option('--tag <tag>', t('opt.tag'), collect)
    .option('--notes <text>', t('opt.notes'));
}

function inputFromFlags(o: PersonFlags): Partial<PersonInput> {
  const out: Partial<PersonInput> = {};
  if (o.name !== undefined) {
    if (o.name.trim() === '') throw new UsageError('err.name_empty');
    out.name = o.name.trim();
  }
  if (o.household !== undefined) out.household = o.household.trim() || null;
  if (o.group !== undefined) out.group = o.group.trim() || null;
  if (o.phone !== undefined) out.phone = o.phone.trim() || null;
  if (o.tag !== undefined) out.tags = manyOf(PERSON_TAGS, o.tag, t('what.tag'));
  if (o.notes !== undefined) out.notes = o.notes.trim() || null;
  return out;
}

async function addPerson(ctx: Context, o: PersonFlags): Promise<void> {
  let input = inputFromFlags(o);
  const asked = input.name === undefined;
  if (asked) {
    if (!ctx.interactive) requireFlags(['--name']);
    input = await askPerson(input);
  }
  const db = await ctx.db();
  const id = write(db, () => insertPerson(db, input as PersonInput, ctx.today));
  // Someone new has no cases of their own yet: any are parties typed earlier with this name, now linked.
  const linked = personReferences(db, id).disputes;
  if (linked) writeErr(t('msg.parties_linked', { id, name: input.name!, n: linked }));
  if (asked) {
    const p = getPerson(db, id);
    writeErr(oneLine(t('msg.saved_person', { id, person: [p.name, p.household, p.group, ...p.tags.map((k) => label('person_tag', k))].filter(Boolean).join(getLang() === 'zh' ? '，' : ', ') })));
  }
  emitRecord(id, () => getPerson(db, id), o);
}

export function personCommand(): Command {
  const cmd = new Command('person').description(t('cmd.person'));

  addOutputOptions(personFlags(cmd.command('add').description(t('cmd.person.add'))))
    .addHelpText('after', '\nExample:\n  fs person add --name 王秀英 --household 王家 --group 一组 --tag poor')
    .action(action(addPerson));

  addOutputOptions(
    cmd
      .command('list')
      .description(t('cmd.person.list'))
      .option('--tag <tag>', t('opt.filter_tag'))
      .option('--group <group>', t('opt.group'))
      .option('--household <household>', t('opt.household'))
      .option('--name <text>', t('opt.filter_name')),
  )
    .addHelpText('after', '\nExample:\n  fs person list --tag party-member --format csv')
    .action(
      action(async (ctx, o: Omit<PersonFlags, 'tag'> & { tag?: string }) => {
        const tag = o.tag === undefined ? undefined : oneOf(PERSON_TAGS, o.tag, t('what.tag'));
        const db = await ctx.db();
        emitListing(personListing(listPeople(db, { tag, group: o.group, household: o.household, name: o.name })), o, ctx);
      }),
    );

  addOutputOptions(cmd.command('show').description(t('cmd.person.show')).argument('<id>'))
    .addHelpText('after', '\nExample:\n  fs person show 12 --format json')
    .action(
      action(async (ctx, idArg: string, o: OutputOptions) => {
        const db = await ctx.db();
        const person = getPerson(db, parseId(idArg));
        const visits = listVisits(db, { person_id: person.id });
        const concerns = listConcerns(db, { person_id: person.id });
        const fields = personFields(person);
        emitDocument(
          {
            parts: [
              { kind: 'fields', title: `${t('entity.person')} #${person.id}`, fields },
              { kind: 'listing', listing: { ...visitListing(visits), title: t('title.visits') } },
              { kind: 'listing', listing: { ...concernListing(concerns, ctx.today), title: t('title.concerns') } },
            ],
            json: { ...person, visits, concerns },
            primary: recordListing(fields),
          },
          o,
          ctx,
        );
      }),
    );

  addOutputOptions(
    personFlags(cmd.command('edit').description(t('cmd.person.edit')).argument('<id>'))
      .option('--add-tag <tag>', t('opt.add_tag'), collect)
      .option('--remove-tag <tag>', t('opt.remove_tag'), collect),
  )
    .addHelpText('after', '\nExample:\n  fs person edit 12 --phone 13800000000 --add-tag party-member')
    .action(
      action(async (ctx, idArg: string, o: PersonFlags) => {
        const id = parseId(idArg);
        const db = await ctx.db();
        const current = getPerson(db, id);
        let changes = inputFromFlags(o);
        const add = manyOf(PERSON_TAGS, o.addTag ?? [], t('what.tag'));
        const remove = manyOf(PERSON_TAGS, o.removeTag ?? [], t('what.tag'));
        if (add.length || remove.length) {
          const base = changes.tags ?? current.tags;
          changes.tags = [...base, ...add.filter((k) => !base.includes(k))].filter((k) => !remove.includes(k));
        }
        if (Object.keys(changes).length === 0) {
          if (!ctx.interactive) throw new UsageError('err.nothing_to_change', { flags: '--name, --household, --group, --phone, --tag, --add-tag, --remove-tag, --notes' });
          changes = await askPerson(current);
        }
        write(db, () => updatePerson(db, id, changes, ctx.today));
        emitRecord(id, () => getPerson(db, id), o);
      }),
    );

  cmd
    .command('rm')
    .description(t('cmd.person.rm'))
    .argument('<id>')
    .option('-y, --yes', t('opt.yes'))
    .option('--force', t('opt.force_rm'))
    .addHelpText('after', '\nExamples:\n  fs person rm 12 --yes\n  fs person rm 12 --yes --force   (someone with visits: the visits keep the name)')
    .action(
      action(async (ctx, idArg: string, o: { yes?: boolean; force?: boolean }) => {
        const id = parseId(idArg);
        const db = await ctx.db();
        const person = getPerson(db, id);
        // Without a terminal and without --yes it is a usage error first, whatever refers to them.
        if (!o.yes && !ctx.interactive) await confirmOrYes(ctx, o.yes, '', t('action.rm'));
        if (!o.force) {
          const refs = Object.entries(personReferences(db, id)).filter(([, n]) => n > 0);
          if (refs.length) {
            throw new DataError('err.person_referenced', { id, name: person.name, refs: refs.map(([k, n]) => t(`ref.${k}`, { n })).join(', ') });
          }
        }
        await confirmOrYes(ctx, o.yes, t('prompt.confirm_rm', { what: `${t('entity.person')} #${id} ${person.name}` }), t('action.rm'));
        write(db, () => deletePerson(db, id));
        writeErr(t('msg.person_removed', { id }));
      }),
    );

  cmd.addCommand(personImportCommand());
  cmd.addCommand(personTemplateCommand());
  return cmd;
}
