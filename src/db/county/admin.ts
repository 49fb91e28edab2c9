// Registering a ledger with the county: its row in county.ledgers and a PostgreSQL role of its own
// that can write that ledger's rows only (row-level security, migrations/county/0001_init.sql).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';

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

/** Registers a ledger and creates its login role in one transaction. */
export async function addLedger(client: Client, l: NewLedger): Promise<RegisteredLedger> {
  const id = randomUUID();
  const role = `fs_ledger_${id.replace(/-/g, '').slice(0, 16)}`;
  const password = randomBytes(24).toString('base64url');
  const db = (await client.query('SELECT current_database() AS db')).rows[0].db as string;
  await client.query('BEGIN');
  try {
    // Identifiers and the password are made here (hex, base64url): nothing the user typed is spliced into SQL.
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE fs_ledger`);
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

/** The county URL with the ledger's own role and password in place of the office's. */
export function ledgerUrl(adminUrl: string, role: string, password: string): string {
  const u = new URL(adminUrl);
  u.username = role;
  u.password = password;
  for (const key of [...u.searchParams.keys()]) if (/^(user|password)$/i.test(key)) u.searchParams.delete(key);
  return u.toString();
}
