// Import: records matched by uid, whatever tables the migrations made; all or nothing.
import { parseHeader, parseRecordLine, unwrapJsonArrayLine, type TableCounts } from '../domain/transfer.js';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { Importer, wrapSqlite } from './importer.js';
import { deferSearchIndex } from './search.js';
import type { Db } from './open.js';
import { describeSchema, q } from './schema.js';
import { logRow, nowStamp } from './store.js';

export { exportRecords, type ExportSummary } from './export.js';

export interface ImportOptions {
  dryRun: boolean;
  /** The schema version this build knows: a newer export is refused. */
  knownSchema: number;
  /** What the change log records as the source (a file name). */
  source: string;
}

export interface ImportResult {
  counts: TableCounts[];
  dryRun: boolean;
}

/**
 * Import the lines of an export in one IMMEDIATE transaction: all of it or (on any bad line) none.
 * A dry run does the same work and rolls it back, so its counts are exact.
 */
export function importRecords(db: Db, lines: Iterable<string>, opts: ImportOptions): ImportResult {
  const schema = describeSchema(db);
  db.exec('BEGIN IMMEDIATE');
  let done = false;
  try {
    // References may point further down the file; they are checked before commit, not per row.
    db.pragma('defer_foreign_keys = ON');
    // Inside the transaction: what is empty is decided under the write lock, and the indexes it
    // sets aside come back with a rollback.
    const importer = new Importer(db, schema);
    const indexSearch = deferSearchIndex(db);
    let lineNo = 0;
    let header = false;
    for (const raw of lines) {
      lineNo++;
      const text = unwrapJsonArrayLine(raw);
      if (text === undefined) continue;
      wrapSqlite(lineNo, () => {
        if (!header) {
          parseHeader(text, opts.knownSchema);
          header = true;
          return;
        }
        const { spec, line } = parseRecordLine(text, schema);
        importer.apply(spec, line, lineNo);
      });
    }
    if (!header) throw new DataError('err.import_empty');
    importer.finish();
    indexSearch?.();
    const counts = schema.order.map((s) => importer.counts.get(s.name)!);
    const changed = counts.some((c) => c.added + c.updated > 0);
    if (changed && !opts.dryRun) {
      const totals = counts.reduce((a, c) => ({ added: a.added + c.added, updated: a.updated + c.updated, skipped: a.skipped + c.skipped }), { added: 0, updated: 0, skipped: 0 });
      logRow(db, 'import', 0, null, 'import', { source: opts.source, ...totals });
    }
    db.exec(opts.dryRun ? 'ROLLBACK' : 'COMMIT');
    done = true;
    return { counts, dryRun: opts.dryRun };
  } finally {
    if (!done && db.inTransaction) db.exec('ROLLBACK');
  }
}

/** True when some record table holds a row: an import into it is worth a backup first. */
export function hasRecords(db: Db): boolean {
  const schema = describeSchema(db);
  return schema.order.some((s) => s.kind === 'entity' && db.prepare(`SELECT 1 FROM ${q(s.name)} LIMIT 1`).get() !== undefined);
}
