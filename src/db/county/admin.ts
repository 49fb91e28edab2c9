// Registering a ledger with the county: its row in county.ledgers and a PostgreSQL role of its own
// that can write that ledger's rows only (row-level security, migrations/county/0001_init.sql).
import { createHash, createHmac, pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { DataError } from '../../errors.js';

export interface NewLedger {
  village: string;
  secretary: string;
  township?: string;
}

export interface RegisteredLedger {
  id: string;
  role: string;
  /** Shown once, inside the connection string printed by `fs county add-ledger`; never stored by fs. */
  password: string;
}

/** One add-ledger at a time per database: the duplicate check and the insert see the same ledgers. */
const LEDGERS_LOCK = 0x66730002;

/** PostgreSQL's own default (scram_iterations). */
const SCRAM_ITERATIONS = 4096;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677, as in
 * src/common/scram-common.c): `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, base64.
 * Given one in CREATE ROLE … PASSWORD, the server stores it as it is: the password itself never
 * reaches the server, its log (log_statement = 'ddl' or 'all') or pg_stat_statements. The password
 * must be ASCII without control characters (SASLprep leaves it unchanged): fs makes it base64url.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = SCRAM_ITERATIONS): string {
  if (!/^[\x21-\x7e]+$/.test(password)) throw new Error('scramVerifier: the password must be printable ASCII');
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Registers a ledger and creates its login role in one transaction. A village already registered in
 * the same township (or with no township, both times) is refused: two ledgers for one village would
 * be counted twice in every county total.
 */
export async function addLedger(client: Client, l: NewLedger): Promise<RegisteredLedger> {
  const id = randomUUID();
  const role = `fs_ledger_${id.replace(/-/g, '').slice(0, 16)}`;
  const password = randomBytes(24).toString('base64url');
  const verifier = scramVerifier(password);
  const db = (await client.query('SELECT current_database() AS db')).rows[0].db as string;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LEDGERS_LOCK]);
    const dup = await client.query('SELECT id FROM county.ledgers WHERE village = $1 AND township IS NOT DISTINCT FROM $2', [l.village, l.township ?? null]);
    if (dup.rows.length) {
      throw new DataError(l.township ? 'county.err.duplicate_ledger' : 'county.err.duplicate_ledger_no_township', {
        village: l.village,
        township: l.township ?? '',
        ledger: dup.rows[0].id as string,
      });
    }
    // Identifiers are made here (hex) and the verifier is base64 with `$` and `:`: nothing the user
    // typed is spliced into SQL.
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${verifier}' IN ROLE fs_ledger`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(db)} TO ${role}`);
    await client.query('INSERT INTO county.ledgers (id, village, township, secretary, role_name) VALUES ($1, $2, $3, $4, $5)', [
      id,
      l.village,
      l.township ?? null,
      l.secretary,
      role,
    ]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return { id, role, password };
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Parameters of the office's URL that are the office's own and must not reach a secretary: who it
 * is and how it proves it (its client certificate and key are files on the office's machine, and
 * sslpassword unlocks that key). The rest (host, port, database, sslmode, sslrootcert, ...) is kept.
 */
const OFFICE_ONLY = /^(user|password|passfile|sslcert|sslkey|sslpassword)$/i;

/** The county URL with the ledger's own role and password in place of the office's. */
export function ledgerUrl(adminUrl: string, role: string, password: string): string {
  const u = new URL(adminUrl);
  for (const key of [...u.searchParams.keys()]) if (OFFICE_ONLY.test(key)) u.searchParams.delete(key);
  if (u.host === '') {
    // A socket URL (postgresql:///county?host=/run/postgresql) has no place for a user part.
    u.searchParams.set('user', role);
    u.searchParams.set('password', password);
  } else {
    u.username = role;
    u.password = password;
  }
  return u.toString();
}
