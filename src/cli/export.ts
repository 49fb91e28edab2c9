// fs export: every live record of every table, with its uid, as portable JSON lines.
import { Command } from 'commander';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { extname } from 'node:path';
import { exportRecords } from '../db/transfer.js';
import { DataError, UsageError } from '../errors.js';
import { t } from '../render/i18n/index.js';
import { action } from './shared/action.js';
import { writeErr, writeOut } from './shared/io.js';

export const EXPORT_FORMATS = ['ndjson', 'json'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** --format > the -o file's extension (.json) > ndjson. */
function exportFormat(o: { format?: string; output?: string }): ExportFormat {
  if (o.format !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw new UsageError(t('err.bad_format', { value: o.format, choices: EXPORT_FORMATS.join(', ') }));
    return o.format as ExportFormat;
  }
  return o.output && extname(o.output).toLowerCase() === '.json' ? 'json' : 'ndjson';
}

/**
 * Text out in 1 MB chunks. A file is written beside its final name and renamed when complete: an
 * interrupted export never leaves a file that looks whole.
 */
function sink(output: string | undefined) {
  const tmp = output ? `${output}.partial-${process.pid}` : undefined;
  let fd: number | undefined;
  if (tmp) {
    try {
      fd = openSync(tmp, 'wx', 0o600);
    } catch (e) {
      throw new DataError(t('err.write_file', { path: output!, detail: (e as Error).message }));
    }
  }
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    if (!chunk.length) return;
    const text = chunk.join('');
    if (fd !== undefined) writeSync(fd, text);
    else writeOut(text);
    chunk = [];
    size = 0;
  };
  return {
    write(text: string) {
      chunk.push(text);
      size += text.length;
      if (size > 1 << 20) flush();
    },
    finish() {
      flush();
      if (fd !== undefined) {
        fsyncSync(fd);
        closeSync(fd);
        renameSync(tmp!, output!);
      }
    },
    abort() {
      if (fd !== undefined) {
        closeSync(fd);
        rmSync(tmp!, { force: true });
      }
    },
  };
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
        const out = sink(o.output);
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
