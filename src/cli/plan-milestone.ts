// fs plan milestone: the dated steps of a plan item, each with an owner.
import { Command } from 'commander';
import { checkDoneDate } from '../domain/plan.js';
import { dropMilestone, getMilestone, insertMilestone, listMilestones, markMilestoneDone } from '../db/plan-milestones.js';
import { getPlan } from '../db/plans.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { askDate, askText } from '../prompts/plan.js';
import { t } from '../i18n/index.js';
import { milestoneListing } from '../render/plan.js';
import { parsePeriod } from '../time/periods.js';
import { action } from './shared/action.js';
import type { Context } from './shared/context.js';
import { addOutputOptions, emitListing, emitRecord, optionalDate, parseId, pastDate, requireFlags, type OutputOptions } from './shared/options.js';

/** A given text flag must not be blank; a missing one is undefined (asked for, or named as missing). */
function textFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!v) throw new UsageError('err.plan_text_empty');
  return v;
}

function missingFlags(pairs: Array<[string, unknown]>, ctx: Context): void {
  const missing = pairs.filter(([, v]) => v === undefined).map(([flag]) => flag);
  if (missing.length && !ctx.interactive) requireFlags(missing);
}

async function addMilestone(ctx: Context, planArg: string, o: OutputOptions & { title?: string; due?: string; owner?: string }): Promise<void> {
  const planId = parseId(planArg);
  let title = textFlag(o.title);
  let due = optionalDate(o.due, ctx);
  const owner = o.owner?.trim() || null;
  missingFlags([['--title', title], ['--due', due]], ctx);
  const db = await ctx.db();
  const plan = getPlan(db, planId, ctx.today);
  if (plan.declared_status === 'dropped') throw new UsageError('err.plan_is_dropped', { id: planId });
  if (plan.declared_status === 'done') throw new UsageError('err.plan_already_done', { id: planId });
  title ??= await askText(t('prompt.milestone_title'));
  due ??= await askDate(t('prompt.plan_due'), plan.due_on ?? ctx.today, ctx.today);
  if (plan.start_on && due < plan.start_on) throw new UsageError('err.plan_due_before_start', { due, start: plan.start_on });
  const id = write(db, () => insertMilestone(db, { plan_id: planId, title, due_on: due, owner }));
  emitRecord(id, () => getMilestone(db, id, ctx.today), o);
}

async function doneMilestone(ctx: Context, idArg: string, o: OutputOptions & { date?: string; note?: string }): Promise<void> {
  const id = parseId(idArg);
  let date = optionalDate(o.date, ctx);
  const note = o.note?.trim() || null;
  missingFlags([['--date', date]], ctx);
  const db = await ctx.db();
  const m = getMilestone(db, id, ctx.today);
  if (m.status === 'done') throw new UsageError('err.milestone_already_done', { id, date: m.done_on ?? '' });
  if (m.status === 'dropped') throw new UsageError('err.milestone_is_dropped', { id });
  date ??= await askDate(t('prompt.plan_done_on'), ctx.today, ctx.today);
  checkDoneDate(date, getPlan(db, m.plan_id, ctx.today).start_on, ctx.today);
  write(db, () => markMilestoneDone(db, id, date, note));
  emitRecord(id, () => getMilestone(db, id, ctx.today), o);
}

async function dropOne(ctx: Context, idArg: string, o: OutputOptions & { reason?: string; date?: string }): Promise<void> {
  const id = parseId(idArg);
  const date = pastDate(o.date, ctx) ?? ctx.today;
  let reason = textFlag(o.reason);
  missingFlags([['--reason', reason]], ctx);
  const db = await ctx.db();
  const m = getMilestone(db, id, ctx.today);
  if (m.status === 'done') throw new UsageError('err.milestone_already_done', { id, date: m.done_on ?? '' });
  if (m.status === 'dropped') throw new UsageError('err.milestone_is_dropped', { id });
  reason ??= await askText(t('prompt.plan_drop_reason'));
  write(db, () => dropMilestone(db, id, reason, date));
  emitRecord(id, () => getMilestone(db, id, ctx.today), o);
}

export function milestoneCommand(): Command {
  const cmd = new Command('milestone').description(t('cmd.plan.milestone'));

  addOutputOptions(
    cmd
      .command('add')
      .description(t('cmd.plan.milestone.add'))
      .argument('<plan-id>')
      .option('--title <text>', t('opt.milestone_title'))
      .option('--due <date>', t('opt.milestone_due'))
      .option('--owner <name>', t('opt.plan_owner')),
  )
    .addHelpText('after', '\nExample:\n  fs plan milestone add 3 --title "seedlings delivered" --due 2026-04-15 --owner 王强')
    .action(action(addMilestone));

  addOutputOptions(
    cmd.command('done').description(t('cmd.plan.milestone.done')).argument('<milestone-id>').option('--date <date>', t('opt.plan_done_date')).option('--note <text>', t('opt.note')),
  )
    .addHelpText('after', '\nExample:\n  fs plan milestone done 7 --date 2026-04-12 --note "all 30 households"')
    .action(action(doneMilestone));

  addOutputOptions(cmd.command('drop').description(t('cmd.plan.milestone.drop')).argument('<milestone-id>').option('--reason <text>', t('opt.plan_reason')).option('--date <date>', t('opt.dropped_on')))
    .addHelpText('after', '\nExample:\n  fs plan milestone drop 8 --reason "done by the township instead"')
    .action(action(dropOne));

  addOutputOptions(
    cmd
      .command('list')
      .description(t('cmd.plan.milestone.list'))
      .option('--due <period>', t('opt.milestone_due_period'))
      .option('--overdue', t('opt.milestone_overdue'))
      .option('--plan <id>', t('opt.milestone_plan')),
  )
    .addHelpText('after', '\nExamples:\n  fs plan milestone list --due this-quarter\n  fs plan milestone list --overdue --format json')
    .action(
      action(async (ctx, o: OutputOptions & { due?: string; overdue?: boolean; plan?: string }) => {
        const period = o.due === undefined ? undefined : parsePeriod(o.due, ctx.today);
        const plan_id = o.plan === undefined ? undefined : parseId(o.plan);
        const db = await ctx.db();
        if (plan_id !== undefined) getPlan(db, plan_id, ctx.today);
        emitListing(milestoneListing(listMilestones(db, ctx.today, { plan_id, due_from: period?.from, due_to: period?.to, overdue: o.overdue })), o, ctx);
      }),
    );

  return cmd;
}
