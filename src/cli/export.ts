// fs export: every live record of every table, with its uid, as portable JSON lines.
import { Command } from 'commander';
import { extname } from 'node:path';
import { exportRecords } from '../db/transfer.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { action } from './shared/action.js';
import { outputSink, writeErr } from './shared/io.js';

export const EXPORT_FORMATS = ['ndjson', 'json'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** --format > the -o file's extension (.json) > ndjson. */
function exportFormat(o: { format?: string; output?: string }): ExportFormat {
  if (o.format !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw new UsageError('err.bad_format', { value: o.format, choices: EXPORT_FORMATS.join(', ') });
    return o.format as ExportFormat;
  }
  return o.output && extname(o.output).toLowerCase() === '.json' ? 'json' : 'ndjson';
}

export function exportCommand(): Command {
  return new Command('export')
    .description(t('cmd.export'))
    .option('--format <format>', t('opt.export_format'))
    .option('-o, --output <file>', t('opt.export_output'))
    .addHelpText('after', '\nExamples:\n  fs export -o ledger-2026.ndjson\n  fs export --format json -o ledger.json\n  fs export | gzip > ledger.ndjson.gz')
    .action(
      action(async (ctx, o: { format?: string; output?: string }) => {
        const format = exportFormat(o);
        const db = await ctx.db();
        const out = outputSink(o.output);
        try {
          let first = true;
          if (format === 'json') out.write('[\n');
          const summary = exportRecords(db, (line) => {
            if (format === 'json') out.write(first ? line : `,\n${line}`);
            else out.write(`${line}\n`);
            first = false;
          });
          if (format === 'json') out.write('\n]\n');
          out.finish();
          const n = summary.counts.reduce((a, c) => a + c.records, 0);
          writeErr(o.output ? t('msg.exported_file', { n, path: o.output }) : t('msg.exported', { n }));
        } catch (e) {
          out.abort();
          throw e;
        }
      }),
    );
}
