// The only place that writes to stdout, stderr and output files.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { DataError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { terminalSafe } from '../../render/escape.js';

/**
 * Standard output. On a terminal nothing but text and fs's own colours gets through, whatever the
 * format (`fs config get`, JSON with an ESC in a name); piped, the bytes are the data, unchanged.
 */
export function writeOut(text: string): void {
  process.stdout.write(process.stdout.isTTY ? terminalSafe(text) : text);
}

/** Standard error is always for people: messages, notices and echoes lose controls and invisible characters. */
export function writeErr(text: string): void {
  const safe = terminalSafe(text);
  process.stderr.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

/** Write an -o file: created 0600 (the process umask is 077 too); an existing file keeps its mode. */
export function writeOutputFile(path: string, text: string): void {
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
