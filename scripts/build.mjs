// Builds the shipped CLI: one CommonJS bundle (fast start-up), the prompt library and
// better-sqlite3's native addon left outside (prompts load only on a terminal), and the Word
// writer (docx, loaded only for --format docx).
// Then it runs the CLI once to write V8's code cache for the bundle (see bin/fs.js, which checks
// the cache against the bundle's bytes on every start).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bench = process.argv.includes('--bench');

/**
 * commander requires node:child_process at load for executable subcommands, which fs never uses;
 * loading that built-in costs every start ~3 ms. Inside commander it becomes a proxy that loads
 * it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * The message catalogue packed at build time: src/i18n/packed.ts is evaluated here, once, and the
 * bundle carries its value (three strings) instead of the catalogue files' thousand object
 * literals, which every start would otherwise load and build (src/i18n/pack.ts).
 */
const packedCatalogue = {
  name: 'packed-catalogue',
  setup(b) {
    let contents;
    b.onLoad({ filter: /[\\/]src[\\/]i18n[\\/]packed\.ts$/ }, async (args) => {
      if (contents === undefined) {
        const packer = await build({ entryPoints: [args.path], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
        const { PACKED } = await import(`data:text/javascript;base64,${Buffer.from(packer.outputFiles[0].text).toString('base64')}`);
        contents = `export const PACKED = ${JSON.stringify(PACKED)};\n`;
      }
      return { contents, loader: 'js' };
    });
  },
};

const result = await build({
  // `--bench` builds the benchmark runner, which fills its databases through the project's db layer.
  // The report worker has its own small entry: the CLI's bundle never checks whether it is one.
  entryPoints: bench ? { bench: 'bench/run.ts' } : { fs: 'src/main.ts', 'report-worker': 'src/report/worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled; its native addon is loaded from node_modules (src/db/open.ts).
  // docx (1 MB) is required only by --format docx, from node_modules, when asked for.
  external: ['@inquirer/prompts', '*.node', 'docx'],
  // import.meta.url has no meaning in CommonJS: point it at the bundle's own file (computed when
  // first asked, not on every start).
  define: { 'import.meta.url': '__fs_import_meta.url', FS_VERSION: JSON.stringify(pkg.version), FS_BUNDLE: bench ? 'undefined' : 'true' },
  banner: { js: "const __fs_import_meta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  plugins: bench ? [] : [lazyChildProcess, packedCatalogue],
  // No comments or layout: fewer bytes to read, check and scan on every start (names are kept,
  // so stack traces under FS_DEBUG=1 stay readable).
  minifyWhitespace: !bench,
  write: false,
  logLevel: 'warning',
});

/** A temp file beside `path`, fsynced, then renamed onto it: readers see the old file or the new one. */
function writeAtomic(path, bytes) {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

mkdirSync('dist', { recursive: true });
for (const file of result.outputFiles) {
  // Plain ASCII (esbuild leaves a few regular expressions in UTF-8): bin/fs.js then decodes it as
  // one-byte text, half the memory and faster than UTF-8. \uXXXX means the same in strings and regexps.
  const ascii = file.text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeAtomic(file.path, Buffer.from(ascii, 'latin1'));
}
if (!bench) {
  // Caches of earlier builds (also the older per-build file names) are of no use any more.
  for (const old of readdirSync('dist').filter((f) => f.endsWith('.v8cache'))) rmSync(`dist/${old}`);
  const run = spawnSync(process.execPath, ['bin/fs.js', '--help'], { env: { ...process.env, FS_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
  if (run.status !== 0) throw new Error('the built CLI failed to start (fs --help)');
  // docx (node_modules, required only for a Word file) has a code cache of its own, dist/docx.v8cache
  // (src/render/code-cache.ts): written by a run that writes a Word file, on an empty ledger.
  const tmp = mkdtempSync(join(tmpdir(), 'fs-build-'));
  try {
    const env = { ...process.env, FS_WRITE_DOCX_CACHE: '1', FS_DB: join(tmp, 'ledger.db'), FS_TODAY: '2026-11-27' };
    const docx = spawnSync(process.execPath, ['bin/fs.js', 'report', '--format', 'docx', '-o', join(tmp, 'report.docx')], { env, stdio: 'ignore' });
    if (docx.status !== 0) throw new Error('the built CLI failed to write a Word file (fs report --format docx)');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
