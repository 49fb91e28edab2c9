// fs import: load an export (this ledger's or another's) by uid, all or nothing.
import { Command } from 'commander';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { LineError, parseHeader, totalCounts, unwrapJsonArrayLine } from '../domain/transfer.js';
import { backupDatabase, backupDirFor, newBackupPath } from '../db/backup.js';
import { latestVersion } from '../db/open.js';
import { hasRecords, importRecords } from '../db/transfer.js';
import { DataError, NotFoundError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { importListing } from '../render/safety.js';
import { action } from './shared/action.js';
import { isDirectory } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, emitListing, type OutputOptions } from './shared/options.js';

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The lines of a file (or stdin for "-"), read in 4 MB chunks and cut at the bytes: an export of
 * millions of records never sits whole in memory, and no line is decoded twice.
 */
export function* readLines(fd: number): Generator<string> {
  let buf = Buffer.alloc(1 << 22);
  let start = 0;
  let end = 0;
  const line = (from: number, to: number) => buf.toString('utf8', from, to > from && buf[to - 1] === 13 ? to - 1 : to);
  for (;;) {
    if (end === buf.length) {
      // Full: move the unfinished line to the front, or grow for a line longer than the buffer.
      if (start > 0) {
        buf.copy(buf, 0, start, end);
        end -= start;
        start = 0;
      } else {
        const bigger = Buffer.alloc(buf.length * 2);
        buf.copy(bigger, 0, 0, end);
        buf = bigger;
      }
    }
    let n: number;
    try {
      n = readSync(fd, buf, end, buf.length - end, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        sleep(5);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    end += n;
    for (let nl = buf.indexOf(10, start); nl !== -1 && nl < end; nl = buf.indexOf(10, start)) {
      yield line(start, nl);
      start = nl + 1;
    }
  }
  if (start < end) yield line(start, end);
}

/** The header is read before anything else happens (a backup, a transaction): a wrong file costs nothing. */
function withCheckedHeader(lines: Generator<string>): Iterable<string> {
  const before: string[] = [];
  // Not for-of: leaving a for-of loop early would close the generator.
  for (let next = lines.next(); !next.done; next = lines.next()) {
    const line = next.value;
    before.push(line);
    const text = unwrapJsonArrayLine(line);
    if (text === undefined) continue;
    try {
      parseHeader(text, latestVersion());
    } catch (e) {
      if (e instanceof LineError) throw new DataError('err.import_line', { line: before.length, detail: e.message });
      throw e;
    }
    break;
  }
  return (function* () {
    yield* before;
    yield* lines;
  })();
}

export function importCommand(): Command {
  return addOutputOptions(
    new Command('import')
      .description(t('cmd.import'))
      .argument('<file>', t('arg.import_file'))
      .option('--dry-run', t('opt.dry_run')),
  )
    .addHelpText('after', '\nExamples:\n  fs import ledger-2026.ndjson --dry-run\n  fs import ledger-2026.ndjson\n  gunzip -c ledger.ndjson.gz | fs import -')
    .action(
      action(async (ctx, file: string, o: OutputOptions & { dryRun?: boolean }) => {
        const stdin = file === '-';
        if (stdin && process.stdin.isTTY) throw new UsageError('err.import_stdin_tty');
        if (!stdin && !existsSync(file)) throw new NotFoundError('err.file_missing', { path: file });
        if (!stdin && isDirectory(file)) throw new UsageError('err.file_is_dir', { path: file });
        const fd = stdin ? 0 : openSync(file, 'r');
        try {
          const lines = withCheckedHeader(readLines(fd));
          const db = await ctx.db();
          if (!o.dryRun && hasRecords(db)) {
            const backup = newBackupPath(backupDirFor(ctx.dbPath), ctx.dbPath);
            await backupDatabase(db, backup);
            writeErr(t('msg.import_backup', { path: backup }));
          }
          const result = importRecords(db, lines, { dryRun: Boolean(o.dryRun), knownSchema: latestVersion(), source: stdin ? 'stdin' : basename(file) });
          emitListing(importListing(result.counts), o, ctx);
          const total = totalCounts(result.counts);
          writeErr(t(o.dryRun ? 'msg.import_dry_run' : 'msg.imported', total));
        } finally {
          if (!stdin) closeSync(fd);
        }
      }),
    );
}
