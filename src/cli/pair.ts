// fs pair: pairings (结对帮扶): up to pair.max people per helper, needs → measures → results.
import { Command } from 'commander';
import { checkNewPair, isPairOverdue } from '../domain/pair.js';
import { personRef } from '../domain/people.js';
import { activePairsOfHelper, getPair, insertPair, listPairLogs, listPairs } from '../db/pair.js';
import { findPeopleByName } from '../db/people.js';
import { getNumberSetting, getSetting } from '../db/settings.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { askPair, askPairPerson } from '../prompts/pair.js';
import { t } from '../i18n/index.js';
import { writeErr } from './shared/io.js';
import { recordListing } from '../render/output.js';
import { pairFields, pairJson, pairListing, pairLogListing } from '../render/pair.js';
import { action } from './shared/action.js';
import type { Context } from './shared/context.js';
import { addOutputOptions, emitDocument, emitListing, emitRecord, parseId, pastDate, requireFlags, type OutputOptions } from './shared/options.js';
import { nearPeople, resolvePerson } from './shared/person.js';
import { oneLine } from '../render/escape.js';
import { editPair, endPair, logPair } from './pair-entries.js';
import { cadenceFlag, newPairError, requiredText } from './pair-shared.js';

interface AddFlags extends OutputOptions {
  person?: string;
  needs?: string;
  measures?: string;
  helper?: string;
  cadence?: string;
  date?: string;
}

async function addPair(ctx: Context, o: AddFlags): Promise<void> {
  // Every flag is checked before anything is opened or asked.
  const cadence = o.cadence === undefined ? undefined : cadenceFlag(o.cadence);
  const date = pastDate(o.date, ctx);
  const needs = requiredText(o.needs, 'what.needs');
  const helperFlag = requiredText(o.helper, 'what.helper');
  const missing = [o.person === undefined ? '--person' : '', needs === undefined ? '--needs' : ''].filter(Boolean);
  const asking = ctx.interactive && missing.length > 0;
  if (!asking) requireFlags(missing);
  const db = await ctx.db();
  const helper = helperFlag ?? (getSetting(db, 'secretary') || undefined);
  if (!asking && helper === undefined) throw new UsageError('err.pair_no_helper');
  const ref =
    o.person ??
    (await askPairPerson((value) => {
      const r = personRef(value);
      // A near name ("王秀" for 王秀英) passes: resolvePerson offers it next.
      return 'id' in r || findPeopleByName(db, r.name).length > 0 || nearPeople(db, r.name).length > 0 || t('err.person_unknown', { name: r.name });
    }));
  const person = (await resolvePerson(db, ctx, ref))!;
  let answers = {
    needs: needs ?? '',
    measures: o.measures?.trim() || null,
    helper: helper ?? '',
    cadence_days: cadence ?? getNumberSetting(db, 'pair.cadence_days'),
    started_on: date ?? ctx.today,
  };
  if (asking) answers = await askPair({ ...answers, needs, helper }, ctx.today);
  const max = getNumberSetting(db, 'pair.max');
  const id = write(db, () => {
    // Inside the transaction: two helpers' terminals adding at once still respect the limit.
    const verdict = checkNewPair(activePairsOfHelper(db, answers.helper), person.id, max);
    if (!verdict.ok) throw newPairError(verdict, person.name, answers.helper);
    return insertPair(db, { person_id: person.id, ...answers });
  });
  if (asking) writeErr(oneLine(t('msg.saved_pair', { id, helper: answers.helper, person: person.name, cadence: answers.cadence_days })));
  emitRecord(id, () => pairJson(getPair(db, id), ctx.today), o);
}

interface ListFlags extends OutputOptions {
  active?: boolean;
  ended?: boolean;
  overdue?: boolean;
  helper?: string;
}

