// fs plan: the village development plan (goals in areas) and the 1-3 practical things (实事).
import { Command } from 'commander';
import { oneOf } from '../domain/keys.js';
import { checkDoneDate, checkSchedule, isFinished, parsePercent, PLAN_AREAS, PLAN_KINDS, PLAN_STATUSES } from '../domain/plan.js';
import { listMilestones } from '../db/plan-milestones.js';
import { dropPlan, getPlan, getProgress, insertPlan, insertProgress, listPlans, listProgress, markPlanDone, reopenPlan, updatePlan } from '../db/plans.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { askDate, askPlan, askText } from '../prompts/plan.js';
import { label, t } from '../i18n/index.js';
import { oneLine } from '../render/escape.js';
import { recordListing } from '../render/output.js';
import { milestoneListing, planFields, planJson, planListing, progressListing } from '../render/plan.js';
import { milestoneCommand } from './plan-milestone.js';
import { parsePlanFlags, PLAN_FIELD_FLAGS, planFieldOptions, warnIfTooManyPractical, withDefaults, type PlanFlags } from './plan-input.js';
import { action } from './shared/action.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, emitDocument, emitListing, emitRecord, optionalDate, parseId, pastDate, requireFlags, type OutputOptions } from './shared/options.js';

async function addPlan(ctx: Context, o: PlanFlags): Promise<void> {
  const f = parsePlanFlags(o, ctx);
  const missing = [f.title === undefined && '--title', f.area === undefined && '--area'].filter((x): x is string => Boolean(x));
  if (missing.length && !ctx.interactive) requireFlags(missing);
  const input = missing.length ? await askPlan(f, ctx.today) : withDefaults({ ...f, title: f.title!, area: f.area! });
  checkSchedule(input.start_on, input.due_on);
  const db = await ctx.db();
  const id = write(db, () => insertPlan(db, input, ctx.today));
  warnIfTooManyPractical(db, getPlan(db, id, ctx.today), ctx.today);
  if (missing.length) writeErr(oneLine(t('msg.saved_plan', { id, title: input.title, kind: label('plan_kind', input.kind), area: label('plan_area', input.area) })));
  emitRecord(id, () => planJson(getPlan(db, id, ctx.today)), o);
}

async function editPlan(ctx: Context, idArg: string, o: PlanFlags): Promise<void> {
  const id = parseId(idArg);
  let changes = parsePlanFlags(o, ctx);
  const db = await ctx.db();
  const current = getPlan(db, id, ctx.today);
  if (Object.keys(changes).length === 0 && !o.reopen) {
    if (!ctx.interactive) throw new UsageError('err.nothing_to_change', { flags: `${PLAN_FIELD_FLAGS}, --reopen` });
    changes = await askPlan(current, ctx.today);
  }
  const next = { ...current, ...changes };
  checkSchedule(next.start_on, next.due_on);
  if (!o.reopen && next.done_on && next.start_on && next.done_on < next.start_on) {
    throw new UsageError('err.plan_done_before_start', { date: next.done_on, start: next.start_on });
  }
  write(db, () => {
    updatePlan(db, id, changes);
    if (o.reopen) reopenPlan(db, id);
  });
  const after = getPlan(db, id, ctx.today);
  if (after.kind !== current.kind || after.due_on !== current.due_on || after.start_on !== current.start_on || o.reopen) warnIfTooManyPractical(db, after, ctx.today);
  emitRecord(id, () => planJson(after), o);
}

async function markDone(ctx: Context, idArg: string, o: OutputOptions & { date?: string }): Promise<void> {
  const id = parseId(idArg);
  let date = optionalDate(o.date, ctx);
  if (date === undefined && !ctx.interactive) requireFlags(['--date']);
  const db = await ctx.db();
  const plan = getPlan(db, id, ctx.today);
  if (plan.declared_status === 'dropped') throw new UsageError('err.plan_is_dropped', { id });
  if (plan.declared_status === 'done') throw new UsageError('err.plan_already_done', { id });
  const pending = listMilestones(db, ctx.today, { plan_id: id }).filter((m) => !isFinished(m.status));
  if (pending.length) throw new UsageError('err.plan_pending_milestones', { id, ids: pending.map((m) => `#${m.id}`).join(', ') });
  date ??= await askDate(t('prompt.plan_done_on'), ctx.today, ctx.today);
  checkDoneDate(date, plan.start_on, ctx.today);
  write(db, () => markPlanDone(db, id, date));
  emitRecord(id, () => planJson(getPlan(db, id, ctx.today)), o);
}

async function drop(ctx: Context, idArg: string, o: OutputOptions & { reason?: string; date?: string }): Promise<void> {
  const id = parseId(idArg);
  const date = pastDate(o.date, ctx) ?? ctx.today;
  let reason = o.reason?.trim();
  if (o.reason !== undefined && !reason) throw new UsageError('err.plan_text_empty');
  if (reason === undefined && !ctx.interactive) requireFlags(['--reason']);
  const db = await ctx.db();
  const plan = getPlan(db, id, ctx.today);
  if (plan.declared_status === 'dropped') throw new UsageError('err.plan_is_dropped', { id });
  if (plan.status === 'done') throw new UsageError('err.plan_already_done', { id });
  reason ??= await askText(t('prompt.plan_drop_reason'));
  const n = write(db, () => dropPlan(db, id, reason, date));
  if (n) writeErr(t('msg.plan_dropped_milestones', { id, n }));
  emitRecord(id, () => planJson(getPlan(db, id, ctx.today)), o);
}

