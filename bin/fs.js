#!/usr/bin/env node
// Tiny shim: runs the esbuild bundles (built by `npm install` or `npm run build`): dist/fs.cjs, the
// core (the program, its help, the catalogue), and the bundle of the command being run,
// dist/fs-<command>.cjs, when the core asks for it (scripts/build.mjs says how they share modules).
// CommonJS on purpose: Node's ESM loader would add milliseconds to every start.
//
// Compiling a bundle is a large part of start-up, so each is compiled through V8's code cache
// (dist/<bundle>.v8cache, written by the build). V8 checks only the cache's version, flags and the
// source's length, and in release builds it does not verify the payload: a damaged cache can
// crash the process, and a same-length edit of the bundle would run the old code. So each cache
// file carries checksums over the Node version, its bundle's every byte and the payload, checked
// on every start (CRC-32, as Node's own compile cache does; sha256 where zlib has no crc32,
// before Node 20.15). A cache that is missing, damaged, truncated, from another build or another
// Node, or one V8 still rejects, only costs the compile.
'use strict';
const { isAscii } = require('node:buffer');
const { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');
const { crc32 } = require('node:zlib');
// node:module's own class, without loading node:module (whose ESM half costs every start).
const Module = module.constructor;

const dist = join(__dirname, '..', 'dist');
const node = Buffer.from(`${process.version} ${process.arch}\n`, 'latin1');
const MAGIC = Buffer.from(`fs v8 code cache 1 ${crc32 ? 'crc32' : 'sha256'}\n`, 'latin1');
// Written by the build: '1' writes the cache of every bundle this run loads, a bundle's name only its own.
const writing = process.env.FS_WRITE_CODE_CACHE;

/** Checksums of this Node, these bundle bytes and the payload. */
function digest(sourceBytes, payload) {
  if (!crc32) return require('node:crypto').createHash('sha256').update(node).update(sourceBytes).update(payload).digest();
  const sums = Buffer.alloc(8);
  sums.writeUInt32LE(crc32(sourceBytes, crc32(node)), 0);
  sums.writeUInt32LE(crc32(payload), 4);
  return sums;
}
const HEAD = MAGIC.length + (crc32 ? 8 : 32);

/** The cache's payload if it was made from exactly these bundle bytes by this Node, else undefined. */
function readCache(cacheFile, sourceBytes) {
  let file;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compile as usual
  }
  if (file.length <= HEAD || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = file.subarray(HEAD);
  return digest(sourceBytes, payload).equals(file.subarray(MAGIC.length, HEAD)) ? payload : undefined;
}

/** Written by the build: a temp file, fsynced, renamed over the old one. */
function writeCache(cacheFile, sourceBytes, payload) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      fchmodSync(fd, 0o644); // readable by every user of the install, whatever the umask
      writeSync(fd, Buffer.concat([MAGIC, digest(sourceBytes, payload), payload]));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, cacheFile);
    const dir = openSync(dist, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Runs dist/<name>.cjs, which the build writes as a CommonJS module's wrapper function taking one
 * more parameter, `link` (how the bundle reaches the others), and returns its exports.
 */
function run(name, link) {
  const bundle = join(dist, `${name}.cjs`);
  const cacheFile = join(dist, `${name}.v8cache`);
  const sourceBytes = readFileSync(bundle);
  // The build writes plain ASCII: one-byte text, decoded in a fraction of UTF-8's time.
  const source = sourceBytes.toString(isAscii(sourceBytes) ? 'latin1' : 'utf8');
  const write = writing === '1' || writing === name;
  const cachedData = write ? undefined : readCache(cacheFile, sourceBytes);
  const script = new vm.Script(source, { filename: bundle, cachedData });
  if (process.env.FS_DEBUG === '1') {
    const state = cachedData === undefined ? 'not used (missing or not this build)' : script.cachedDataRejected ? 'rejected by V8' : 'used';
    process.stderr.write(`fs: code cache ${state}: ${name}.cjs\n`);
  }
  // After the run, so the cache also holds the functions compiled lazily on the way.
  if (write) process.once('exit', () => writeCache(cacheFile, sourceBytes, script.createCachedData()));
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(dist);
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dist, link);
  return mod.exports;
}

let command;
/**
 * A command's bundle, given the core's modules, run when the core asks for it. A run builds one
 * command (src/main.ts), so it runs one of them at most: their modules beyond the core's exist in
 * each bundle that uses them, and a second bundle would bring second copies (scripts/build.mjs).
 */
const loadCommand = (coreModule) => (name) => {
  if (command && command.name !== name) throw new Error(`fs: ${name}.cjs asked for after ${command.name}.cjs: a run has one command`);
  command ??= { name, exports: run(name, coreModule) };
  return command.exports;
};

run('fs', loadCommand);