async function listPairings(ctx: Context, o: ListFlags): Promise<void> {
  const db = await ctx.db();
  // --active and --ended together mean both, like neither.
  const status = o.active && !o.ended ? 'active' : o.ended && !o.active ? 'ended' : undefined;
  let pairs = listPairs(db, { status, helper: o.helper?.trim() });
  if (o.overdue) pairs = pairs.filter((p) => isPairOverdue(p, ctx.today));
  emitListing(pairListing(pairs, ctx.today), o, ctx);
}

async function showPair(ctx: Context, idArg: string, o: OutputOptions): Promise<void> {
  const id = parseId(idArg);
  const db = await ctx.db();
  const pair = getPair(db, id);
  const log = listPairLogs(db, id);
  const fields = pairFields(pair, ctx.today);
  emitDocument(
    {
      parts: [
        { kind: 'fields', title: `${t('entity.pair')} #${pair.id}`, fields },
        { kind: 'listing', listing: pairLogListing(log) },
      ],
      json: { ...pairJson(pair, ctx.today), log },
      primary: recordListing(fields),
    },
    o,
    ctx,
  );
}

export function pairCommand(): Command {
  const cmd = new Command('pair').description(t('cmd.pair'));

  addOutputOptions(
    cmd
      .command('add')
      .description(t('cmd.pair.add'))
      .option('--person <name-or-id>', t('opt.pair_person'))
      .option('--needs <text>', t('opt.needs'))
      .option('--measures <text>', t('opt.measures'))
      .option('--helper <name>', t('opt.helper'))
      .option('--cadence <days>', t('opt.cadence'))
      .option('--date <date>', t('opt.pair_date')),
  )
    .addHelpText('after', '\nExamples:\n  fs pair add\n  fs pair add --person 王秀英 --needs "no income since her husband fell ill" --measures "find her work at the co-op" --cadence 14')
    .action(action(addPair));

  addOutputOptions(
    cmd
      .command('list')
      .description(t('cmd.pair.list'))
      .option('--active', t('opt.pair_active'))
      .option('--ended', t('opt.pair_ended'))
      .option('--overdue', t('opt.pair_overdue'))
      .option('--helper <name>', t('opt.filter_helper')),
  )
    .addHelpText('after', '\nExamples:\n  fs pair list --active\n  fs pair list --overdue --helper 李明 --format json')
    .action(action(listPairings));

  addOutputOptions(cmd.command('show').description(t('cmd.pair.show')).argument('<id>'))
    .addHelpText('after', '\nExample:\n  fs pair show 3 --format md -o pairing-3.md')
    .action(action(showPair));

  addOutputOptions(
    cmd
      .command('log')
      .description(t('cmd.pair.log'))
      .argument('<id>')
      .option('--date <date>', t('opt.log_date'))
      .option('--action <text>', t('opt.action'))
      .option('--result <text>', t('opt.result')),
  )
    .addHelpText('after', '\nExample:\n  fs pair log 3 --date 2026-11-20 --action "took her to the co-op interview" --result "hired, starts in December"')
    .action(action(logPair));

  addOutputOptions(
    cmd
      .command('edit')
      .description(t('cmd.pair.edit'))
      .argument('<id>')
      .option('--needs <text>', t('opt.needs'))
      .option('--measures <text>', t('opt.measures'))
      .option('--cadence <days>', t('opt.cadence')),
  )
    .addHelpText('after', '\nExample:\n  fs pair edit 3 --measures "co-op job; apply for the medical subsidy" --cadence 7')
    .action(action(editPair));

  addOutputOptions(
    cmd
      .command('end')
      .description(t('cmd.pair.end'))
      .argument('<id>')
      .option('--date <date>', t('opt.end_date'))
      .option('--outcome <text>', t('opt.outcome')),
  )
    .addHelpText('after', '\nExample:\n  fs pair end 3 --date 2026-12-31 --outcome "steady income from the co-op; no longer in hardship"')
    .action(action(endPair));

  return cmd;
}
