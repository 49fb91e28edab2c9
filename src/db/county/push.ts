// fs push: what changed in the ledger since the last successful push, into the county schema, in one
// server transaction. Rows are read from one SQLite snapshot, streamed with COPY into temporary
// staging tables, then upserted by (ledger, uid) where the incoming updated_at is newer; the push's
// row in county.pushes (its watermark) is written in the same transaction, so a push killed or cut
// off at any moment leaves the county as it was, and the next push sends the same rows again.
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { DataError } from '../../errors.js';
import type { Db } from '../open.js';
import { checkCountyVersion, SCHEMA_LOCK } from './migrate.js';
import { copySql, MIRRORED, newestStagedSql, selectSql, stagingDdl, upsertSql, wouldTakeSql, type MirrorTable } from './tables.js';

type CopyStreams = typeof import('pg-copy-streams');
let copyStreams: CopyStreams | undefined;

/** pg-copy-streams, loaded on first use like pg itself (src/db/county/connect.ts). */
function copyModule(): CopyStreams {
  return (copyStreams ??= createRequire(import.meta.url)('pg-copy-streams') as CopyStreams);
}

/**
 * The class of the per-ledger advisory lock (two-key form, apart from SCHEMA_LOCK's one-key space):
 * two pushes of the same ledger run one after the other, each reading the watermark the other left.
 */
export const PUSH_LOCK_CLASS = 0x6673;

/**
 * Rows are read from a little before the watermark: a writer that took its stamp before it took the
 * ledger's write lock, or a clock slewed back by NTP, may commit a row stamped just below the newest
 * already sent. Those few rows go again; the county keeps them as they are (same updated_at).
 */
const READ_MARGIN_MS = 5000;

/** ISO stamps as the ledger writes them (new Date().toISOString()): milliseconds, UTC. */
const STAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export interface PushOptions {
  dryRun: boolean;
  fsVersion?: string;
}

export interface PushResult {
  ledger: string;
  dryRun: boolean;
  /** Every row was sent (first push, or an import since the last one), not only the changed ones. */
  full: boolean;
  /** Per mirrored table: the rows the county took (new, or newer than its copy); a dry run: would take. */
  records: Record<string, number>;
  total: number;
  /** Rows read from the ledger and sent (changed since the watermark); the county keeps the newer of each. */
  sent: number;
  /** Settings added, changed or removed on the server. */
  settings: number;
  /** Where this push started (null: from the beginning). */
  since: string | null;
  /** Where the next push starts: the newest updated_at sent so far. */
  watermark: string | null;
}

