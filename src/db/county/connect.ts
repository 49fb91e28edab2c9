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

/**
 * `sslmode` as PostgreSQL documents it (libpq): `require` encrypts, `verify-ca`/`verify-full` also check
 * the certificate, `disable` does not encrypt. pg 8 reads `require` as `verify-full` unless told
 * `uselibpqcompat=true` (and warns on stderr, in several lines, every run): the URL means what it means
 * to psql. A URL that already says uselibpqcompat is left as written.
 */
export function withLibpqSslmode(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (!u.searchParams.has('sslmode') || u.searchParams.has('uselibpqcompat')) return url;
  u.searchParams.set('uselibpqcompat', 'true');
  return u.toString();
}

/** Seconds to wait for the server: a push from cron must end, not hang on a host that drops packets. */
const CONNECT_TIMEOUT_S = 30;

/** libpq's `connect_timeout` (seconds) from the URL, which pg does not read from a connection string itself. */
export function connectTimeoutMillis(url: string): number {
  let s: string | null = null;
  try {
    s = new URL(url).searchParams.get('connect_timeout');
  } catch {
    /* not a URL: the default */
  }
  const n = s === null ? NaN : Number(s);
  // libpq: 0 (or less) waits forever; fractions are not allowed; below 2 s counts as 2 s.
  if (!Number.isInteger(n)) return CONNECT_TIMEOUT_S * 1000;
  return n <= 0 ? 0 : Math.max(2, n) * 1000;
}

/** A connected client; the caller ends it. TLS (`sslmode=...`, `sslrootcert=...`) comes from the URL. */
export async function connectCounty(url: string, extra: Partial<ClientConfig> = {}): Promise<Client> {
  const { Client } = pgModule();
  const client = new Client({
    connectionString: withLibpqSslmode(url),
    application_name: 'fs',
    connectionTimeoutMillis: connectTimeoutMillis(url),
    ...extra,
  });
  await client.connect();
  return client;
}
