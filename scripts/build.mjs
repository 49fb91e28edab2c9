// Builds the shipped CLI as CommonJS bundles (fast start-up), the prompt library and
// better-sqlite3's native addon left outside (prompts load only on a terminal), and the Word
// writer (docx, loaded only for --format docx):
// - dist/fs.cjs, the core: what src/main.ts imports statically (the program, the help, the
//   catalogue, errors), all that `fs --help` runs;
// - dist/fs-<command>.cjs, one per command: the command and everything it uses beyond the core,
//   run by the core when that command runs. The core's modules it uses are the core's own
//   instances (see the split plugins below), so a run has every module once;
// - dist/report-worker.cjs, the report worker thread's own small bundle.
// Then it runs the CLI to write V8's code cache for each CLI bundle (see bin/fs.js, which checks
// each cache against its bundle's bytes on every start).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bench = process.argv.includes('--bench');
/** Where the commands are listed, each loaded by an import() when it runs. */
const COMMAND_LISTS = ['src/cli/index.ts', 'src/cli/safety.ts'];

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
 * node:module as the CommonJS loader's own Module (what the CLI takes from it: createRequire, and
 * the class src/render/code-cache.ts builds modules with): requiring node:module also loads
 * Node's ESM loader, a fraction of a millisecond of every start. bin/fs.js is the main module,
 * whose constructor is that Module. (An ES module here, so that the build fails if the sources
 * ever import anything else from node:module.)
 */
const cjsCreateRequire = {
  name: 'cjs-create-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?module$/ }, () => ({ path: 'module', namespace: 'fs-node-module' }));
    b.onLoad({ filter: /.*/, namespace: 'fs-node-module' }, () => ({ contents: 'const Module = require.main.constructor;\nexport default Module;\nexport const createRequire = Module.createRequire;', loader: 'js' }));
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

const options = {
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
  // No comments or layout: fewer bytes to read, check and scan on every start (names are kept,
  // so stack traces under FS_DEBUG=1 stay readable).
  minifyWhitespace: !bench,
  write: false,
  logLevel: 'warning',
};

/** A module's name as esbuild's metafile spells it: relative to the project, `/`-separated. */
const moduleName = (r) => (r.namespace === 'file' ? relative(process.cwd(), r.path).split(sep).join('/') : `${r.namespace}:${r.path}`);

/** What `from` imports statically (import, require), transitively, itself included. */
function staticClosure(metafile, from) {
  const seen = new Set();
  const todo = [from];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    for (const i of metafile.inputs[f]?.imports ?? []) if (!i.external && i.kind !== 'dynamic-import') todo.push(i.path);
  }
  return seen;
}

/**
 * In the core: the import() of a command becomes a request to bin/fs.js, which runs that
 * command's bundle (dist/fs-<command>.cjs) and hands over its exports. (`__fsCommand` is a
 * parameter of the core's wrapper function, see bin/fs.js.)
 */
function coreSide(core, commandBundles) {
  return {
    name: 'core-side',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.split) return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { split: true } });
        if (r.errors.length || r.external || core.has(moduleName(r))) return undefined;
        return { path: `${commandBundles.get(moduleName(r))}.cjs`, namespace: 'fs-command' };
      });
      b.onResolve({ filter: /^fs-split:core-modules$/ }, () => ({ path: 'core-modules', namespace: 'fs-split' }));
      b.onLoad({ filter: /.*/, namespace: 'fs-command' }, (args) => ({
        contents: `module.exports = __fsCommand(require('fs-split:core-modules').coreModule)(${JSON.stringify(args.path.slice(0, -'.cjs'.length))});`,
        loader: 'js',
      }));
    },
  };
}

/** What each of these modules exports, by name (each built alone, everything it imports left out). */
async function exportsOf(names) {
  const r = await build({
    entryPoints: names,
    bundle: true,
    format: 'esm',
    platform: 'node',
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [{ name: 'alone', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'entry-point' ? undefined : { path: a.path, external: true })) }],
  });
  const byEntry = new Map();
  for (const [file, o] of Object.entries(r.metafile.outputs)) {
    const text = r.outputFiles.find((f) => f.path.endsWith(file.replace(/^out/, ''))).text;
    // Names re-exported with `export *` are known only once bundled: the core could not hand them over.
    if (/^export \*/m.test(text)) throw new Error(`${o.entryPoint}: a module the commands take from the core may not use export *`);
    byEntry.set(o.entryPoint, o.exports);
  }
  return names.map((n) => byEntry.get(n));
}

