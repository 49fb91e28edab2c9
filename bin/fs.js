#!/usr/bin/env node
// Tiny shim: runs the esbuild bundle dist/fs.cjs (built by `npm install` or `npm run build`).
// CommonJS on purpose: Node's ESM loader would add milliseconds to every start. The bundle is
// compiled through V8's code cache written by the build: compiling it is most of start-up.
// The cache file names the build and the Node version, and V8 checks it again, so a missing or
// stale cache costs only the compile.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'fs.cjs');
const source = readFileSync(bundle, 'utf8');
const build = /^\/\* fs build ([0-9a-f]+) \*\//.exec(source);
const cacheFile = build && join(dirname(bundle), `fs.${build[1]}.${process.version}.v8cache`);
let cachedData;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  // no cache for this build and Node version: compile as usual
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
if (cacheFile && process.env.FS_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData(), { mode: 0o644 }));
}
const mod = new Module(bundle, module);
mod.filename = bundle;
mod.paths = Module._nodeModulePaths(dirname(bundle));
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));
