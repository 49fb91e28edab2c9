// fs person import FILE and fs person template: the roster from and for a spreadsheet.
import { Command } from 'commander';
import { insertPerson, listPeople } from '../db/people.js';
import { write } from '../db/store.js';
import { PERSON_TAGS } from '../domain/people.js';
import { matchHeaders, planRosterImport, ROSTER_COLUMNS, rosterHeader, type RosterProblem } from '../domain/roster-import.js';
import { DataError } from '../errors.js';
import { joinList, label, t, type MessageKey } from '../i18n/index.js';
import { rosterPlanListing, rosterProblemListing } from '../render/people.js';
import { writeWorkbook } from '../render/xlsx.js';
import { action } from './shared/action.js';
import { checkWorkbookOutput, streamOutput, writeErr } from './shared/io.js';
import { addOutputOptions, emitListing, type OutputOptions } from './shared/options.js';
import { readSheets } from './shared/sheet-input.js';

interface ImportFlags extends OutputOptions {
  skipDuplicates?: boolean;
  dryRun?: boolean;
}

const at = (p: RosterProblem) => t('roster.err.at', { sheet: p.sheet, row: p.row, column: p.column, reason: t(p.reason, { value: p.value }) });

export function personImportCommand(): Command {
  return addOutputOptions(
    new Command('import')
      .description(t('cmd.person.import'))
      .argument('<file>')
      .option('--skip-duplicates', t('opt.skip_duplicates'))
      .option('--dry-run', t('opt.dry_run')),
  )
    .addHelpText('after', '\nExamples:\n  fs person template -o 花名册模板.xlsx\n  fs person import 花名册.xlsx --dry-run\n  fs person import 花名册.xlsx --skip-duplicates')
    .action(
      action(async (ctx, file: string, o: ImportFlags) => {
        const sheets = await readSheets(file);
        const sheet = sheets.find((s) => matchHeaders(s.rows[0] ?? []).name !== undefined);
        if (!sheet) throw new DataError('roster.err.no_sheet', { path: file });
        const db = await ctx.db();
        const plan = planRosterImport(sheet.name, sheet.rows, listPeople(db));
        if (plan.problems.length) {
          if (o.dryRun) emitListing(rosterProblemListing(plan.problems), o, ctx);
          const more = plan.problems.length > 1 ? t('roster.err.more', { n: plan.problems.length - 1 }) : '';
          throw new DataError('roster.err.refused', { first: at(plan.problems[0]!), more });
        }
        const first = plan.duplicates[0];
        if (first && !o.skipDuplicates) {
          throw new DataError('roster.err.duplicates', { n: plan.duplicates.length, row: first.row, name: first.household ? `${first.name}（${first.household}）` : first.name });
        }
        const skipped = plan.duplicates.length ? t('roster.msg.skipped', { n: plan.duplicates.length }) : '';
        if (o.dryRun) {
          emitListing(rosterPlanListing(plan.add), o, ctx);
          writeErr(t('roster.msg.dry_run', { n: plan.add.length, path: file, skipped }));
          return;
        }
        // One transaction, one change set: `fs undo` takes the whole import back.
        write(db, () => plan.add.forEach((r) => insertPerson(db, r.person, ctx.today)));
        writeErr(t('roster.msg.imported', { n: plan.add.length, path: file, skipped }));
      }),
    );
}

const HELP_REQUIRED: Record<(typeof ROSTER_COLUMNS)[number], boolean> = { name: true, household: false, group: false, phone: false, tags: false, notes: false };

export function personTemplateCommand(): Command {
  return new Command('template')
    .description(t('cmd.person.template'))
    .option('-o, --output <file>', t('opt.template_output'))
    .addHelpText('after', '\nExamples:\n  fs person template -o 花名册模板.xlsx\n  fs --lang en person template -o roster-template.xlsx')
    .action(
      action(async (ctx, o: { output?: string }) => {
        checkWorkbookOutput(o.output, ctx);
        const tags = joinList(PERSON_TAGS.map((k) => `${label('person_tag', k)} (${k})`));
        await streamOutput(o.output, (stream) =>
          writeWorkbook(stream, [
            { name: t('roster.sheet'), columns: ROSTER_COLUMNS.map((c) => ({ header: rosterHeader(c), type: 'text' as const, long: c === 'tags' || c === 'notes' })), rows: [] },
            {
              name: t('roster.help_sheet'),
              columns: [{ header: t('roster.help.column'), type: 'text' }, { header: t('roster.help.required'), type: 'text' }, { header: t('roster.help.how'), type: 'text', long: true }],
              rows: [
                ...ROSTER_COLUMNS.map((c) => [rosterHeader(c), t(HELP_REQUIRED[c] ? 'roster.help.yes' : 'roster.help.no'), t(`roster.help.${c}` as MessageKey, { tags })]),
                [t('roster.help.import'), null, null],
              ],
            },
          ]),
        );
        if (o.output) writeErr(t('msg.wrote_file', { path: o.output }));
      }),
    );
}
