// Proof 4's generator: argument vectors built from valid commands with one slot made hostile.
// A malformed value, an unknown key or an unknown flag must be refused with exit 2; strange but
// legal text (Unicode, NUL, 1 MB, controls) may be stored (exit 0) or refused (exit 2), never more.

import { rng } from './rng.js';

export { rng };

export type Slot = 'text' | 'date' | 'num' | 'id' | 'cat' | 'topic' | 'tag' | 'format' | 'exportformat' | 'period' | 'status' | 'setting' | 'entity';

export interface Vector {
  args: string[];
  /** What was made hostile, and the exit codes allowed for it. */
  slot: Slot | 'flag' | 'command';
  allowed: number[];
}


const VALID: Record<Slot, string[]> = {
  text: ['王秀英', 'roof leaks', '二组', '13800000000'],
  // Also the forms people type (issue 12): slashes, single digits, Chinese.
  date: ['2026-11-20', 'today', 'yesterday', '-3d', '2026/11/20', '2026-1-1', '11月3日', '本月1日'],
  num: ['0', '5', '20'],
  id: ['1'],
  cat: ['poor-household', 'other', 'party-cadre'],
  topic: ['team', 'hardship', 'disputes'],
  tag: ['poor', 'party-member'],
  format: ['table', 'tsv', 'csv', 'json', 'ndjson', 'md'],
  exportformat: ['ndjson', 'json'],
  period: ['this-month', '2026-Q3', '2026', '本月'],
  status: ['open', 'referred'],
  setting: ['concern.due_days', 'visit.stale_days'],
  entity: ['person', 'visit'],
};

const BAD_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '99999-01-01', '0000-00-00', '0000-01-01', '9999-12-31', '11月31日', '本月32日', '20261120', 'tomorrowish', '-d', '--3d', '+3d', '１２', '2026-11-20T00:00', ' ', '', 'NaN', '-99999999999d', '\u0000'];
const BAD_NUMS = ['-1', '1e9', '0x10', 'NaN', '1.5', '', ' ', '99999999999999999999', '٣', 'five', '+3', '3 4', 'Infinity', '\u0000'];
const BAD_IDS = ['-1', 'abc', '1.0', '', '#', '1e3', '٣', '99999999999999999999', '\u0000', '1 2'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

const SCRIPTS = ['王秀英', 'مرحبا', 'שלום', 'Ελληνικά', '😀👨‍👩‍👧', 'e\u0301', '\u202Eevil', '\uFEFF', 'Z̴̡̢a̵l̶g̷o', '𠀀𪚥'];
const CONTROLS = ['\u0000', '\u001b[31m', '\u001b]0;title\u0007', '\r', '\n', '\t', '\u007f', '\u0085', '\u009b31m', '\u2028'];

/** Text a person could paste, and text nobody should. */
export function hostileText(r: () => number, big: boolean): string {
  const kind = Math.floor(r() * 8);
  if (big) return 'x'.repeat(1 << 20);
  switch (kind) {
    case 0:
      return Array.from({ length: 1 + Math.floor(r() * 12) }, () => String.fromCodePoint(Math.floor(r() * 0x2ffff))).join('').replace(/[\uD800-\uDFFF]/g, '?');
    case 1:
      return Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(r, [...SCRIPTS, ...CONTROLS])).join('');
    case 2:
      return `${pick(r, ['=', '+', '-', '@', '\t', '\r'])}cmd|' /C calc'!A0`;
    case 3:
      return pick(r, ['', ' ', '   \t ', '\n', '--', '-', '--name', '-x', '"', "'", '\\', '%s%n', '${HOME}', '$(id)', '`id`']);
    case 4:
      return `a\u0000b${pick(r, CONTROLS)}c`;
    case 5:
      return 'y'.repeat(1000 + Math.floor(r() * 20000));
    case 6:
      return pick(r, SCRIPTS) + pick(r, CONTROLS) + pick(r, SCRIPTS);
    default:
      return String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 8) }, () => Math.floor(r() * 0x100)));
  }
}

function hostile(slot: Slot, r: () => number, big: boolean): string {
  switch (slot) {
    case 'text':
      return hostileText(r, big);
    case 'date':
      return r() < 0.6 ? pick(r, BAD_DATES) : `${hostileText(r, false)}x`;
    case 'num':
      return pick(r, BAD_NUMS);
    case 'id':
      return pick(r, BAD_IDS);
    default:
      // An unknown key: never one of the valid ones.
      return r() < 0.5 ? `unknown-${Math.floor(r() * 1e6)}` : `${hostileText(r, false)}\u0001`;
  }
}

// Each template: literal words, and slots written as {slot}.
const TEMPLATES: string[][] = [
  ['person', 'add', '--name', '{text}', '--household', '{text}', '--group', '{text}', '--phone', '{text}', '--tag', '{tag}', '--notes', '{text}'],
  ['visit', 'add', '--person', '1', '--date', '{date}', '--category', '{cat}', '--topic', '{topic}', '--notes', '{text}', '--place', '{text}', '--concern', '{text}'],
  ['visit', 'list', '--period', '{period}', '--limit', '{num}', '--format', '{format}', '--category', '{cat}', '--topic', '{topic}'],
  ['visit', 'list', '--from', '{date}', '--format', '{format}'],
  ['visit', 'edit', '{id}', '--notes', '{text}', '--topic', '{topic}', '--category', '{cat}'],
  ['visit', 'show', '{id}', '--format', '{format}'],
  ['person', 'list', '--tag', '{tag}', '--format', '{format}'],
  ['person', 'edit', '{id}', '--phone', '{text}', '--group', '{text}'],
  ['concern', 'list', '--period', '{period}', '--format', '{format}'],
  ['concern', 'update', '{id}', '--status', '{status}', '--due', '{date}', '--note', '{text}'],
  ['config', 'set', 'village', '{text}'],
  ['config', 'set', '{setting}', '{num}'],
  ['history', '{entity}', '{id}', '--limit', '{num}', '--format', '{format}'],
  ['export', '--format', '{exportformat}'],
  ['doctor', '--format', '{format}'],
  ['backup', '--keep', '{num}'],
];

/** `n` vectors from `seed`; about one in 500 carries a 1 MB value. */
export function hostileVectors(n: number, seed: number): Vector[] {
  const r = rng(seed);
  const out: Vector[] = [];
  while (out.length < n) {
    const template = pick(r, TEMPLATES);
    const slots = template.map((w, i) => [w, i] as const).filter(([w]) => w.startsWith('{'));
    const roll = r();
    if (roll < 0.04) {
      out.push({ args: ['frobnicate', ...template.slice(1).map((w) => (w.startsWith('{') ? VALID[w.slice(1, -1) as Slot][0]! : w))], slot: 'command', allowed: [2] });
      continue;
    }
    const [, target] = pick(r, slots);
    const big = r() < 0.002;
    const args: string[] = [];
    let slot: Slot = 'text';
    template.forEach((w, i) => {
      if (!w.startsWith('{')) return args.push(w);
      const s = w.slice(1, -1) as Slot;
      if (i === target) {
        slot = s;
        args.push(hostile(s, r, big));
      } else args.push(pick(r, VALID[s]));
    });
    if (roll < 0.1) {
      args.push(`--zz${Math.floor(r() * 1e9).toString(36)}`);
      out.push({ args, slot: 'flag', allowed: [2] });
      continue;
    }
    out.push({ args, slot, allowed: slot === 'text' ? [0, 2] : [2] });
  }
  return out;
}
