// Arrows run down only: the catalogue below everything, rules below the database, rendering and the
// command layer on top. A value import that runs up (domain → render, db → cli, ...) fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

// What each layer may import at run time (type-only imports are free: they vanish from the bundle).
const ALLOWED: Record<string, string[]> = {
  i18n: ['i18n'],
  time: ['time', 'i18n', 'errors.ts'],
  domain: ['domain', 'time', 'i18n', 'errors.ts'],
  db: ['db', 'domain', 'time', 'i18n', 'errors.ts'],
  render: ['render', 'domain', 'time', 'i18n', 'errors.ts'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('layers', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer} imports only ${allowed.join(', ')}`, () => {
      const wrong: string[] = [];
      for (const file of files(join(SRC, layer))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
          if (m[1]) continue;
          const target = relative(SRC, join(file, '..', m[2]!)).split('/')[0]!.replace(/\.js$/, '.ts');
          if (!allowed.includes(target)) wrong.push(`${relative(SRC, file)} → ${m[2]}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
