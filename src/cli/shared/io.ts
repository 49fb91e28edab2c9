// The only place that writes to stdout, stderr and output files.
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { DataError } from '../../errors.js';
import { t } from '../../i18n/index.js';

export function writeOut(text: string): void {
  process.stdout.write(text);
}

/** Binary output (a .docx piped to a file). */
export function writeOutBytes(bytes: Uint8Array): void {
  process.stdout.write(bytes);
}

export function writeErr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Write an -o file: created 0600 (the process umask is 077 too); an existing file keeps its mode. */
export function writeOutputFile(path: string, text: string | Uint8Array): void {
  try {
    writeFileSync(path, text, { mode: 0o600 });
  } catch (e) {
    throw new DataError('err.write_file', { path, detail: (e as Error).message });
  }
}

/**
 * Large output (an export) in 1 MB chunks, to stdout or to a file. The file is written beside its
 * final name (0600) and renamed when complete: an interrupted export never leaves a file that
 * looks whole.
 */
export function outputSink(output: string | undefined) {
  const tmp = output ? `${output}.partial-${process.pid}` : undefined;
  let fd: number | undefined;
  if (tmp) {
    try {
      fd = openSync(tmp, 'wx', 0o600);
    } catch (e) {
      throw new DataError('err.write_file', { path: output!, detail: (e as Error).message });
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

/**
 * A binary output (a workbook, a document) streamed to an -o file or to stdout. The file is written
 * beside its final name (0600), flushed and renamed when complete: an interrupted write never
 * leaves a file that looks whole.
 */
export function outputStream(output: string | undefined): { stream: Writable; finish(): Promise<void>; abort(): void } {
  if (!output) return { stream: process.stdout, finish: async () => {}, abort: () => {} };
  const tmp = `${output}.partial-${process.pid}`;
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o600);
  } catch (e) {
    throw new DataError('err.write_file', { path: output, detail: (e as Error).message });
  }
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
