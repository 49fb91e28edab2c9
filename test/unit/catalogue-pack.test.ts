// The packed catalogue (src/i18n/pack.ts, what the bundle carries) answers every lookup as the
// catalogue files themselves do: each key's two texts from the last file that has it, nothing for
// any other string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/catalogues.js';
import type { Entries } from '../../src/i18n/index.js';
import { catalogueKeys, t } from '../../src/i18n/index.js';
import { pack, PackedCatalogue } from '../../src/i18n/pack.js';
import { PACKED } from '../../src/i18n/packed.js';

/** The plain lookup: the files from last to first. */
function plainEntry(files: readonly Entries[], key: string): readonly [string, string] | undefined {
  for (let i = files.length - 1; i >= 0; i--) if (Object.hasOwn(files[i]!, key)) return files[i]![key];
  return undefined;
}

const files = catalogues as readonly Entries[];
const allKeys = [...new Set(files.flatMap((c) => Object.keys(c)))];

describe('the packed catalogue', () => {
  const packed = new PackedCatalogue(pack(files));

  it('gives every key the texts of the last file that has it', () => {
    expect(allKeys.length).toBeGreaterThan(1000);
    for (const key of allKeys) expect(packed.entry(key), key).toEqual(plainEntry(files, key));
    // Keys in two files exist: the later one wins.
    const twice = allKeys.filter((k) => files.filter((c) => Object.hasOwn(c, k)).length > 1);
    expect(twice.length).toBeGreaterThan(0);
  });

  it('knows every key and no other', () => {
    expect(new Set(packed.keys())).toEqual(new Set(allKeys));
    expect(packed.keys()).toHaveLength(allKeys.length);
    expect(new Set(catalogueKeys())).toEqual(new Set(allKeys));
  });

  it('finds nothing for strings that are not keys', () => {
    const near = allKeys.flatMap((k) => [k.slice(0, -1), `${k}x`, `x${k}`, `${k}=`, `${k}\n`, k.toUpperCase()]);
    for (const s of ['', '=', '\n', ',', '0', 'cmd', 'cmd.', ...near]) expect(packed.entry(s), JSON.stringify(s)).toEqual(plainEntry(files, s));
    const unit = fc.constantFrom('a', '.', '_', '=', '\n', ',', '0', 'z', '中');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        expect(packed.entry(s)).toEqual(plainEntry(files, s));
      }),
    );
  });

  it('is what the messages use', () => {
    expect(PACKED).toEqual(pack(files));
    for (const key of allKeys) {
      const [en, zh] = plainEntry(files, key)!;
      if (!en.includes('{')) expect(t(key, {}, 'en')).toBe(en);
      if (!zh.includes('{')) expect(t(key, {}, 'zh')).toBe(zh);
    }
  });

  it('packs small catalogues exactly, and refuses a key it could not find again', () => {
    const small = [{ a: ['A', '甲'], 'b.c': ['', '乙'] }, { a: ['A2', '甲2'], 'x=y': ['?', '?'] }] as const;
    expect(() => pack(small)).toThrow(/x=y/);
    const ok = new PackedCatalogue(pack([small[0], { a: ['A2', '甲2'] }]));
    expect(ok.entry('a')).toEqual(['A2', '甲2']);
    expect(ok.entry('b.c')).toEqual(['', '乙']);
    expect(ok.entry('b')).toBeUndefined();
    expect(() => pack([{ 'a\nb': ['', ''] }])).toThrow();
    expect(() => pack([{ '': ['', ''] }])).toThrow();
  });
});
