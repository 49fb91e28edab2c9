// Flags of `fs plan add` / `fs plan edit` turned into plan fields, and the checks both share.
import type { Command } from 'commander';
import { oneOf } from '../domain/keys.js';
import { checkSchedule, parseBudget, PLAN_AREAS, PLAN_KINDS, PRACTICAL_PER_YEAR, practicalYear, type Plan, type PlanInput } from '../domain/plan.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from '../db/open.js';
import { countPracticalInYear } from '../db/plans.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { parseDate } from '../time/dates.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import type { OutputOptions } from './shared/options.js';

export interface PlanFlags extends OutputOptions {
  title?: string;
  area?: string;
  kind?: string;
  target?: string;
  measures?: string;
  owner?: string;
  start?: string;
  due?: string;
  budget?: string;
  reopen?: boolean;
}

export const PLAN_FIELD_FLAGS = '--title, --area, --kind, --target, --measures, --owner, --start, --due, --budget';

export function planFieldOptions(cmd: Command): Command {
  return cmd
    .option('--title <text>', t('opt.plan_title'))
    .option('--area <key>', t('opt.plan_area'))
    .option('--kind <key>', t('opt.plan_kind'))
    .option('--target <text>', t('opt.plan_target'))
    .option('--measures <text>', t('opt.plan_measures'))
    .option('--owner <name>', t('opt.plan_owner'))
    .option('--start <date>', t('opt.plan_start'))
    .option('--due <date>', t('opt.plan_due'))
    .option('--budget <amount>', t('opt.plan_budget'));
}

/** Only the fields whose flag was given; an empty value clears an optional field. Checked before anything is opened. */
export function parsePlanFlags(o: PlanFlags, ctx: Pick<Context, 'today'>): Partial<PlanInput> {
  const out: Partial<PlanInput> = {};
  if (o.title !== undefined) {
    if (o.title.trim() === '') throw new UsageError('err.plan_title_empty');
    out.title = o.title.trim();
  }
  if (o.area !== undefined) out.area = oneOf(PLAN_AREAS, o.area.trim(), t('what.plan_area'));
  if (o.kind !== undefined) out.kind = oneOf(PLAN_KINDS, o.kind.trim(), t('what.plan_kind'));
  if (o.target !== undefined) out.target = o.target.trim() || null;
  if (o.measures !== undefined) out.measures = o.measures.trim() || null;
  if (o.owner !== undefined) out.owner = o.owner.trim() || null;
  if (o.start !== undefined) out.start_on = o.start.trim() === '' ? null : parseDate(o.start, ctx.today);
  if (o.due !== undefined) out.due_on = o.due.trim() === '' ? null : parseDate(o.due, ctx.today);
  if (o.budget !== undefined) out.budget = o.budget.trim() === '' ? null : parseBudget(o.budget);
  if (out.start_on !== undefined || out.due_on !== undefined) checkSchedule(out.start_on ?? null, out.due_on ?? null);
  return out;
}

export function withDefaults(f: Partial<PlanInput> & Pick<PlanInput, 'title' | 'area'>): PlanInput {
  return { kind: 'goal', target: null, measures: null, owner: null, start_on: null, due_on: null, budget: null, ...f };
}

/** The seed asks for one to three practical things a year: more is allowed, with a warning on stderr. */
export function warnIfTooManyPractical(db: Db, plan: Plan, today: IsoDate): void {
  if (plan.kind !== 'practical' || plan.status === 'dropped') return;
  const year = practicalYear(plan, plan.added_on ?? today);
  const n = countPracticalInYear(db, year);
  if (n > PRACTICAL_PER_YEAR) writeErr(t('msg.plan_practical_over', { n, year, max: PRACTICAL_PER_YEAR }));
}
