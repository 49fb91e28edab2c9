// The code caches beside the bundles can make start-up faster, never break it: whatever happens to
// a bundle (dist/fs.cjs, the core; dist/fs-person.cjs, a command's) or to its cache
// (dist/<bundle>.v8cache), fs starts normally and runs the bundles that are there now; the same
// for docx's cache (dist/docx.v8cache) and a Word file.
// Each case runs a copy of the built install (bin/, dist/) in a temp dir (test/helpers/install.ts).
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { appendToBundle, BUNDLES, install as makeInstall, type BundleName, type Install } from '../helpers/install.js';
import { unzipEntry } from '../helpers/zip.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const run = (dir: string, args: string[], env: Record<string, string> = {}) => byDir.get(dir)!.run(args, { FS_DEBUG: '1', ...env });
const byDir = new Map<string, Install>();
function install(): Install {
  const i = makeInstall();
  byDir.set(i.dir, i);
  return i;
}

/**
 * The start-up works all the way: the core runs (--version), the command's bundle runs, opens a
 * ledger and writes to it. Returns what FS_DEBUG said about the caches, and the people listed.
 */
function expectNormalStart(dir: string, version = VERSION): { said: string; people: Record<string, unknown>[] } {
  const v = run(dir, ['--version']);
  expect(v, v.stderr).toMatchObject({ code: 0 });
  expect(v.stdout.trim()).toBe(version);
  const add = run(dir, ['person', 'add', '--name', '王秀英', '--household', '王家']);
  expect(add.code, add.stderr).toBe(0);
  const list = run(dir, ['person', 'list', '--format', 'json']);
  expect(list.code, list.stderr).toBe(0);
  const people = JSON.parse(list.stdout) as Record<string, unknown>[];
  expect(people.map((p) => p.name)).toContain('王秀英');
  return { said: v.stderr + list.stderr, people };
}

const used = (name: BundleName) => `code cache used: ${name}.cjs`;
const notUsed = (name: BundleName) => `code cache not used (missing or not this build): ${name}.cjs`;

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

/** A same-length edit of each bundle that a normal start shows: the version, a column's name. */
const EDITS: Record<BundleName, { from: string; to: string; shows: (start: ReturnType<typeof expectNormalStart>) => void; version: string }> = {
  fs: { from: `"${VERSION}"`, to: `"${VERSION.replace(/\d/g, '9')}"`, version: VERSION.replace(/\d/g, '9'), shows: () => {} },
  'fs-person': {
    from: 'h.label AS household',
    to: 'h.label AS houzehold',
    version: VERSION,
    shows: ({ people }) => {
      expect(people[0]).toHaveProperty('houzehold', '王家');
      expect(people[0]).not.toHaveProperty('household');
    },
  },
};

describe('the code caches cannot break start-up', () => {
  it('intact caches made by the build are used', () => {
    const { dir } = install();
    const { said } = expectNormalStart(dir);
    for (const name of BUNDLES) expect(said).toContain(used(name));
  });

  describe.each(BUNDLES)('%s', (name) => {
    const other = BUNDLES.find((b) => b !== name)!;

    it('flipped bytes in the cache: a normal start, without the cache', () => {
      const i = install();
      flipBytes(i.files(name).cache);
      const { said } = expectNormalStart(i.dir);
      expect(said).toContain(notUsed(name));
      expect(said).toContain(used(other));
    });

    it('a flipped byte in the header: a normal start', () => {
      const i = install();
      const { cache } = i.files(name);
      const buf = readFileSync(cache);
      buf[25]! ^= 0x01;
      writeFileSync(cache, buf);
      expect(expectNormalStart(i.dir).said).toContain(notUsed(name));
    });

    it('a truncated cache (half, a few bytes, empty): a normal start', () => {
      const i = install();
      const { cache } = i.files(name);
      const whole = readFileSync(cache);
      for (const size of [Math.floor(whole.length / 2), whole.length - 1, 40, 3, 0]) {
        writeFileSync(cache, whole.subarray(0, size));
        expect(expectNormalStart(i.dir).said).toContain(notUsed(name));
      }
    });

    it("another build's cache: a normal start that runs this build", () => {
      // Another build: the same bundle with one more statement, its caches written the way the build writes them.
      const o = install();
      appendToBundle(o.files(name).bundle, 'globalThis.__fsOtherBuild = 1;');
      expect(run(o.dir, ['person', 'list'], { FS_WRITE_CODE_CACHE: '1' }).code).toBe(0);
      expect(expectNormalStart(o.dir).said).toContain(used(name));

      const i = install();
      copyFileSync(o.files(name).cache, i.files(name).cache);
      expect(expectNormalStart(i.dir).said).toContain(notUsed(name));
    });

    it("the other bundle's cache in its place: a normal start", () => {
      const i = install();
      copyFileSync(i.files(other).cache, i.files(name).cache);
      expect(expectNormalStart(i.dir).said).toContain(notUsed(name));
    });

    it('a same-length edit of the bundle runs the new code', () => {
      const i = install();
      const { bundle } = i.files(name);
      const edit = EDITS[name];
      const text = readFileSync(bundle, 'utf8');
      expect(text).toContain(edit.from);
      writeFileSync(bundle, text.replaceAll(edit.from, edit.to));
      expect(readFileSync(bundle).length).toBe(Buffer.byteLength(text));
      const start = expectNormalStart(i.dir, edit.version);
      expect(start.said).toContain(notUsed(name));
      edit.shows(start);
    });

    it('no cache at all: a normal start', () => {
      const i = install();
      rmSync(i.files(name).cache);
      expect(expectNormalStart(i.dir).said).toContain(notUsed(name));
    });
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
