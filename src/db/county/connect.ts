// The county database (PostgreSQL) through `pg`, loaded only by the county commands and `fs push`.
// A connection string may carry a password: every message shows it through maskUrl, never raw.
import { createRequire } from 'node:module';
import type { Client, ClientConfig } from 'pg';

type Pg = typeof import('pg');
let pg: Pg | undefined;

/** The pg module, loaded on first use (it costs every other command nothing). */
export function pgModule(): Pg {
  return (pg ??= createRequire(import.meta.url)('pg') as Pg);
}

/**
 * The connection string with its password (in the user part or a `password=` parameter) shown as
 * `***`. Anything that does not parse as a URL is shown as `***` whole: it may be a password typed in
 * the wrong place.
 */
export function maskUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '***';
  }
  if (u.password) u.password = '***';
  for (const key of [...u.searchParams.keys()]) {
    if (/^(password|sslpassword|pass)$/i.test(key)) u.searchParams.set(key, '***');
  }
  // URL encodes the asterisks in the user part: show them as typed.
  return u.toString().replace(/%2A%2A%2A/g, '***');
}

/** Replaces every occurrence of the URL's password (raw and percent-encoded) in a text. */
export function scrubSecret(text: string, url: string): string {
  let out = text;
  try {
    const u = new URL(url);
    const secrets = [u.password, decodeURIComponent(u.password), ...[...u.searchParams.entries()].filter(([k]) => /^(password|sslpassword|pass)$/i.test(k)).map(([, v]) => v)];
    for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join('***');
  } catch {
    /* not a URL: nothing to scrub by */
  }
  return out.split(url).join(maskUrl(url));
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** A connected client; the caller ends it. TLS (`sslmode=...`) comes from the URL as pg reads it. */
export async function connectCounty(url: string, extra: Partial<ClientConfig> = {}): Promise<Client> {
  const { Client } = pgModule();
  const client = new Client({ connectionString: url, application_name: 'fs', ...extra });
  await client.connect();
  return client;
}