/** One line of COPY's CSV: NULL is an empty field, every text is quoted (an empty string stays one). */
function csvLine(row: unknown[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) line += ',';
    if (v === null || v === undefined) continue;
    if (typeof v === 'number' || typeof v === 'bigint') line += String(v);
    else {
      const s = String(v);
      line += s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`;
    }
  }
  return `${line}\n`;
}

/** Streams the rows into the table's staging table; returns how many went. */
async function copyRows(client: Client, t: MirrorTable, first: unknown[], rest: IterableIterator<unknown[]>): Promise<number> {
  let n = 0;
  function* chunks(): Generator<string> {
    let chunk = csvLine(first);
    n = 1;
    for (const row of rest) {
      chunk += csvLine(row);
      n++;
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  await pipeline(Readable.from(chunks()), client.query(copyModule().from(copySql(t))));
  return n;
}

/**
 * The stamp of the newest `fs import` logged after `since`, if any: imported rows keep their own
 * (possibly older) updated_at, so only a full push is sure to carry them. The log is read from its
 * newest row back to `since` only (every logged change stamps its record at the same moment, so few
 * log rows are newer than the newest record).
 */
function importedSince(db: Db, since: string): string | undefined {
  let newest: string | undefined;
  for (const r of db.prepare('SELECT op, at FROM change_log ORDER BY id DESC').iterate() as IterableIterator<{ op: string; at: string }>) {
    // Strictly after: an import whose own stamp became the watermark was carried by that push.
    if (r.at <= since) break;
    if (r.op === 'import' && (newest === undefined || r.at > newest)) newest = r.at;
  }
  return newest;
}

/** The ledger's settings, without the keys that never leave it. */
function localSettings(db: Db): { keys: string[]; values: string[]; stamps: string[] } {
  const rows = db.prepare("SELECT key, value, updated_at FROM settings WHERE substr(key, 1, 7) <> 'county.' ORDER BY key").all() as { key: string; value: string; updated_at: string }[];
  return { keys: rows.map((r) => r.key), values: rows.map((r) => r.value), stamps: rows.map((r) => r.updated_at) };
}

const INCOMING_SETTINGS = 'incoming AS (SELECT * FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS s(key, value, updated_at))';
const GONE_SETTINGS = "c.ledger = $1 AND NOT starts_with(c.key, 'county.') AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.key = c.key)";

/** Settings are replaced as a whole (keys under `county.` on the server are left alone); returns how many changed. */
async function pushSettings(client: Client, ledger: string, s: ReturnType<typeof localSettings>, dryRun: boolean): Promise<number> {
  const params = [ledger, s.keys, s.values, s.stamps];
  const sql = dryRun
    ? `WITH ${INCOMING_SETTINGS}
       SELECT (SELECT count(*) FROM county.settings c WHERE ${GONE_SETTINGS})
            + (SELECT count(*) FROM incoming i LEFT JOIN county.settings c ON c.ledger = $1 AND c.key = i.key
                WHERE c.key IS NULL OR (c.value, c.updated_at) IS DISTINCT FROM (i.value, i.updated_at)) AS n`
    : `WITH ${INCOMING_SETTINGS},
       gone AS (DELETE FROM county.settings c WHERE ${GONE_SETTINGS} RETURNING 1),
       put AS (INSERT INTO county.settings AS c (ledger, key, value, updated_at) SELECT $1, key, value, updated_at FROM incoming
               ON CONFLICT (ledger, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
               WHERE (c.value, c.updated_at) IS DISTINCT FROM (excluded.value, excluded.updated_at) RETURNING 1)
       SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM put) AS n`;
  return Number((await client.query(sql, params)).rows[0].n);
}

/** The watermark of the ledger's last push (null before the first, or while every push was empty). */
async function lastWatermark(client: Client, ledger: string): Promise<string | null> {
  const r = await client.query(`SELECT to_char(watermark AT TIME ZONE 'UTC', ${STAMP}) AS w FROM county.pushes WHERE ledger = $1 ORDER BY id DESC LIMIT 1`, [ledger]);
  return (r.rows[0]?.w as string | null | undefined) ?? null;
}

/**
 * Pushes the ledger `db` through `client` (connected as the ledger's own role). A dry run does the
 * same reading and staging and rolls it all back: it reports exactly what a push would take.
 */
export async function pushLedger(db: Db, client: Client, opts: PushOptions): Promise<PushResult> {
  await client.query('BEGIN');
  let sqliteOpen = false;
  try {
    // Shared: pushes of many ledgers run side by side, while fs county init (exclusive) waits for them.
    await client.query('SELECT pg_advisory_xact_lock_shared($1)', [SCHEMA_LOCK]);
    await checkCountyVersion(client);
    const ledger = (await client.query('SELECT county.my_ledger() AS id')).rows[0].id as string | null;
    if (!ledger) throw new DataError('push.err.not_ledger');
    if (!opts.dryRun) await client.query(`SELECT pg_advisory_xact_lock(${PUSH_LOCK_CLASS}, hashtext($1::text))`, [ledger]);
    const previous = await lastWatermark(client, ledger);

    // One SQLite snapshot for every table (WAL: writers go on meanwhile). A row written later, even
    // in the same millisecond as the newest sent, has updated_at >= the new watermark: it goes next time.
    db.exec('BEGIN');
    sqliteOpen = true;
    // Imported rows keep their own, older stamps: after an import the next push sends every row.
    const imported = previous !== null && importedSince(db, previous) !== undefined;
    // A clock behind the county's watermark (a successor's laptop, a clock set back) stamps new rows
    // below it: only a full push is sure to carry them, the county keeping the newer of each row.
    const behind = previous !== null && new Date().toISOString() < previous;
    const full = previous === null || imported || behind;
    const since = full ? null : previous;
    const readFrom = since === null ? null : new Date(Date.parse(since) - READ_MARGIN_MS).toISOString();
    const records: Record<string, number> = {};
    const staged: MirrorTable[] = [];
    let sent = 0;
    for (const t of MIRRORED) {
      records[t.name] = 0;
      const rows = db.prepare(selectSql(t, readFrom !== null)).raw().iterate(...(readFrom !== null ? [readFrom] : [])) as IterableIterator<unknown[]>;
      try {
        const first = rows.next();
        if (first.done) continue;
        await client.query(stagingDdl(t));
        sent += await copyRows(client, t, first.value, rows);
      } finally {
        rows.return?.();
      }
      staged.push(t);
      records[t.name] = opts.dryRun ? Number((await client.query(wouldTakeSql(t), [ledger])).rows[0].n) : ((await client.query(upsertSql(t), [ledger])).rowCount ?? 0);
    }
    const settings = await pushSettings(client, ledger, localSettings(db), opts.dryRun);
    // The watermark: the newest stamp sent (never below the last one), or an import logged after it,
    // whose rows this push carried (without that, the push after this one would be full again).
    const newest = `greatest($1::timestamptz${staged.map((t) => `, (${newestStagedSql(t)})`).join('')})`;
    const newestSent = (await client.query(`SELECT to_char(${newest} AT TIME ZONE 'UTC', ${STAMP}) AS w`, [previous])).rows[0].w as string | null;
    const watermark = importedSince(db, newestSent ?? '') ?? newestSent;
    db.exec('COMMIT');
    sqliteOpen = false;

    const total = Object.values(records).reduce((a, n) => a + n, 0);
    if (opts.dryRun) {
      await client.query('ROLLBACK');
    } else {
      await client.query('INSERT INTO county.pushes (ledger, watermark, records, fs_version) VALUES ($1, $2, $3, $4)', [ledger, watermark, total, opts.fsVersion ?? null]);
      await client.query('COMMIT');
    }
    return { ledger, dryRun: opts.dryRun, full, records, total, sent, settings, since, watermark };
  } catch (e) {
    if (sqliteOpen && db.inTransaction) db.exec('ROLLBACK');
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
