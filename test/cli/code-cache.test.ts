// The code cache beside the bundle can make start-up faster, never break it: whatever happens to
// dist/fs.v8cache or dist/fs.cjs, fs starts normally and runs the bundle that is there now; the same
// for docx's cache (dist/docx.v8cache) and a Word file.
// Each case runs a copy of the built install (bin/, dist/) in a temp dir (test/helpers/install.ts).
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { install as makeInstall, type Install } from '../helpers/install.js';
import { unzipEntry } from '../helpers/zip.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const run = (dir: string, args: string[], env: Record<string, string> = {}) => byDir.get(dir)!.run(args, { FS_DEBUG: '1', ...env });
const byDir = new Map<string, Install>();
function install(): Install {
  const i = makeInstall();
  byDir.set(i.dir, i);
  return i;
}

/** The start-up works all the way: the bundle runs, opens a ledger and writes to it. */
function expectNormalStart(dir: string, version = VERSION): string {
  const v = run(dir, ['--version']);
  expect(v, v.stderr).toMatchObject({ code: 0 });
  expect(v.stdout.trim()).toBe(version);
  const add = run(dir, ['person', 'add', '--name', '王秀英', '--household', '王家']);
  expect(add.code, add.stderr).toBe(0);
  const list = run(dir, ['person', 'list', '--format', 'json']);
  expect(list.code, list.stderr).toBe(0);
  expect((JSON.parse(list.stdout) as { name: string }[]).map((p) => p.name)).toContain('王秀英');
  return v.stderr;
}

/** Bytes XORed with 0xff: 64 bytes at each tenth of the payload (past the header), plus the last one. */
function flipBytes(file: string): void {
  const buf = readFileSync(file);
  for (let k = 1; k < 10; k++) {
    const at = Math.floor((buf.length * k) / 10);
    for (let i = at; i < Math.min(buf.length, at + 64); i++) buf[i]! ^= 0xff;
  }
  buf[buf.length - 1]! ^= 0xff;
  writeFileSync(file, buf);
}

describe('the code cache cannot break start-up', () => {
  it('an intact cache made by the build is used', () => {
    const { dir } = install();
    expect(expectNormalStart(dir)).toContain('code cache used');
  });

  it('flipped bytes in the cache: a normal start, without the cache', () => {
    const { dir, cache } = install();
    flipBytes(cache);
    expect(expectNormalStart(dir)).toContain('code cache not used');
  });

  it('a flipped byte in the header: a normal start', () => {
    const { dir, cache } = install();
    const buf = readFileSync(cache);
    buf[25]! ^= 0x01;
    writeFileSync(cache, buf);
    expect(expectNormalStart(dir)).toContain('code cache not used');
  });

  it('a truncated cache (half, a few bytes, empty): a normal start', () => {
    const { dir, cache } = install();
    const whole = readFileSync(cache);
    for (const size of [Math.floor(whole.length / 2), whole.length - 1, 40, 3, 0]) {
      writeFileSync(cache, whole.subarray(0, size));
      expect(expectNormalStart(dir)).toContain('code cache not used');
    }
  });

  it("another build's cache: a normal start that runs this build", () => {
    // Another build: the same bundle with one more statement, its cache written the way the build writes it.
    const other = install();
    writeFileSync(other.bundle, `${readFileSync(other.bundle, 'utf8')}\n;globalThis.__fsOtherBuild = 1;\n`);
    expect(run(other.dir, ['--help'], { FS_WRITE_CODE_CACHE: '1' }).code).toBe(0);
    expect(expectNormalStart(other.dir)).toContain('code cache used');

    const { dir, cache } = install();
    copyFileSync(other.cache, cache);
    expect(expectNormalStart(dir)).toContain('code cache not used');
  });

  it('a same-length edit of the bundle runs the new code', () => {
    const { dir, bundle } = install();
    const edited = VERSION.replace(/\d/g, '9');
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain(`"${VERSION}"`);
    writeFileSync(bundle, text.replaceAll(`"${VERSION}"`, `"${edited}"`));
    expect(readFileSync(bundle).length).toBe(Buffer.byteLength(text));
    expect(expectNormalStart(dir, edited)).toContain('code cache not used');
  });

  it('no cache at all: a normal start', () => {
    const { dir, cache } = install();
    rmSync(cache);
    expect(expectNormalStart(dir)).toContain('code cache not used');
  });
});

describe("docx's code cache (dist/docx.v8cache) cannot break a Word file", () => {
  /** A Word file written, its body as with no cache; what FS_DEBUG=1 said of docx's cache. */
  function wordFile(dir: string): string {
    const r = run(dir, ['report', 'this-week', '--format', 'docx', '-o', join(dir, 'r.docx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(unzipEntry(readFileSync(join(dir, 'r.docx')), 'word/document.xml').toString('utf8')).toContain('<w:tblHeader/>');
    return r.stderr.split('\n').find((l) => l.includes('docx code cache')) ?? '';
  }

  it('an intact cache made by the build is used', () => {
    expect(wordFile(install().dir)).toBe('fs: docx code cache used');
  });

  it('flipped bytes, a truncated cache, another file\'s cache, no cache: the Word file without it', () => {
    const { dir } = install();
    const cache = join(dir, 'dist', 'docx.v8cache');
    const whole = readFileSync(cache);
    flipBytes(cache);
    expect(wordFile(dir)).toBe('fs: docx code cache none');
    for (const size of [Math.floor(whole.length / 2), whole.length - 1, 40, 0]) {
      writeFileSync(cache, whole.subarray(0, size));
      expect(wordFile(dir)).toBe('fs: docx code cache none');
    }
    copyFileSync(join(dir, 'dist', 'fs.v8cache'), cache);
    expect(wordFile(dir)).toBe('fs: docx code cache none');
    rmSync(cache);
    expect(wordFile(dir)).toBe('fs: docx code cache none');
  });
});
