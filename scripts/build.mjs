// Builds the shipped CLI: one CommonJS bundle (fast start-up), better-sqlite3 and the prompt
// library left external (the native module can't be bundled; prompts load only on a terminal).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const bench = process.argv.includes('--bench');

await build({
  // `--bench` builds the benchmark runner, which fills its databases through the project's db layer.
  entryPoints: [bench ? 'bench/run.ts' : 'src/main.ts'],
  outfile: bench ? 'dist/bench.cjs' : 'dist/fs.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', '@inquirer/prompts'],
  // import.meta.url has no meaning in CommonJS: point it at the bundle's own file.
  define: { 'import.meta.url': '__fs_import_meta_url', FS_VERSION: JSON.stringify(pkg.version) },
  banner: { js: "const __fs_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
