// What a cached benchmark database is named after: the schema version and a digest of every
// migration's text. A migration edited before it ships (an index added to it) would otherwise
// leave an older cache of the same version in use, measured without what the edit added.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { latestVersion, listMigrations } from '../src/db/open.js';

export function schemaTag(): string {
  const digest = createHash('sha256');
  for (const m of listMigrations()) digest.update(m.name).update('\0').update(readFileSync(m.file)).update('\0');
  return `s${latestVersion()}-${digest.digest('hex').slice(0, 8)}`;
}
