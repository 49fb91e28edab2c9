// A copy of the built install (bin/fs.js and dist/) in a temp dir, sharing node_modules and
// migrations: tests can damage its files without touching the real build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './cli.js';

/** Bundles that the runs below use, each with its code cache: the core and `fs person`'s (bin/fs.js). */
export const BUNDLES = ['fs', 'fs-person'] as const;
export type BundleName = (typeof BUNDLES)[number];

export interface Install {
  dir: string;
  /** The core bundle and its cache. */
  bundle: string;
  cache: string;
  /** Any bundle and its cache. */
  files(name: BundleName): { bundle: string; cache: string };
  run(args: string[], env?: Record<string, string>): { code: number | string | null; stdout: string; stderr: string };
}

export function install(): Install {
  const dir = tempDir('fs-install-');
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(ROOT, 'bin', 'fs.js'), join(dir, 'bin', 'fs.js'));
  for (const f of readdirSync(join(ROOT, 'dist')).filter((f) => /^(fs(-[\w-]+)?\.(cjs|v8cache)|docx\.v8cache|report-worker\.cjs)$/.test(f))) copyFileSync(join(ROOT, 'dist', f), join(dir, 'dist', f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(ROOT, 'migrations'), join(dir, 'migrations'));
  const run = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'fs.js'), ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir, FS_DB: join(dir, 'fs.db'), FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1', ...env },
    });
    return { code: r.status ?? r.signal, stdout: r.stdout, stderr: r.stderr };
  };
  const files = (name: BundleName) => ({ bundle: join(dir, 'dist', `${name}.cjs`), cache: join(dir, 'dist', `${name}.v8cache`) });
  return { dir, ...files('fs'), files, run };
}

/**
 * `code` added at the end of a bundle's own code: the build writes each CLI bundle as the wrapper
 * function bin/fs.js calls, `(function (...) { ... \n})`.
 */
export function appendToBundle(bundle: string, code: string): void {
  const text = readFileSync(bundle, 'utf8');
  if (!text.endsWith('\n})')) throw new Error(`${bundle} is not a wrapped bundle`);
  writeFileSync(bundle, `${text.slice(0, -'\n})'.length)}\n;${code}\n})`);
}
