// fs dispute: disputes and petitions from intake to return visit (矛盾纠纷调处与信访).
import { Command } from 'commander';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUSES, type DisputeAction } from '../domain/dispute.js';
import { manyOf, oneOf } from '../domain/keys.js';
import { personRef } from '../domain/people.js';
import { getDispute, listDisputes, listEvents, type DisputeFilter } from '../db/dispute.js';
import { getPersonEvenRemoved } from '../db/people.js';
import { disputeFields, disputeJson, disputeListing, partyListing, timelineListing } from '../render/dispute.js';
import { t } from '../i18n/index.js';
import { recordListing } from '../render/output.js';
import { action } from './shared/action.js';
import { addOutputOptions, addRangeOptions, collect, emitDocument, emitListing, parseId, resolveRange, type OutputOptions, type RangeOptions } from './shared/options.js';
import { addDispute } from './dispute-add.js';
import { editDisputeCommand } from './dispute-edit.js';
import { runStep, type StepFlags } from './dispute-steps.js';
import { mediationDays } from './dispute-view.js';

interface ListFlags extends RangeOptions, OutputOptions {
  status?: string[];
  open?: boolean;
  overdue?: boolean;
  revisitDue?: boolean;
  category?: string;
  source?: string;
  party?: string;
}

function stepCommand(name: DisputeAction, describe: (cmd: Command) => Command, example: string): Command {
  const cmd = describe(new Command(name).description(t(`dispute.cmd.${name}`)).argument('<id>'));
  return addOutputOptions(cmd)
    .addHelpText('after', `\nExample:\n  ${example}`)
    .action(action((ctx, idArg: string, o: StepFlags) => runStep(ctx, name, idArg, o)));
}

