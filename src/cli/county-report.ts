// fs county report: every village's report figures side by side, with totals and ranked comparison
// rates, computed by PostgreSQL (src/db/county/report.ts) and shaped in the domain.
import { Command } from 'commander';
import { extname } from 'node:path';
import { officialCalendar } from '../db/calendar.js';
import { checkCountyVersion } from '../db/county/migrate.js';
import { countyFigures } from '../db/county/report.js';
import { buildCountyReport, COUNTY_BY, COUNTY_FORMATS, countyQueryOf, redactCountyReport, type CountyFormat } from '../domain/county-report.js';
import { oneOf } from '../domain/keys.js';
import { UsageError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { countyCsv, countyDocument, countyJson, countyTable } from '../render/county-report.js';
import { renderDocumentMarkdown } from '../render/document-md.js';
import { parsePeriod } from '../time/periods.js';
import { action } from './shared/action.js';
import type { Context } from './shared/context.js';
import { checkCountyUrl, withCounty } from './shared/county.js';
import { streamOutput, writeErr } from './shared/io.js';
import { emit } from './shared/options.js';

interface Flags {
  url?: string;
  by?: string;
  format?: string;
  output?: string;
  redact?: boolean;
}

/** --format, else the -o file's extension, else a table. xlsx and docx need a file or a pipe. */
function formatOf(o: Flags, ctx: Context): CountyFormat {
  const f = o.format ?? (o.output ? extname(o.output).slice(1).toLowerCase() : 'table');
  if (!(COUNTY_FORMATS as readonly string[]).includes(f)) throw new UsageError('county.report.err.format', { value: f, choices: COUNTY_FORMATS.join(', ') });
  const format = f as CountyFormat;
  if ((format === 'xlsx' || format === 'docx') && !o.output && ctx.stdoutIsTTY) throw new UsageError('county.report.err.binary_terminal', { format });
  return format;
}

export function countyReportCommand(): Command {
  return new Command('report')
    .description(t('cmd.county.report'))
    .argument('[period]', t('opt.county_report_period'), 'this-month')
    .option('--url <url>', t('opt.county_url'))
    .option('--by <unit>', t('opt.county_by'), 'village')
    .option('--format <format>', t('opt.county_report_format'))
    .option('-o, --output <file>', t('opt.output'))
    .option('--redact', t('opt.county_redact'))
    .addHelpText(
      'after',
      "\nExamples:\n  fs county report last-month --url 'postgresql://county@db/county'\n  fs county report 2026 --by township --format json --url ...\n  fs county report 2026-Q4 --lang zh -o 各村对比.docx --url ...\n  fs county report last-year --redact -o villages.xlsx --url ...",
    )
    .action(
      action(async (ctx, periodArg: string, o: Flags) => {
        // Every usage error before the server is asked anything.
        const period = parsePeriod(periodArg, ctx.today);
        const by = oneOf(COUNTY_BY, o.by ?? 'village', t('opt.county_by'));
        const format = formatOf(o, ctx);
        const url = checkCountyUrl(o.url);
        const q = countyQueryOf(period, ctx.today, officialCalendar(period.from, period.to));
        const { ledgers, figures } = await withCounty(url, async (c, more) => {
          await checkCountyVersion(c);
          return countyFigures(c, q, more);
        });
        const lang = getLang();
        const collator = new Intl.Collator(lang === 'zh' ? 'zh' : 'en');
        let report = buildCountyReport(
          { period, today: ctx.today, by, noTownship: t('county.report.no_township'), collate: collator.compare },
          ledgers.map((l) => ({ ...l, figures: figures.get(l.ledger) ?? {} })),
        );
        if (o.redact) report = redactCountyReport(report, lang);
        if (format === 'json') return emit(`${JSON.stringify(countyJson(report), null, 2)}\n`, o);
        if (format === 'csv') return emit(countyCsv(report), o);
        if (format === 'table') return emit(countyTable(report), o);
        const tree = countyDocument(report);
        if (format === 'md') return emit(renderDocumentMarkdown(tree), o);
        await streamOutput(o.output, async (stream) => {
          if (format === 'xlsx') {
            const { documentSheets, writeWorkbook } = await import('../render/xlsx.js');
            await writeWorkbook(stream, documentSheets(tree));
          } else {
            const { renderDocumentDocx } = await import('../render/document-docx.js');
            stream.end(await renderDocumentDocx(tree));
          }
        });
        if (o.output) writeErr(t('msg.wrote_file', { path: o.output }));
      }),
    );
}
