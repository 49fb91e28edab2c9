// Builds the shipped CLI: one CommonJS bundle (fast start-up), better-sqlite3 and the prompt
// library left external (the native module can't be bundled; prompts load only on a terminal), and
// the Word writer too (loaded only for --format docx).
// Then it runs the CLI once to write V8's code cache for the bundle (see bin/fs.js).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

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
  // docx (1 MB) is required only by `fs report --format docx`, from node_modules, when asked for.
  external: ['better-sqlite3', '@inquirer/prompts', 'docx'],
  // import.meta.url has no meaning in CommonJS: point it at the bundle's own file.
  define: { 'import.meta.url': '__fs_import_meta_url', FS_VERSION: JSON.stringify(pkg.version), FS_BUNDLE: bench ? 'undefined' : 'true' },
  banner: { js: "const __fs_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  write: false,
  logLevel: 'warning',
});

mkdirSync('dist', { recursive: true });
for (const file of result.outputFiles) {
  if (bench) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  // The first line names this build, so bin/fs.js never feeds V8 the code cache of another build.
  const id = createHash('sha256').update(file.contents).digest('hex').slice(0, 16);
  for (const old of readdirSync('dist').filter((f) => f.endsWith('.v8cache'))) rmSync(`dist/${old}`);
  writeFileSync(file.path, `/* fs build ${id} */\n${file.text}`);
  const run = spawnSync(process.execPath, ['bin/fs.js', '--help'], { env: { ...process.env, FS_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
  if (run.status !== 0) throw new Error('the built CLI failed to start (fs --help)');
}
