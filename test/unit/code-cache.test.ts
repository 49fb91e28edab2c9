// The code cache for CommonJS files of node_modules (docx): used only when it was made from exactly
// the bytes there now by this Node; otherwise the file is compiled as usual and its current code runs.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lastCodeCacheState, readCodeCache, requireWithCodeCache, writeCodeCache } from '../../src/render/code-cache.js';
import { tempDir } from '../helpers/cli.js';

/** A module file, and a cache for it made as the build makes one (after running it). */
function moduleWithCache(dir: string, name: string, text: string) {
  const path = join(dir, `${name}.cjs`);
  writeFileSync(path, text);
  const script = new vm.Script(Module.wrap(text), { filename: path });
  const m = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...a: unknown[]) => void)(m.exports, createRequire(path), m, path, dir);
  const cache = join(dir, `${name}.v8cache`);
  writeCodeCache(cache, 'm', readFileSync(path), script.createCachedData());
  return { path, cache };
}

const load = (path: string, cache: string) => {
  const exports = requireWithCodeCache(path, cache, 'm') as { v: string; twice(n: number): number };
  return { v: exports.v, twice: exports.twice(21), state: lastCodeCacheState };
};

describe('requireWithCodeCache', () => {
  const text = "'use strict';\nmodule.exports = { v: 'aaaa', twice(n) { return n * 2; } };\n";

  it('uses a cache made from these bytes, written atomically and readable by all', () => {
    const dir = tempDir();
    const { path, cache } = moduleWithCache(dir, 'a', text);
    expect(load(path, cache)).toEqual({ v: 'aaaa', twice: 42, state: 'used' });
    expect(statSync(cache).mode & 0o777).toBe(0o644);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a same-length edit of the file runs the new code, without the cache', () => {
    const dir = tempDir();
    const { path, cache } = moduleWithCache(dir, 'a', text);
    writeFileSync(path, text.replace('aaaa', 'bbbb').replace('n * 2', 'n + n'));
    expect(load(path, cache)).toEqual({ v: 'bbbb', twice: 42, state: 'none' });
  });

  it("another file's cache, another name's, a damaged or truncated one, none: compiled as usual", () => {
    const dir = tempDir();
    const { path, cache } = moduleWithCache(dir, 'a', text);
    const other = moduleWithCache(dir, 'b', text.replace("'aaaa'", "'cccc'"));
    expect(load(path, other.cache)).toEqual({ v: 'aaaa', twice: 42, state: 'none' });
    const whole = readFileSync(cache);
    expect(readCodeCache(cache, 'other', readFileSync(path))).toBeUndefined();
    for (const bytes of [whole.subarray(0, whole.length - 1), whole.subarray(0, 40), Buffer.alloc(0), Buffer.from(whole.map((b, i) => (i === whole.length - 10 ? b ^ 0xff : b)))]) {
      writeFileSync(cache, bytes);
      expect(load(path, cache)).toEqual({ v: 'aaaa', twice: 42, state: 'none' });
    }
    expect(load(path, join(dir, 'missing.v8cache'))).toEqual({ v: 'aaaa', twice: 42, state: 'none' });
  });
});
