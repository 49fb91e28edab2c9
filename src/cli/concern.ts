// fs concern: every concern raised in a visit gets an answer (件件有回音).
import { Command } from 'commander';
import { CONCERN_STATUSES, planConcernUpdate } from '../domain/concerns.js';
import { oneOf } from '../domain/keys.js';
import { getConcern, listConcerns, updateConcern } from '../db/concerns.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { concernListing } from '../render/concerns.js';
import { t, msg } from '../i18n/index.js';
import { action } from './shared/action.js';
import { addOutputOptions, addRangeOptions, emitListing, emitRecord, optionalDate, parseId, pastDate, resolveRange, type OutputOptions, type RangeOptions } from './shared/options.js';
import { resolvePerson } from './shared/person.js';
import { addConcern } from './concern-add.js';
import { askConcernUpdate, type ConcernUpdateAnswers } from '../prompts/concern.js';
import type { Concern } from '../domain/concerns.js';
import { resolvePersonFilter } from './shared/person.js';

interface UpdateFlags extends OutputOptions {
  status?: string;
  referredTo?: string;
  due?: string;
  feedbackOn?: string;
  resolvedOn?: string;
  note?: string;
}

/** Only what the answers changed, as the flags would have given it. */
function changedAnswers(current: Concern, a: ConcernUpdateAnswers) {
  const diff = <K extends keyof ConcernUpdateAnswers>(k: K) => (a[k] !== current[k] && a[k] !== null ? a[k] : undefined);
  return {
    status: diff('status'),
    referred_to: diff('referred_to') ?? undefined,
    due_on: diff('due_on') ?? undefined,
    feedback_on: diff('feedback_on') ?? undefined,
    note: a.note !== current.note ? (a.note ?? '') : undefined,
  };
}

export function concernCommand(): Command {
  const cmd = new Command('concern').description(t('cmd.concern'));

  addOutputOptions(
    addRangeOptions(cmd.command('list').description(t('cmd.concern.list')))
      .option('--open', t('opt.open'))
      .option('--overdue', t('opt.overdue'))
      .option('--person <name-or-id>', t('opt.person')),
  )
    .addHelpText('after', '\nExamples:\n  fs concern list --open\n  fs concern list --overdue --format json')
    .action(
      action(async (ctx, o: RangeOptions & OutputOptions & { open?: boolean; overdue?: boolean; person?: string }) => {
        const range = resolveRange(o, ctx);
        const db = await ctx.db();
        const person_id = o.person === undefined ? undefined : (await resolvePersonFilter(db, ctx, o.person)).id;
        const rows = listConcerns(db, { open: o.open, overdue: o.overdue, today: ctx.today, person_id, from: range.from, to: range.to });
        emitListing(concernListing(rows, ctx.today), o, ctx);
      }),
    );

  addOutputOptions(
    cmd
      .command('add')
      .description(t('cmd.concern.add'))
      .option('--person <name-or-id>', t('opt.person'))
      .option('--text <text>', t('opt.concern_text'))
      .option('--date <date>', t('opt.concern_date'))
      .option('--visit <visit-id>', t('opt.concern_visit'))
      .option('--due <date>', t('opt.concern_due')),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  fs concern add                (asks, on a terminal)\n  fs concern add --person 王秀英 --text "repair the roof before winter" --date yesterday\n  fs concern add --visit 42 --text "wants to join the tea co-op" --due 2026-12-15',
    )
    .action(action(addConcern));

  addOutputOptions(
    cmd
      .command('update')
      .description(t('cmd.concern.update'))
      .argument('<id>')
      .option('--status <status>', t('opt.concern_status'))
      .option('--referred-to <dept>', t('opt.referred_to'))
      .option('--due <date>', t('opt.due'))
      .option('--feedback-on <date>', t('opt.feedback_on'))
      .option('--resolved-on <date>', t('opt.resolved_on'))
      .option('--note <text>', t('opt.note')),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  fs concern update 7 --status referred --referred-to "township civil affairs office" --due 2026-12-15\n  fs concern update 7 --status resolved --feedback-on today\n  fs concern update 7 --status resolved --resolved-on 2026-11-14 --feedback-on 2026-11-16\n  fs concern update 7           (asks, pre-filled, on a terminal)',
    )
    .action(
      action(async (ctx, idArg: string, o: UpdateFlags) => {
        const id = parseId(idArg);
        const update = {
          status: o.status === undefined ? undefined : oneOf(CONCERN_STATUSES, o.status, t('what.status')),
          referred_to: o.referredTo?.trim(),
          due_on: optionalDate(o.due, ctx),
          feedback_on: pastDate(o.feedbackOn, ctx),
          resolved_on: pastDate(o.resolvedOn, ctx),
          note: o.note?.trim(),
        };
        const asking = Object.values(update).every((v) => v === undefined);
        if (asking && !ctx.interactive) {
          throw new UsageError('err.nothing_to_change', { flags: '--status, --referred-to, --due, --feedback-on, --resolved-on, --note' });
        }
        const db = await ctx.db();
        const current = getConcern(db, id);
        if (asking) Object.assign(update, changedAnswers(current, await askConcernUpdate(current, ctx.today)));
        const plan = planConcernUpdate(current, update, ctx.today);
        if (!plan.ok) {
          throw new UsageError(
            plan.error === 'referred_needs_dept'
              ? msg('err.referred_needs_dept')
              : plan.error === 'resolved_on_needs_resolved'
                ? msg('err.resolved_on_needs_resolved')
                : plan.error === 'resolved_before_raised'
                  ? msg('err.resolved_before_raised', { date: update.resolved_on!, raised: current.raised_on })
                  : msg('err.feedback_before_raised', { date: update.feedback_on!, raised: current.raised_on }),
          );
        }
        write(db, () => updateConcern(db, id, plan.changes));
        emitRecord(id, () => getConcern(db, id), o);
      }),
    );

  return cmd;
}
