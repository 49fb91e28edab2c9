// The only place that writes to stdout, stderr and output files.
import { writeFileSync } from 'node:fs';
import { DataError } from '../../errors.js';
import { t } from '../../render/i18n/index.js';

export function writeOut(text: string): void {
  process.stdout.write(text);
}

export function writeErr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Write an -o file: created 0600 (the process umask is 077 too); an existing file keeps its mode. */
export function writeOutputFile(path: string, text: string): void {
  try {
    writeFileSync(path, text, { mode: 0o600 });
  } catch (e) {
    throw new DataError(t('err.write_file', { path, detail: (e as Error).message }));
  }
}
