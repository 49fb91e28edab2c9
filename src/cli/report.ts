// fs report: the work report for a period, for documents (md), scripts (json, csv) and cron.
import { Command } from 'commander';
import { extname } from 'node:path';
import { redactDocument } from '../domain/document.js';
import { rememberingVisitDays } from '../db/report.js';
import { UsageError } from '../errors.js';
import { renderDocumentMarkdown } from '../render/document-md.js';
import { reportRedactor } from '../report/build.js';
import { gatherDocumentData, gatherDocumentParts, type DocumentParts } from '../report/document-data.js';
import { buildDocument } from '../report/document.js';
import { writeErr, writeOutBytes, writeOutputFile } from './shared/io.js';
import { manyOf, oneOf } from '../domain/keys.js';
import { REPORT_BY, REPORT_SECTIONS } from '../domain/report.js';
import { getLang, t } from '../i18n/index.js';
import { renderReport } from '../render/report.js';
import { buildReportParallel, readReport } from '../report/parallel.js';
import { parsePeriod } from '../time/periods.js';
import { action } from './shared/action.js';
import { addOutputOptions, collect, emit, parseWholeNumber, resolveFormat, withBom, type OutputOptions } from './shared/options.js';

interface ReportFlags extends OutputOptions {
  section?: string[];
  by?: string;
  redact?: boolean;
  detail?: boolean;
  detailLimit?: string;
}

const DEFAULT_DETAIL_LIMIT = 50;

export function reportCommand(): Command {
  return addOutputOptions(
    new Command('report')
      .description(t('cmd.report'))
      .argument('[period]', t('opt.report_period'), 'this-week')
      .option('--section <name>', t('opt.section'), collect)
      .option('--by <interval>', t('opt.by'))
      .option('--redact', t('opt.redact'))
      .option('--detail', t('opt.detail'))
      .option('--no-detail', t('opt.no_detail'))
      .option('--detail-limit <n>', t('opt.detail_limit')),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  fs report                                   # this week, on the terminal\n  fs report last-week --format md -o week.md  # for the township\'s document\n  fs report 2026-11 --lang zh -o 月报.docx       # the 工作月报 as a Word file (or --format docx)\n  fs report 2026 --by month --format md --redact\n  fs report 2026-Q4 --section meetings --format json',
    )
    .action(
      action(async (ctx, periodArg: string, o: ReportFlags) => {
        const period = parsePeriod(periodArg, ctx.today);
        // A Word file is this command's own format: --format docx, or -o X.docx without --format.
        const docx = o.format === 'docx' || (o.format === undefined && o.output !== undefined && extname(o.output).toLowerCase() === '.docx');
        if (docx && !o.output && ctx.stdoutIsTTY) throw new UsageError('doc.err.docx_terminal');
        const format = docx ? 'md' : resolveFormat(o, ctx);
        const sections = o.section ? manyOf(REPORT_SECTIONS, o.section, t('what.section')) : [...REPORT_SECTIONS];
        const by = o.by === undefined ? undefined : oneOf(REPORT_BY, o.by, t('what.by'));
        const limit = o.detailLimit === undefined ? DEFAULT_DETAIL_LIMIT : parseWholeNumber(o.detailLimit, t('what.detail_limit'));
        // The narrative: in table and md unless --no-detail; in JSON only with --detail; never in the long format.
        const detail = { text: o.detail !== false, json: o.detail === true };
        const wanted = format === 'table' || format === 'md' ? detail.text : format === 'json' || format === 'ndjson' ? detail.json : false;
        const db = await ctx.db();
        const chosen = REPORT_SECTIONS.filter((s) => sections.includes(s));
        if (format === 'md') {
          // A Word file's writer is loaded while the worker counts (see `meanwhile` below).
          const docxWriter = docx ? await import('../render/document-docx.js') : undefined;
          // The work report as a document: one tree, redacted on the tree, then Markdown or docx.
          // The document's tables and due items are read on the figures' snapshot.
          const { model, data } = await rememberingVisitDays(db, () =>
            {
            // The document's own tables are read while the worker counts the figures.
            let parts: DocumentParts | undefined;
            const docLimit = detail.text ? limit : -1;
            return readReport(
              db,
              ctx.dbPath,
              { period, today: ctx.today, sections: chosen, by, redact: false },
              (model) => ({ model, data: gatherDocumentData(db, model, docLimit, parts) }),
              true,
              () => {
                parts = gatherDocumentParts(db, { period, today: ctx.today, sections: chosen }, docLimit);
                docxWriter?.preloadDocx();
              },
            );
          },
          );
          let tree = buildDocument(model, data, getLang(), Boolean(o.redact));
          if (o.redact) tree = redactDocument(tree, reportRedactor(db, { lang: getLang() }));
          if (!docxWriter) return emit(renderDocumentMarkdown(tree), o);
          const bytes = await docxWriter.renderDocumentDocx(tree);
          if (!o.output) return writeOutBytes(bytes);
          writeOutputFile(o.output, bytes);
          return writeErr(t('msg.wrote_file', { path: o.output }));
        }
        const model = await buildReportParallel(db, ctx.dbPath, { period, today: ctx.today, sections: chosen, by, detailLimit: wanted ? limit : undefined, redact: Boolean(o.redact), lang: getLang() });
        emit(withBom(renderReport(model, format, detail), o), o);
      }),
    );
}
