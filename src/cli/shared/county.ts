// What every county command shares: the connection string (checked, masked in every message) and one
// connection per run, with the server's errors turned into one line that never shows a password.
import type { Client } from 'pg';
import { connectCounty, isPostgresUrl, maskUrl, scrubSecret } from '../../db/county/connect.js';
import { DataError, FsError, UsageError } from '../../errors.js';

export function checkCountyUrl(url: string | undefined): string {
  if (url === undefined || url.trim() === '') throw new UsageError('county.err.url_missing');
  const v = url.trim();
  // maskUrl shows a string that does not parse as `***` whole: it may be a password typed in the wrong place.
  if (!isPostgresUrl(v) || !parses(v)) throw new UsageError('county.err.bad_url', { url: maskUrl(v) });
  return v;
}

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Connects, runs `fn`, ends the connection (and any more that `fn` opened through `more`, e.g. to
 * run queries side by side); errors come back as FsErrors with the secret scrubbed.
 */
export async function withCounty<T>(url: string, fn: (client: Client, more: () => Promise<Client>) => Promise<T>): Promise<T> {
  let client: Client;
  try {
    client = await connectCounty(url);
  } catch (e) {
    throw new DataError('county.err.connect', { url: maskUrl(url), detail: scrubSecret(describe(e), url) });
  }
  // A dropped connection later is reported by the query that needed it; here it must not crash the process.
  client.on('error', () => undefined);
  const extra: Client[] = [];
  const more = async () => {
    const c = await connectCounty(url);
    c.on('error', () => undefined);
    extra.push(c);
    return c;
  };
  try {
    return await fn(client, more);
  } catch (e) {
    if (e instanceof FsError) throw e;
    throw new DataError('county.err.server', { detail: scrubSecret(describe(e), url) });
  } finally {
    for (const c of extra) await c.end().catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

function describe(e: unknown): string {
  const err = e as { message?: string; code?: string };
  const msg = (err.message ?? String(e)).split('\n')[0]!;
  return msg || err.code || 'unknown error';
}
