// fs ledger: the 台账 a township collects, as one workbook with a sheet per ledger.
import { Command } from 'commander';
import { ALL_TIME, concernLedger, decisionLedger, disputeLedger, firstRecordDate, meetingLedger, pairLedger, planLedger, visitLedger, type LedgerRange } from '../db/ledger.js';
import { listPresenceDays } from '../db/presence.js';
import { DECISION_STEPS } from '../domain/decision.js';
import { LEDGER_SHEETS, ledgerColumns, type LedgerRow, type LedgerSheet } from '../domain/ledger.js';
import { presenceCells, concernCells, decisionCells, disputeCells, meetingCells, pairCells, planCells, summaryCells, visitCells } from '../domain/ledger-rows.js';
import { REPORT_SECTIONS } from '../domain/report.js';
import { UsageError } from '../errors.js';
import { getLang, hasMessage, joinList, label, t, type MessageKey } from '../i18n/index.js';
import { writeWorkbook, type SheetSpec } from '../render/xlsx.js';
import { buildReport, reportRedactor } from '../report/build.js';
import { parsePeriod, rangePeriod, type Period } from '../time/periods.js';
import { action } from './shared/action.js';
import type { Context } from './shared/context.js';
import { checkWorkbookOutput, streamOutput, writeErr } from './shared/io.js';
import { collect, optionalDate } from './shared/options.js';
import type { Db } from '../db/open.js';

interface LedgerFlags {
  sheet?: string[];
  from?: string;
  to?: string;
  redact?: boolean;
  output?: string;
}

const sheetName = (s: LedgerSheet) => t(`ledger.sheet.${s}` as MessageKey);

/** A sheet given by its key or its name in either language; comma lists too. */
export function parseSheets(values: readonly string[]): LedgerSheet[] {
  const out: LedgerSheet[] = [];
  for (const v of values.flatMap((x) => x.split(/[,，、]/)).map((x) => x.trim()).filter(Boolean)) {
    const found = LEDGER_SHEETS.find((s) => s === v || [t(`ledger.sheet.${s}` as MessageKey, {}, 'en').toLowerCase(), t(`ledger.sheet.${s}` as MessageKey, {}, 'zh')].includes(v.toLowerCase()));
    if (!found) throw new UsageError('err.bad_choice', { what: t('what.sheet'), value: v, choices: LEDGER_SHEETS.map((s) => `${s} (${sheetName(s)})`).join(', ') });
    if (!out.includes(found)) out.push(found);
  }
  return LEDGER_SHEETS.filter((s) => out.includes(s));
}

function header(sheet: LedgerSheet, key: string): string {
  const [kind, step] = key.split(':');
  if (step) return t(`ledger.col.${kind}` as MessageKey, { step: label('decision_step', step) });
  const specific = `ledger.col.${sheet}.${key}`;
  return t((hasMessage(specific) ? specific : `ledger.col.${key}`) as MessageKey);
}

/** Rows made lazily, one at a time: a year of visits is streamed, never held. */
function* mapRows<T>(rows: Iterable<T>, f: (r: T) => LedgerRow): Generator<LedgerRow> {
  for (const r of rows) yield f(r);
}

function rowsOf(db: Db, sheet: LedgerSheet, range: LedgerRange, period: Period, ctx: Context, redact: boolean): Iterable<LedgerRow> {
  switch (sheet) {
    case 'summary':
      return summaryCells(buildReport(db, { period, today: ctx.today, sections: REPORT_SECTIONS, redact, lang: getLang() }));
    case 'presence':
      return mapRows(listPresenceDays(db, range.from, range.to), presenceCells);
    case 'visits':
      return mapRows(visitLedger(db, range), visitCells);
    case 'concerns':
      return mapRows(concernLedger(db, range), (c) => concernCells(c, ctx.today));
    case 'disputes':
      return mapRows(disputeLedger(db, range), disputeCells);
    case 'pairs':
      return mapRows(pairLedger(db, range), pairCells);
    case 'meetings':
      return mapRows(meetingLedger(db, range), meetingCells);
    case 'decisions':
      return mapRows(decisionLedger(db, range), (d) => decisionCells(d, DECISION_STEPS));
    case 'plan':
      return mapRows(planLedger(db, range), planCells);
  }
}

export function ledgerCommand(): Command {
  return new Command('ledger')
    .description(t('cmd.ledger'))
    .argument('[period]', t('opt.ledger_period'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'))
    .option('--sheet <name>', t('opt.sheet'), collect)
    .option('--redact', t('opt.redact'))
    .option('-o, --output <file>', t('opt.ledger_output'))
    .addHelpText('after', '\nExamples:\n  fs ledger -o 台账.xlsx\n  fs ledger last-year --sheet 走访台账 --sheet concerns -o 2026台账.xlsx\n  fs ledger 2026-Q4 --redact -o shared.xlsx')
    .action(
      action(async (ctx, periodArg: string | undefined, o: LedgerFlags) => {
        const sheets = o.sheet ? parseSheets(o.sheet) : [...LEDGER_SHEETS];
        checkWorkbookOutput(o.output, ctx);
        const from = optionalDate(o.from, ctx);
        const to = optionalDate(o.to, ctx);
        const db = await ctx.db();
        const period = periodArg ? parsePeriod(periodArg, ctx.today) : rangePeriod(from ?? firstRecordDate(db, ctx.today), to ?? ctx.today);
        const range = periodArg || from || to ? { from: period.from, to: period.to } : ALL_TIME;
        const redactor = o.redact ? reportRedactor(db, { lang: getLang() }) : undefined;
        const specs = sheets.map((sheet): SheetSpec => {
          const columns = ledgerColumns(sheet, DECISION_STEPS);
          const rows = rowsOf(db, sheet, range, period, ctx, Boolean(o.redact));
          return {
            name: sheetName(sheet),
            columns: columns.map((c) => ({ header: header(sheet, c.key), type: c.type, long: c.long })),
            // Every text cell goes through the redactor: names, households and phones inside free text too.
            rows: redactor && sheet !== 'summary' ? mapRows(rows, (r) => r.map((v, i) => (columns[i]!.type === 'text' && typeof v === 'string' ? redactor.text(v) : v))) : rows,
          };
        });
        const counts = await streamOutput(o.output, (stream) => writeWorkbook(stream, specs));
        if (o.output) writeErr(t('msg.ledger_written', { path: o.output, sheets: joinList([...counts].map(([sheet, n]) => t('msg.ledger_sheet_rows', { sheet, n }))) }));
      }),
    );
}
