#!/usr/bin/env node
// Tiny shim: runs the esbuild bundle dist/fs.cjs (built by `npm install` or `npm run build`).
// CommonJS on purpose: Node's ESM loader would add milliseconds to every start.
//
// Compiling the bundle is a large part of start-up, so it is compiled through V8's code cache
// (dist/fs.v8cache, written by the build). V8 checks only the cache's version, flags and the
// source's length, and in release builds it does not verify the payload: a damaged cache can
// crash the process, and a same-length edit of the bundle would run the old code. So the cache
// file carries checksums over the Node version, the bundle's every byte and the payload, checked
// on every start (CRC-32, as Node's own compile cache does; sha256 where zlib has no crc32,
// before Node 20.15). A cache that is missing, damaged, truncated, from another build or another
// Node, or one V8 still rejects, only costs the compile.
'use strict';
const { isAscii } = require('node:buffer');
const { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');
const { crc32 } = require('node:zlib');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'fs.cjs');
const cacheFile = join(dist, 'fs.v8cache');

const sourceBytes = readFileSync(bundle);
// The build writes plain ASCII: one-byte text, decoded in a fraction of UTF-8's time.
const source = sourceBytes.toString(isAscii(sourceBytes) ? 'latin1' : 'utf8');
const node = Buffer.from(`${process.version} ${process.arch}\n`, 'latin1');

/** Checksums of this Node, this bundle and the payload. */
function digest(payload) {
  if (!crc32) return require('node:crypto').createHash('sha256').update(node).update(sourceBytes).update(payload).digest();
  const sums = Buffer.alloc(8);
  sums.writeUInt32LE(crc32(sourceBytes, crc32(node)), 0);
  sums.writeUInt32LE(crc32(payload), 4);
  return sums;
}
const MAGIC = Buffer.from(`fs v8 code cache 1 ${crc32 ? 'crc32' : 'sha256'}\n`, 'latin1');
const HEAD = MAGIC.length + digest(Buffer.alloc(0)).length;

/** The cache's payload if it was made from exactly these bytes by this Node, else undefined. */
function readCache() {
  let file;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compile as usual
  }
  if (file.length <= HEAD || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = file.subarray(HEAD);
  return digest(payload).equals(file.subarray(MAGIC.length, HEAD)) ? payload : undefined;
}

/** Written by the build (FS_WRITE_CODE_CACHE=1): a temp file, fsynced, renamed over the old one. */
function writeCache(payload) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      fchmodSync(fd, 0o644); // readable by every user of the install, whatever the umask
      writeSync(fd, Buffer.concat([MAGIC, digest(payload), payload]));
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

const cachedData = process.env.FS_WRITE_CODE_CACHE === '1' ? undefined : readCache();
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
if (process.env.FS_DEBUG === '1') {
  const state = cachedData === undefined ? 'not used (missing or not this build)' : script.cachedDataRejected ? 'rejected by V8' : 'used';
  process.stderr.write(`fs: code cache ${state}\n`);
}
if (process.env.FS_WRITE_CODE_CACHE === '1') {
  // After the run, so the cache also holds the functions compiled lazily on the way.
  process.once('exit', () => writeCache(script.createCachedData()));
}
const mod = new Module(bundle, module);
mod.filename = bundle;
mod.paths = Module._nodeModulePaths(dist);
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dist);