/**
 * The core's modules that the command bundles use, by name (`names`, collected while building
 * them), each handed over as an object whose getters read the module's exports: live bindings, as
 * an ES module namespace has, but made only for the modules a run's command asks for (namespaces
 * would all be made at every start, `fs --help`'s included).
 */
async function coreModules(names) {
  const exported = await exportsOf(names);
  const contents = [];
  const made = [];
  names.forEach((n, i) => {
    const local = (e) => `m${i}_${e.replace(/\W/g, '_')}`;
    contents.push(`import { ${exported[i].map((e) => `${JSON.stringify(e)} as ${local(e)}`).join(', ')} } from ${JSON.stringify(join(process.cwd(), n))};`);
    made.push(`${JSON.stringify(n)}: () => ({ ${exported[i].map((e) => `get ${JSON.stringify(e)}() { return ${local(e)}; }`).join(', ')} })`);
  });
  contents.push(
    `const exportsOf = { ${made.join(',\n')} };`,
    // An object that inherits those getters, marked as an ES module: the importing side (esbuild's
    // __toESM) then copies nothing but the mark, and default exports stay what they are in the core.
    'const made = new Map();',
    'export function coreModule(name) {',
    '  let m = made.get(name);',
    '  if (!m) made.set(name, (m = Object.create(exportsOf[name](), { __esModule: { value: true } })));',
    '  return m;',
    '}',
  );
  return {
    name: 'core-modules',
    setup(b) {
      b.onLoad({ filter: /^core-modules$/, namespace: 'fs-split' }, () => ({ contents: contents.join('\n'), resolveDir: process.cwd(), loader: 'js' }));
    },
  };
}

/** In a command's bundle: every import of a core module is the core's instance (`__fsCore`, see bin/fs.js). */
function commandsSide(core, used) {
  return {
    name: 'commands-side',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.split || args.kind === 'entry-point') return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { split: true } });
        // (Modules made up by the other plugins hold no state: each bundle has its own.)
        if (r.errors.length || r.external || r.namespace !== 'file' || !core.has(moduleName(r))) return undefined;
        used.add(moduleName(r));
        return { path: `${moduleName(r)}.cjs`, namespace: 'fs-core' };
      });
      b.onLoad({ filter: /.*/, namespace: 'fs-core' }, (args) => ({ contents: `module.exports = __fsCore(${JSON.stringify(args.path.slice(0, -'.cjs'.length))});`, loader: 'js' }));
    },
  };
}

