// Builds the shipped CLI: one CommonJS bundle (fast start-up), better-sqlite3 and the prompt
// library left external (the native module can't be bundled; prompts load only on a terminal).
// Then it runs the CLI once to write V8's code cache for the bundle (see bin/fs.js, which checks
// the cache against the bundle's bytes on every start).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bench = process.argv.includes('--bench');

const result = await build({
  // `--bench` builds the benchmark runner, which fills its databases through the project's db layer.
  entryPoints: [bench ? 'bench/run.ts' : 'src/main.ts'],
  outfile: bench ? 'dist/bench.cjs' : 'dist/fs.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', '@inquirer/prompts'],
  // import.meta.url has no meaning in CommonJS: point it at the bundle's own file.
  define: { 'import.meta.url': '__fs_import_meta_url', FS_VERSION: JSON.stringify(pkg.version), FS_BUNDLE: bench ? 'undefined' : 'true' },
  banner: { js: "const __fs_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
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
  writeAtomic(file.path, file.contents);
  if (bench) continue;
  // Caches of earlier builds (also the older per-build file names) are of no use any more.
  for (const old of readdirSync('dist').filter((f) => f.endsWith('.v8cache'))) rmSync(`dist/${old}`);
  const run = spawnSync(process.execPath, ['bin/fs.js', '--help'], { env: { ...process.env, FS_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
  if (run.status !== 0) throw new Error('the built CLI failed to start (fs --help)');
}