export function disputeCommand(): Command {
  const cmd = new Command('dispute').description(t('dispute.cmd'));

  addOutputOptions(
    cmd
      .command('add')
      .description(t('dispute.cmd.add'))
      .option('--title <text>', t('dispute.opt.title'))
      .option('--category <key>', t('dispute.opt.category'))
      .option('--party <name-or-id>', t('dispute.opt.party'), collect)
      .option('--source <key>', t('dispute.opt.source'))
      .option('--channel <key>', t('dispute.opt.channel'))
      .option('--risk <level>', t('dispute.opt.risk'))
      .option('--flag <key>', t('dispute.opt.flag'), collect)
      .option('--date <date>', t('dispute.opt.registered_on'))
      .option('--description <text>', t('dispute.opt.description'))
      .option('--visit <visit-id>', t('dispute.opt.visit'))
      .option('--tag-petitioner', t('dispute.opt.tag_petitioner')),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  fs dispute add\n  fs dispute add --title "boundary wall" --category neighbor --party 王五 --party 赵六 --source visit --visit 42\n  fs dispute add --title "unpaid wages" --category labor --party 7 --source petition --channel hotline --risk high --flag group-risk --tag-petitioner',
    )
    .action(action(addDispute));

  addOutputOptions(
    cmd
      .command('edit')
      .description(t('cmd.dispute.edit'))
      .argument('<id>')
      .option('--title <text>', t('dispute.opt.title'))
      .option('--category <key>', t('dispute.opt.category'))
      .option('--source <key>', t('dispute.opt.source'))
      .option('--channel <key>', t('dispute.opt.channel'))
      .option('--risk <level>', t('dispute.opt.risk'))
      .option('--add-flag <key>', t('opt.dispute_add_flag'), collect)
      .option('--remove-flag <key>', t('opt.dispute_remove_flag'), collect)
      .option('--description <text>', t('dispute.opt.description'))
      .option('--visit <visit-id>', t('dispute.opt.visit'))
      .option('--party <name-or-id>', t('opt.dispute_add_party'), collect)
      .option('--remove-party <name-or-id>', t('opt.dispute_remove_party'), collect),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  fs dispute edit 3 --party 10            (links the party typed as 王五 to roster person #10 王五)\n  fs dispute edit 3 --risk high --add-flag group-risk --remove-party 赵六\n  fs dispute edit 3                       (asks, pre-filled, on a terminal)',
    )
    .action(action(editDisputeCommand));

  addOutputOptions(
    addRangeOptions(cmd.command('list').description(t('dispute.cmd.list')))
      .option('--status <key>', t('dispute.opt.status'), collect)
      .option('--open', t('dispute.opt.open'))
      .option('--overdue', t('dispute.opt.overdue'))
      .option('--revisit-due', t('dispute.opt.revisit_due'))
      .option('--category <key>', t('dispute.opt.category'))
      .option('--source <key>', t('dispute.opt.filter_source'))
      .option('--party <name-or-id>', t('dispute.opt.filter_party')),
  )
    .addHelpText('after', '\nExamples:\n  fs dispute list --open\n  fs dispute list --overdue --format json\n  fs dispute list --revisit-due\n  fs dispute list --period last-month --category land-contract')
    .action(
      action(async (ctx, o: ListFlags) => {
        const range = resolveRange(o, ctx);
        const filter: DisputeFilter = {
          statuses: o.status === undefined ? undefined : manyOf(DISPUTE_STATUSES, o.status, t('dispute.what.status')),
          category: o.category === undefined ? undefined : oneOf(DISPUTE_CATEGORIES, o.category, t('dispute.what.category')),
          source: o.source === undefined ? undefined : oneOf(DISPUTE_SOURCES, o.source, t('dispute.what.source')),
          open: o.open,
          overdue: o.overdue,
          revisitDue: o.revisitDue,
          today: ctx.today,
          from: range.from,
          to: range.to,
        };
        const db = await ctx.db();
        if (o.party !== undefined) {
          const ref = personRef(o.party);
          filter.party = 'id' in ref ? { person_id: getPersonEvenRemoved(db, ref.id).id } : ref;
        }
        const days = mediationDays(db);
        emitListing(disputeListing(listDisputes(db, { ...filter, mediationDays: days }), ctx.today, days), o, ctx);
      }),
    );

  addOutputOptions(cmd.command('show').description(t('dispute.cmd.show')).argument('<id>'))
    .addHelpText('after', '\nExample:\n  fs dispute show 3 --format json')
    .action(
      action(async (ctx, idArg: string, o: OutputOptions) => {
        const db = await ctx.db();
        const d = getDispute(db, parseId(idArg));
        const days = mediationDays(db);
        const events = listEvents(db, d.id);
        const fields = disputeFields(d, ctx.today, days);
        emitDocument(
          {
            parts: [
              { kind: 'fields', title: `${t('entity.dispute')} #${d.id}`, fields },
              { kind: 'listing', listing: partyListing(d.parties) },
              { kind: 'listing', listing: timelineListing(events) },
            ],
            json: { ...disputeJson(d, ctx.today, days), timeline: events },
            primary: recordListing(fields),
          },
          o,
          ctx,
        );
      }),
    );

  cmd.addCommand(
    stepCommand(
      'log',
      (c) => c.option('--date <date>', t('dispute.opt.step_date')).option('--note <text>', t('dispute.opt.step_note')).option('--with <name>', t('dispute.opt.with'), collect),
      'fs dispute log 3 --date today --note "met both families at the village office" --with "mediation committee chair"',
    ),
  );
  cmd.addCommand(
    stepCommand(
      'resolve',
      (c) =>
        c
          .option('--date <date>', t('dispute.opt.agreed_on'))
          .option('--agreement <text>', t('dispute.opt.agreement'))
          .option('--responsibility <text>', t('dispute.opt.responsibility'))
          .option('--perform-by <date>', t('dispute.opt.perform_by'))
          .option('--court-confirmation', t('dispute.opt.court_confirmation')),
      'fs dispute resolve 3 --date today --agreement "wall moved 30 cm east; 王五 pays 800 yuan" --perform-by 2026-12-31 --court-confirmation',
    ),
  );
  cmd.addCommand(
    stepCommand(
      'revisit',
      (c) =>
        c
          .option('--date <date>', t('dispute.opt.revisit_date'))
          .option('--performed <yes|no>', t('dispute.opt.performed'))
          .option('--satisfied <yes|no>', t('dispute.opt.satisfied'))
          .option('--note <text>', t('dispute.opt.note')),
      'fs dispute revisit 3 --date today --performed yes --satisfied yes',
    ),
  );
  cmd.addCommand(
    stepCommand(
      'escalate',
      (c) => c.option('--to <body>', t('dispute.opt.to')).option('--date <date>', t('dispute.opt.date')).option('--note <text>', t('dispute.opt.note')),
      'fs dispute escalate 3 --to "township mediation committee" --date today',
    ),
  );
  cmd.addCommand(
    stepCommand(
      'withdraw',
      (c) => c.option('--date <date>', t('dispute.opt.date')).option('--note <text>', t('dispute.opt.note')),
      'fs dispute withdraw 3 --date today --note "the parties settled on their own"',
    ),
  );
  return cmd;
}
