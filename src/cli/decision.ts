// fs decision: village decisions followed through "four discussions, two disclosures" (四议两公开).
import { Command } from 'commander';
import { DECISION_KINDS, DECISION_STATUSES } from '../domain/decision.js';
import { oneOf } from '../domain/keys.js';
import { getDecision, insertDecision, listDecisions } from '../db/decisions.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { askDecision } from '../prompts/decision.js';
import { decisionFields, decisionListing, stepListing } from '../render/decisions.js';
import { label, t } from '../i18n/index.js';
import { oneLine } from '../render/escape.js';
import { writeErr } from './shared/io.js';
import { recordListing } from '../render/output.js';
import { action } from './shared/action.js';
import type { Context } from './shared/context.js';
import { addOutputOptions, addRangeOptions, emitDocument, emitListing, emitRecord, parseId, pastDate, requireFlags, resolveRange, type OutputOptions, type RangeOptions } from './shared/options.js';
import { stepCommand } from './decision-step.js';

interface AddFlags extends OutputOptions {
  matter?: string;
  date?: string;
  kind?: string;
}

async function addDecision(ctx: Context, o: AddFlags): Promise<void> {
  if (o.matter !== undefined && o.matter.trim() === '') throw new UsageError('err.matter_empty');
  let input = {
    matter: o.matter?.trim(),
    kind: o.kind === undefined ? ('other' as const) : oneOf(DECISION_KINDS, o.kind, t('what.decision_kind')),
    date: pastDate(o.date, ctx) ?? ctx.today,
  };
  const asked = input.matter === undefined;
  if (asked) {
    if (!ctx.interactive) requireFlags(['--matter']);
    input = await askDecision(input, ctx.today);
  }
  const db = await ctx.db();
  const id = write(db, () => insertDecision(db, { ...input, matter: input.matter! }));
  if (asked) writeErr(oneLine(t('msg.saved_decision', { id, matter: input.matter!, kind: label('decision_kind', input.kind) })));
  emitRecord(id, () => getDecision(db, id), o);
}

export function decisionCommand(): Command {
  const cmd = new Command('decision').description(t('cmd.decision'));

  addOutputOptions(
    cmd
      .command('add')
      .description(t('cmd.decision.add'))
      .option('--matter <text>', t('opt.matter'))
      .option('--date <date>', t('opt.decision_date'))
      .option('--kind <key>', t('opt.decision_kind')),
  )
    .addHelpText('after', '\nExamples:\n  fs decision add\n  fs decision add --matter "lease 20 mu of collective land to the tea co-operative" --kind land-forest-transfer --date 2026-09-01')
    .action(action(addDecision));

  cmd.addCommand(stepCommand());

  addOutputOptions(addRangeOptions(cmd.command('list').description(t('cmd.decision.list'))).option('--status <key>', t('opt.decision_status')))
    .addHelpText('after', '\nExamples:\n  fs decision list --status in-progress\n  fs decision list --period 2026 --format json')
    .action(
      action(async (ctx, o: RangeOptions & OutputOptions & { status?: string }) => {
        const range = resolveRange(o, ctx);
        const status = o.status === undefined ? undefined : oneOf(DECISION_STATUSES, o.status, t('what.status'));
        const db = await ctx.db();
        emitListing(decisionListing(listDecisions(db, { status, from: range.from, to: range.to })), o, ctx);
      }),
    );

  addOutputOptions(cmd.command('show').description(t('cmd.decision.show')).argument('<id>'))
    .addHelpText('after', '\nExample:\n  fs decision show 3 --format json')
    .action(
      action(async (ctx, idArg: string, o: OutputOptions) => {
        const id = parseId(idArg);
        const db = await ctx.db();
        const d = getDecision(db, id);
        const fields = decisionFields(d);
        emitDocument(
          {
            parts: [
              { kind: 'fields', title: `${t('entity.decision')} #${d.id}`, fields },
              { kind: 'listing', listing: stepListing(d.steps) },
            ],
            json: d,
            primary: recordListing(fields),
          },
          o,
          ctx,
        );
      }),
    );

  return cmd;
}
