// The only place that writes to stdout, stderr and output files.
import { closeSync, createWriteStream, fsyncSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { DataError, UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { terminalSafe } from '../../render/escape.js';

/**
 * Standard output. On a terminal nothing but text and fs's own colours gets through, whatever the
 * format (`fs config get`, JSON with an ESC in a name); piped, the bytes are the data, unchanged.
 */
export function writeOut(text: string): void {
  process.stdout.write(process.stdout.isTTY ? terminalSafe(text) : text);
}

/**
 * A long output made in chunks, either way: as strings on a terminal (through writeOut's guard), as
 * UTF-8 bytes anywhere else, where the bytes are the data and need not be made as strings first.
 */
export function writeOutChunks(strings: () => Iterable<string>, bytes: () => Iterable<Uint8Array>): void {
  if (process.stdout.isTTY) for (const chunk of strings()) writeOut(chunk);
  else for (const chunk of bytes()) process.stdout.write(chunk);
}

/**
 * Standard output written through when it is a pipe: Node queues in memory whatever a pipe does
 * not take at once, so a 200,000-row table piped to a slower reader (`| less`, a parent process)
 * was held whole (1.1 GB) before it drained. Blocking writes keep memory to one chunk at a time,
 * as files and terminals already are.
 */
export function blockingStdout(): void {
  const handle = (process.stdout as unknown as { _handle?: { setBlocking?: (on: boolean) => unknown } })._handle;
  if (!process.stdout.isTTY && typeof handle?.setBlocking === 'function') handle.setBlocking(true);
}

/** Binary output (a .docx piped to a file). */
export function writeOutBytes(bytes: Uint8Array): void {
  process.stdout.write(bytes);
}

/** Standard error is always for people: messages, notices and echoes lose controls and invisible characters. */
export function writeErr(text: string): void {
  const safe = terminalSafe(text);
  writeStderr(safe.endsWith('\n') ? safe : `${safe}\n`);
}

declare const FS_BUNDLE: boolean | undefined;

// Run from the sources (tests that run main() in their own process and capture process.stderr),
// everything goes through the stream.
let stderrStream = typeof FS_BUNDLE === 'undefined';

/**
 * Text to standard error as it is, written to the descriptor itself rather than through
 * process.stderr: for a pipe (how scripts, tests and parent processes run fs) that stream is a
 * socket, and setting it up loads Node's network layer, a millisecond of a run that says one line.
 * Anything the descriptor does not take at once (a full pipe left non-blocking by another
 * process, a closed one) goes through process.stderr as before, and so does everything after it:
 * lines never overtake each other.
 */
export function writeStderr(text: string): void {
  if (stderrStream) {
    process.stderr.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(2, bytes, done);
  } catch {
    stderrStream = true;
    process.stderr.write(bytes.subarray(done));
  }
}

// The database of this run (set by the context): an -o file may never be it or its companions.
let database: string | undefined;

export function protectDatabase(dbPath: string): void {
  database = dbPath;
}

/** A path with its directory's symlinks resolved (the file itself may not exist). */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

const COMPANIONS = ['-wal', '-shm', '-journal'];

function looksLikeSqlite(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === 'SQLite format 3\0';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function statOrUndefined(path: string, link: boolean): Stats | undefined {
  try {
    return link ? lstatSync(path) : statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Where -o may write: a new path, or an existing regular file that is no database. Refused (exit
 * 2, nothing written): this run's database and its -wal/-shm/-journal (by name and by inode), any
 * SQLite file and its companions, a symbolic link (never followed onto another file), a directory,
 * device or pipe.
 */
export function checkOutputPath(path: string): void {
  const target = canonical(path);
  const st = statOrUndefined(target, true);
  if (st?.isSymbolicLink()) throw new UsageError('err.output_symlink', { path });
  if (st && !st.isFile()) throw new UsageError('err.output_not_file', { path });
  if (database) {
    const db = canonical(database);
    if ([db, ...COMPANIONS.map((c) => db + c)].includes(target)) throw new UsageError('err.output_is_db', { path });
    const dbStat = statOrUndefined(db, false);
    if (st && dbStat && st.ino === dbStat.ino && st.dev === dbStat.dev) throw new UsageError('err.output_is_db', { path });
  }
  if (st && looksLikeSqlite(target)) throw new UsageError('err.output_is_db', { path });
  const companion = COMPANIONS.find((c) => target.endsWith(c));
  if (companion && looksLikeSqlite(target.slice(0, -companion.length))) throw new UsageError('err.output_is_db', { path });
}

/**
 * Write an -o file: checked (checkOutputPath), written beside its final name as a new 0600 file
 * and renamed over it, so an existing file ends up 0600 too and a symlink put there meanwhile is
 * replaced, not followed.
 */
export function writeOutputFile(path: string, content: string | Uint8Array): void {
  const sink = outputSink(path);
  try {
    if (typeof content === 'string') sink.write(content);
    else sink.writeBytes(content);
    sink.finish();
  } catch (e) {
    sink.abort();
    throw e;
  }
}

const partialPath = (output: string) => `${output}.partial-${process.pid}`;

/** The new 0600 file an -o output is written to before it is renamed over its final name. */
function openPartial(output: string): number {
  try {
    return openSync(partialPath(output), 'wx', 0o600);
  } catch (e) {
    throw new DataError('err.write_file', { path: output, detail: (e as Error).message });
  }
}

/**
 * Large output (an export) in 1 MB chunks, to stdout or to a file. The file is written beside its
 * final name (0600) and renamed when complete: an interrupted export never leaves a file that
 * looks whole.
 */
export function outputSink(output: string | undefined) {
  if (output) checkOutputPath(output);
  const tmp = output ? partialPath(output) : undefined;
  let fd: number | undefined = output ? openPartial(output) : undefined;
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
    /** Binary output (a .docx): to a file only. */
    writeBytes(bytes: Uint8Array) {
      flush();
      if (fd === undefined) throw new DataError('err.write_file', { path: '-', detail: 'binary output needs -o FILE' });
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    },
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
        fd = undefined;
        try {
          renameSync(tmp!, output!);
        } catch (e) {
          rmSync(tmp!, { force: true });
          throw new DataError('err.write_file', { path: output!, detail: (e as Error).message });
        }
      }
    },
    abort() {
      if (fd !== undefined) {
        closeSync(fd);
        fd = undefined;
      }
      if (tmp) rmSync(tmp, { force: true });
    },
  };
}

/**
 * Stream a binary output through `write`, then finish the file, or remove it if anything failed:
 * an -o file is complete or absent.
 */
export async function streamOutput<T>(output: string | undefined, write: (stream: Writable) => Promise<T>): Promise<T> {
  const out = outputStream(output);
  try {
    const result = await write(out.stream);
    await out.finish();
    return result;
  } catch (e) {
    out.abort();
    throw e;
  }
}

/**
 * A binary output (a workbook, a document) streamed to an -o file or to stdout. The file is written
 * beside its final name (0600), flushed and renamed when complete: an interrupted write never
 * leaves a file that looks whole.
 */
export function outputStream(output: string | undefined): { stream: Writable; finish(): Promise<void>; abort(): void } {
  if (!output) return { stream: process.stdout, finish: async () => {}, abort: () => {} };
  checkOutputPath(output);
  const tmp = partialPath(output);
  const fd = openPartial(output);
  const stream = createWriteStream('', { fd, autoClose: false });
  return {
    stream,
    async finish() {
      await new Promise<void>((resolve, reject) => (stream.writableFinished ? resolve() : stream.once('finish', resolve).once('error', reject)));
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, output);
    },
    abort() {
      stream.destroy();
      closeSync(fd);
      rmSync(tmp, { force: true });
    },
  };
}

/** A workbook goes to an -o FILE.xlsx, or to stdout when that is not a terminal (exit 2 otherwise). */
export function checkWorkbookOutput(output: string | undefined, ctx: { stdoutIsTTY: boolean }): void {
  if (output !== undefined && !output.toLowerCase().endsWith('.xlsx')) throw new UsageError('err.ledger_not_xlsx', { path: output });
  if (output === undefined && ctx.stdoutIsTTY) throw new UsageError('err.ledger_needs_output');
}