let outputs;
let cliBundles = [];
if (bench) {
  // `--bench` builds the benchmark runner, which fills its databases through the project's db layer.
  outputs = (await build({ ...options, entryPoints: { bench: 'bench/run.ts' } })).outputFiles;
} else {
  const plugins = [lazyChildProcess, packedCatalogue];
  const cliPlugins = [...plugins, cjsCreateRequire];
  const probe = await build({ ...options, entryPoints: { fs: 'src/main.ts' }, plugins: cliPlugins, metafile: true });
  const core = staticClosure(probe.metafile, 'src/main.ts');
  // The modules the core imports dynamically: the commands, each built from src/cli/index.ts's list.
  const lazy = [...core].flatMap((f) => (probe.metafile.inputs[f]?.imports ?? []).map((i) => ({ ...i, importer: f }))).filter((i) => i.kind === 'dynamic-import' && !i.external && !core.has(i.path));
  // A run builds one command (src/main.ts), so it loads at most one command bundle, and a module
  // that several commands use can be in each of their bundles. That holds only while the core's
  // lazy imports are the command lists': anything else the core loads lazily would be a second
  // bundle in the same run, with its own copies of modules the command's bundle has too.
  const strays = lazy.filter((i) => !COMMAND_LISTS.includes(i.importer));
  if (strays.length) throw new Error(`the core imports lazily only commands, from ${COMMAND_LISTS.join(' or ')}: ${strays.map((i) => `${i.importer} -> ${i.path}`).join(', ')}`);
  const commandBundles = new Map([...new Set(lazy.map((i) => i.path))].map((path) => [path, `fs-${basename(path).replace(/\.[cm]?[jt]s$/, '')}`]));
  if (new Set(commandBundles.values()).size !== commandBundles.size) throw new Error(`two commands with one file name: ${[...commandBundles.keys()].join(', ')}`);
  const used = new Set();
  const commands = await build({ ...options, entryPoints: Object.fromEntries([...commandBundles].map(([path, name]) => [name, path])), plugins: [commandsSide(core, used), ...cliPlugins], metafile: true });
  const cli = await build({ ...options, entryPoints: { fs: 'src/main.ts' }, plugins: [coreSide(core, commandBundles), await coreModules([...used].sort()), ...cliPlugins], metafile: true });
  // A module of the core in a command's bundle too would exist twice (two catalogues, two colour settings): never.
  const inCore = new Set(Object.keys(Object.values(cli.metafile.outputs)[0].inputs));
  for (const [file, o] of Object.entries(commands.metafile.outputs)) {
    const twice = Object.keys(o.inputs).filter((f) => inCore.has(f) && !f.startsWith('fs-'));
    if (twice.length) throw new Error(`modules in both ${file} and the core: ${twice.join(', ')}`);
  }
  cliBundles = ['fs', ...commandBundles.values()];
  // The report worker has its own small entry: the CLI's bundles never check whether they are one.
  const worker = await build({ ...options, entryPoints: { 'report-worker': 'src/report/worker.ts' }, plugins });
  outputs = [...cli.outputFiles, ...commands.outputFiles, ...worker.outputFiles];
}

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
for (const file of outputs) {
  // Plain ASCII (esbuild leaves a few regular expressions in UTF-8): bin/fs.js then decodes it as
  // one-byte text, half the memory and faster than UTF-8. \uXXXX means the same in strings and regexps.
  let text = file.text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // A CLI bundle is written as the function bin/fs.js calls, CommonJS's parameters and the one
  // that links it to the others (the core's __fsCommand, a command's __fsCore), as Node would
  // wrap it: wrapping it on every start copied the whole text once more (a third of a MB).
  const name = basename(file.path, '.cjs');
  if (cliBundles.includes(name)) text = `(function (exports, require, module, __filename, __dirname, ${name === 'fs' ? '__fsCommand' : '__fsCore'}) { ${text}\n})`;
  writeAtomic(file.path, Buffer.from(text, 'latin1'));
}
if (!bench) {
  // Bundles and caches of earlier builds (also the older file names) are of no use any more.
  const current = new Set(outputs.map((f) => basename(f.path)));
  for (const old of readdirSync('dist').filter((f) => f.endsWith('.v8cache') || (/^fs[-.].*\.cjs$/.test(f) && !current.has(f)))) rmSync(`dist/${old}`);
  // Each cache is written at the end of a run, so that it also holds the functions compiled on the
  // way: the core's by `fs --help`, a command's by its `--help` (`fs visit list` for visit).
  const ledger = mkdtempSync(join(tmpdir(), 'fs-build-'));
  try {
    const runs = [
      ['fs', ['--help']],
      ...cliBundles.filter((b) => b !== 'fs' && b !== 'fs-visit').map((b) => [b, [b.slice('fs-'.length), '--help']]),
      // The ledger is made first: its migrations are no part of an everyday run.
      ['', ['visit', 'list']],
      ['fs-visit', ['visit', 'list']],
    ];
    for (const [bundle, args] of runs) {
      const env = { ...process.env, FS_WRITE_CODE_CACHE: bundle, FS_DB: join(ledger, 'fs.db'), FS_LANG: 'en', FS_NO_INPUT: '1' };
      if (!bundle) delete env.FS_WRITE_CODE_CACHE;
      const run = spawnSync(process.execPath, ['bin/fs.js', ...args], { env, stdio: 'ignore' });
      if (run.status !== 0) throw new Error(`the built CLI failed to run (fs ${args.join(' ')})`);
    }
    // docx (node_modules, required only for a Word file) has a code cache of its own, dist/docx.v8cache
    // (src/render/code-cache.ts): written by a run that writes a Word file, on an empty ledger.
    const docxEnv = { ...process.env, FS_WRITE_DOCX_CACHE: '1', FS_DB: join(ledger, 'docx.db'), FS_TODAY: '2026-11-27' };
    const docx = spawnSync(process.execPath, ['bin/fs.js', 'report', '--format', 'docx', '-o', join(ledger, 'report.docx')], { env: docxEnv, stdio: 'ignore' });
    if (docx.status !== 0) throw new Error('the built CLI failed to write a Word file (fs report --format docx)');
  } finally {
    rmSync(ledger, { recursive: true, force: true });
  }
  const uncached = cliBundles.filter((b) => !readdirSync('dist').includes(`${b}.v8cache`));
  if (uncached.length) throw new Error(`no code cache written for ${uncached.join(', ')}`);
}
