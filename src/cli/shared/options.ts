// Options every command shares, and the value parsers behind them.
import { extname } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { FORMATS, renderDocument, renderListing, renderTableBytes, renderTableChunks, type Document, type Format, type Listing } from '../../render/output.js';
import { parseDate, type IsoDate } from '../../time/dates.js';
import { parsePeriod, rangePeriod, type Period } from '../../time/periods.js';
import type { Context } from './context.js';
import { writeErr, writeOut, writeOutChunks, writeOutputFile } from './io.js';

/** For repeatable flags: `--topic a --topic b`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export interface OutputOptions {
  format?: string;
  output?: string;
  /** A UTF-8 byte-order mark and CRLF, for Excel (csv and tsv only). */
  bom?: boolean;
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option('--format <format>', t('opt.format'))
    .option('-o, --output <file>', t('opt.output'))
    .option('--bom', t('opt.bom'));
}

const EXTENSIONS: Record<string, Format> = { '.md': 'md', '.csv': 'csv', '.tsv': 'tsv', '.json': 'json', '.ndjson': 'ndjson' };

/** --format > the -o file's extension > table on a terminal, tsv when piped or written to a file. */
export function resolveFormat(opts: OutputOptions, ctx: Pick<Context, 'stdoutIsTTY'>): Format {
  const format = formatOf(opts, ctx);
  if (opts.bom && format !== 'csv' && format !== 'tsv') throw new UsageError('err.bom_needs_csv', { format });
  return format;
}

function formatOf(opts: OutputOptions, ctx: Pick<Context, 'stdoutIsTTY'>): Format {
  if (opts.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(opts.format)) {
      throw new UsageError('err.bad_format', { value: opts.format, choices: FORMATS.join(', ') });
    }
    return opts.format as Format;
  }
  // A file is not a terminal: an unknown extension gets the piped default.
  if (opts.output) return EXTENSIONS[extname(opts.output).toLowerCase()] ?? 'tsv';
  return ctx.stdoutIsTTY ? 'table' : 'tsv';
}

export function emit(text: string, opts: OutputOptions): void {
  if (opts.output) {
    writeOutputFile(opts.output, text);
    writeErr(t('msg.wrote_file', { path: opts.output }));
  } else {
    writeOut(text);
  }
}

/** Rendered text as the user asked for it: with --bom, Excel's byte-order mark and CRLF line ends. */
export function withBom(text: string, opts: OutputOptions): string {
  return opts.bom ? `\uFEFF${text.replace(/\r?\n/g, '\r\n')}` : text;
}

export function emitListing<R>(listing: Listing<R>, opts: OutputOptions, ctx: Context): void {
  const format = resolveFormat(opts, ctx);
  // A terminal table is written as it is drawn: a long listing is never held whole in memory.
  if (format === 'table' && !opts.output) {
    writeOutChunks(
      () => renderTableChunks(listing),
      () => renderTableBytes(listing),
    );
    return;
  }
  emit(withBom(renderListing(listing, format), opts), opts);
}

export function emitDocument(doc: Document, opts: OutputOptions, ctx: Context): void {
  emit(withBom(renderDocument(doc, resolveFormat(opts, ctx)), opts), opts);
}

/** After add/edit: the record's id, or with --format json/ndjson the whole record. */
export function emitRecord(id: number, record: () => unknown, opts: OutputOptions): void {
  if (opts.format === 'json') emit(`${JSON.stringify(record(), null, 2)}\n`, opts);
  else if (opts.format === 'ndjson') emit(`${JSON.stringify(record())}\n`, opts);
  else emit(`${id}\n`, opts);
}

export function parseId(value: string): number {
  const m = /^#?(\d{1,15})$/.exec(value.trim());
  if (!m) throw new UsageError('err.bad_id', { value });
  return Number(m[1]);
}

export function parseWholeNumber(value: string, what: string, min = 0): number {
  if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < min) throw new UsageError('err.bad_int', { what, value });
  return Number(value);
}

export function optionalDate(value: string | undefined, ctx: Context): IsoDate | undefined {
  return value === undefined ? undefined : parseDate(value, ctx.today);
}

/** A date of something that has happened (a visit, a help entry, a meeting): not after today. */
export function pastDate(value: string | undefined, ctx: Context): IsoDate | undefined {
  const date = optionalDate(value, ctx);
  if (date && date > ctx.today) throw new UsageError('err.date_in_future', { date, today: ctx.today });
  return date;
}

export interface RangeOptions {
  period?: string;
  from?: string;
  to?: string;
}

export function addRangeOptions(cmd: Command): Command {
  return cmd
    .option('--period <period>', t('opt.period'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'));
}

/** --period, or --from/--to (inclusive; either may be open), or nothing. */
export function resolveRange(opts: RangeOptions, ctx: Context): { from?: IsoDate; to?: IsoDate; period?: Period } {
  const period = opts.period ? parsePeriod(opts.period, ctx.today) : undefined;
  const from = optionalDate(opts.from, ctx);
  const to = optionalDate(opts.to, ctx);
  if (from && to) rangePeriod(from, to);
  return {
    period,
    from: [period?.from, from].filter(Boolean).sort().pop(),
    to: [period?.to, to].filter(Boolean).sort()[0],
  };
}

/** Without a terminal, every required value must come from a flag: name the missing ones in one line. */
export function requireFlags(missing: string[]): void {
  if (missing.length) throw new UsageError('err.missing_flags', { flags: missing.join(', ') });
}