async function addProgress(ctx: Context, idArg: string, o: OutputOptions & { date?: string; note?: string; percent?: string }): Promise<void> {
  const id = parseId(idArg);
  const percent = o.percent === undefined ? null : parsePercent(o.percent);
  let date = optionalDate(o.date, ctx);
  let note = o.note?.trim();
  if (o.note !== undefined && !note) throw new UsageError('err.plan_text_empty');
  const missing = [date === undefined && '--date', note === undefined && '--note'].filter((x): x is string => Boolean(x));
  if (missing.length && !ctx.interactive) requireFlags(missing);
  const db = await ctx.db();
  const plan = getPlan(db, id, ctx.today);
  if (plan.declared_status === 'dropped') throw new UsageError('err.plan_is_dropped', { id });
  date ??= await askDate(t('prompt.date'), ctx.today, ctx.today);
  note ??= await askText(t('prompt.plan_progress_note'));
  if (date > ctx.today) throw new UsageError('err.plan_date_future', { date, today: ctx.today });
  const noteId = write(db, () => insertProgress(db, { plan_id: id, date, note, percent }));
  emitRecord(noteId, () => getProgress(db, noteId), o);
}

export function planCommand(): Command {
  const cmd = new Command('plan').description(t('cmd.plan'));

  addOutputOptions(planFieldOptions(cmd.command('add').description(t('cmd.plan.add'))))
    .addHelpText(
      'after',
      '\nExamples:\n  fs plan add\n  fs plan add --title "Grow the tea co-operative" --area industry --target "200 mu, 30 households" --owner 李明 --start 2026-03-01 --due 2026-12-31\n  fs plan add --kind practical --title "Street lights on the main road" --area public-welfare --due 2026-10-31 --budget 80000',
    )
    .action(action(addPlan));

  addOutputOptions(
    cmd
      .command('list')
      .description(t('cmd.plan.list'))
      .option('--area <key>', t('opt.plan_area'))
      .option('--kind <key>', t('opt.plan_kind_filter'))
      .option('--status <key>', t('opt.plan_status'))
      .option('--overdue', t('opt.plan_overdue')),
  )
    .addHelpText('after', '\nExamples:\n  fs plan list --kind practical\n  fs plan list --area industry --status in-progress --format json\n  fs plan list --overdue')
    .action(
      action(async (ctx, o: OutputOptions & { area?: string; kind?: string; status?: string; overdue?: boolean }) => {
        const area = o.area === undefined ? undefined : oneOf(PLAN_AREAS, o.area, t('what.plan_area'));
        const kind = o.kind === undefined ? undefined : oneOf(PLAN_KINDS, o.kind, t('what.plan_kind'));
        const status = o.status === undefined ? undefined : oneOf(PLAN_STATUSES, o.status, t('what.status'));
        const db = await ctx.db();
        emitListing(planListing(listPlans(db, ctx.today, { area, kind, status, overdue: o.overdue })), o, ctx);
      }),
    );

  addOutputOptions(cmd.command('show').description(t('cmd.plan.show')).argument('<id>'))
    .addHelpText('after', '\nExample:\n  fs plan show 3 --format json')
    .action(
      action(async (ctx, idArg: string, o: OutputOptions) => {
        const db = await ctx.db();
        const plan = getPlan(db, parseId(idArg), ctx.today);
        const milestones = listMilestones(db, ctx.today, { plan_id: plan.id });
        const progress = listProgress(db, { plan_id: plan.id });
        const fields = planFields(plan);
        emitDocument(
          {
            parts: [
              { kind: 'fields', title: `${t(`plan_kind.${plan.kind}`)} #${plan.id}`, fields },
              { kind: 'listing', listing: { ...milestoneListing(milestones, false), title: t('title.plan_milestones') } },
              { kind: 'listing', listing: { ...progressListing(progress, false), title: t('title.plan_progress') } },
            ],
            json: { ...planJson(plan), milestones, progress },
            primary: recordListing(fields),
          },
          o,
          ctx,
        );
      }),
    );

  addOutputOptions(planFieldOptions(cmd.command('edit').description(t('cmd.plan.edit')).argument('<id>')).option('--reopen', t('opt.plan_reopen')))
    .addHelpText('after', '\nExamples:\n  fs plan edit 3 --due 2027-06-30 --owner 王强\n  fs plan edit 3 --reopen\n  fs plan edit 3            (asks, pre-filled, on a terminal)')
    .action(action(editPlan));

  addOutputOptions(cmd.command('done').description(t('cmd.plan.done')).argument('<id>').option('--date <date>', t('opt.plan_done_date')))
    .addHelpText('after', '\nExample:\n  fs plan done 3 --date 2026-11-20')
    .action(action(markDone));

  addOutputOptions(cmd.command('drop').description(t('cmd.plan.drop')).argument('<id>').option('--reason <text>', t('opt.plan_reason')).option('--date <date>', t('opt.dropped_on')))
    .addHelpText('after', '\nExample:\n  fs plan drop 4 --reason "merged into the county road project" --date 2026-11-20')
    .action(action(drop));

  addOutputOptions(
    cmd
      .command('progress')
      .description(t('cmd.plan.progress'))
      .argument('<plan-id>')
      .option('--date <date>', t('opt.plan_progress_date'))
      .option('--note <text>', t('opt.plan_progress_note'))
      .option('--percent <n>', t('opt.plan_percent')),
  )
    .addHelpText('after', '\nExample:\n  fs plan progress 3 --date 2026-11-20 --note "seedlings delivered to 18 households" --percent 40')
    .action(action(addProgress));

  cmd.addCommand(milestoneCommand());
  return cmd;
}

