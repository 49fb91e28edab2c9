// Migration 0007 is generated from the domain's rules: the shipped file must be exactly what the
// rules make (so a key added to a domain list cannot be refused by a stale CHECK), and every
// CHECK must refuse what the import refuses, and take what the CLI stores.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDatabase } from '../../src/db/open.js';
import { tempDir } from '../helpers/cli.js';
import { buildMigration0007, MIGRATION_0007 } from '../helpers/migration-0007.js';

const dir = tempDir();
const real = listMigrations();
const file = real.find((m) => m.name === MIGRATION_0007);

describe('migration 0007', () => {
  it('is the text the domain rules generate', async () => {
    const before = real.filter((m) => m.version < 7);
    const db = await openDatabase(join(dir, 'gen.db'), { migrations: before });
    const text = buildMigration0007(db);
    db.close();
    if (process.env.FS_WRITE_MIGRATION === '1') writeFileSync(join(dirOf(before[0]!.file), MIGRATION_0007), text);
    expect(file, `migrations/${MIGRATION_0007} is missing: FS_WRITE_MIGRATION=1 npx vitest run test/db/constraints.test.ts`).toBeDefined();
    expect(readFileSync(file!.file, 'utf8')).toBe(text);
  });
});

function dirOf(p: string): string {
  return p.slice(0, p.lastIndexOf('/'));
}
