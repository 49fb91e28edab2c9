// A CommonJS file of node_modules (docx: 1 MB, a third of a Word file's time is compiling it) compiled
// through V8's code cache, with the checks bin/fs.js makes for the bundle's own cache: V8 checks only
// its version, flags and the source's length and, in release builds, not the payload, so the file
// carries CRC-32s over the Node version, every byte of the source and the payload (sha256 where zlib
// has no crc32). A cache that is missing, damaged, truncated, made for another file, another version
// of it or another Node, or one V8 rejects, costs only the compile. The build writes it
// (FS_WRITE_DOCX_CACHE=1 on a run that writes a Word file): a temp file, fsynced, renamed over the old one.
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';
import * as zlib from 'node:zlib';

const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Checksums of this Node, this source and the payload. */
function digest(source: Buffer, payload: Uint8Array): Buffer {
  const node = Buffer.from(`${process.version} ${process.arch}\n`, 'latin1');
  if (!crc32) return (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(node).update(source).update(payload).digest();
  const sums = Buffer.alloc(8);
  sums.writeUInt32LE(crc32(source, crc32(node)), 0);
  sums.writeUInt32LE(crc32(payload), 4);
  return sums;
}

function magic(name: string): Buffer {
  return Buffer.from(`fs v8 code cache 1 ${crc32 ? 'crc32' : 'sha256'} ${name}\n`, 'latin1');
}

/** The cache's payload if it was made from exactly these bytes by this Node, else undefined. */
export function readCodeCache(cacheFile: string, name: string, source: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compile as usual
  }
  const head = magic(name);
  const end = head.length + (crc32 ? 8 : 32);
  if (file.length <= end || !file.subarray(0, head.length).equals(head)) return undefined;
  const payload = file.subarray(end);
  return digest(source, payload).equals(file.subarray(head.length, end)) ? payload : undefined;
}

/** The cache file, atomically: readers see the old one or the new one, never a part. */
export function writeCodeCache(cacheFile: string, name: string, source: Buffer, payload: Buffer): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      fchmodSync(fd, 0o644); // readable by every user of the install, whatever the umask
      writeSync(fd, Buffer.concat([magic(name), digest(source, payload), payload]));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, cacheFile);
    const dir = openSync(dirname(cacheFile), 'r');
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

/** How the last load went, for FS_DEBUG=1 and the tests. */
export let lastCodeCacheState: 'used' | 'rejected' | 'none' | 'writing' | undefined;

/**
 * `require(path)` of a CommonJS file that requires nothing itself, compiled with the code cache in
 * cacheFile. With FS_WRITE_DOCX_CACHE=1 the cache is not read but written when the process exits
 * (so that it holds the functions the run compiled on the way).
 */
export function requireWithCodeCache(path: string, cacheFile: string, name: string): unknown {
  const sourceBytes = readFileSync(path);
  const write = process.env.FS_WRITE_DOCX_CACHE === '1';
  const cachedData = write ? undefined : readCodeCache(cacheFile, name, sourceBytes);
  const script = new vm.Script(Module.wrap(sourceBytes.toString('utf8')), { filename: path, cachedData });
  lastCodeCacheState = write ? 'writing' : cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  if (process.env.FS_DEBUG === '1') process.stderr.write(`fs: ${name} code cache ${lastCodeCacheState}\n`);
  if (write) process.once('exit', () => writeCodeCache(cacheFile, name, sourceBytes, script.createCachedData()));
  const mod = new Module(path);
  mod.filename = path;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(path), mod, path, dirname(path));
  mod.loaded = true;
  return mod.exports;
}
