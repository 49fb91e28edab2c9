// The catalogue packed into three strings, so that a start builds no catalogue objects: a
// thousand [English, 中文] pairs as object literals cost every start 3-4 ms (compiled code to load,
// objects to make, garbage to collect), and `fs --help` alone asks for some forty of them. The
// build packs the catalogue once (src/i18n/packed.ts, scripts/build.mjs); a lookup finds its key
// in one small bucket of the index and slices the texts out of one string.
import type { Entries } from './index.js';

export interface Packed {
  /** Per bucket, its records `\nkey=start,enLength,zhLength` (numbers in base 36), after a leading `\n`. */
  index: string;
  /** Where each bucket's records begin in `index` (and where the last ends): BUCKETS + 1 numbers, 4 base-36 digits each. */
  starts: string;
  /** Every entry's English then Chinese text, one after the other. */
  values: string;
}

const BUCKETS = 128;
const WIDTH = 4;

/** A cheap spread of keys over the buckets (keys are ASCII names, most of them alike at the start). */
function bucketOf(key: string): number {
  return (key.length * 31 + key.charCodeAt(key.length - 1) * 7 + key.charCodeAt(key.length >> 1)) & (BUCKETS - 1);
}

/** Later catalogues win: a key found in two files means what the later file says. */
export function pack(catalogues: readonly Entries[]): Packed {
  const merged = new Map<string, readonly [string, string]>();
  for (const c of catalogues) for (const key of Object.keys(c)) merged.set(key, c[key]!);
  const buckets: string[][] = Array.from({ length: BUCKETS }, () => []);
  let values = '';
  for (const [key, [en, zh]] of merged) {
    if (key === '' || /[\n=]/.test(key)) throw new Error(`catalogue key ${JSON.stringify(key)}: a key is a name without "=" or a line break`);
    buckets[bucketOf(key)]!.push(`\n${key}=${values.length.toString(36)},${en.length.toString(36)},${zh.length.toString(36)}`);
    values += en + zh;
  }
  let index = '';
  let starts = '';
  for (const records of buckets) {
    starts += index.length.toString(36).padStart(WIDTH, '0');
    index += records.join('');
  }
  starts += index.length.toString(36).padStart(WIDTH, '0');
  if (index.length >= 36 ** WIDTH) throw new Error('catalogue index too large for its offsets');
  return { index: `${index}\n`, starts, values };
}

/** Lookups in a packed catalogue. */
export class PackedCatalogue {
  constructor(private readonly p: Packed) {}

  entry(key: string): readonly [string, string] | undefined {
    if (key === '') return undefined;
    const b = bucketOf(key);
    const from = parseInt(this.p.starts.slice(b * WIDTH, (b + 1) * WIDTH), 36);
    const to = parseInt(this.p.starts.slice((b + 1) * WIDTH, (b + 2) * WIDTH), 36);
    // The bucket's records and the line break that ends its last one.
    const at = this.p.index.slice(from, to + 1).indexOf(`\n${key}=`);
    if (at < 0) return undefined;
    const begin = from + at + key.length + 2;
    const [start, en, zh] = this.p.index
      .slice(begin, this.p.index.indexOf('\n', begin))
      .split(',')
      .map((n) => parseInt(n, 36)) as [number, number, number];
    return [this.p.values.slice(start, start + en), this.p.values.slice(start + en, start + en + zh)];
  }

  /** Every key, in no particular order. */
  keys(): string[] {
    return [...this.p.index.matchAll(/\n([^=\n]+)=/g)].map((m) => m[1]!);
  }
}
