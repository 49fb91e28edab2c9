// Display width on a terminal, and text wrapped to a width without cutting a character in two.
// Widths are display columns (string-width: a Chinese character is 2, a combining mark 0, an emoji 2).
// Plain text (ASCII and common Chinese, the bulk of any table) never reaches the segmenter.
import { createRequire } from 'node:module';

type StringWidth = (s: string) => number;
let stringWidthFn: StringWidth | undefined;

/**
 * string-width, loaded on the first grapheme outside the plain ranges: its module builds an
 * Intl.Segmenter when it loads (10-40 ms of ICU set-up), which no plain table and no other command
 * should pay. It is ESM-only: Node 20.19+ requires it directly; an older Node falls back to a rule
 * that is right for marks (0) and pictographs (2).
 */
function stringWidth(g: string): number {
  if (!stringWidthFn) {
    try {
      stringWidthFn = (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
    } catch {
      stringWidthFn = (x) => (/^\p{M}+$/u.test(x) ? 0 : /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(x) ? 2 : [...x.replace(/\p{M}/gu, '')].length);
    }
  }
  return stringWidthFn(g);
}

let segmenter: Intl.Segmenter | undefined;

/** Columns one grapheme takes: fast for ASCII and the common CJK blocks, string-width for the rest. */
const widthCache = new Map<string, number>();

function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const w = plainWidth(g.charCodeAt(0));
    if (w > 0) return w;
  }
  // string-width is exact but slow per call; the same emoji or accented letter recurs.
  let w = widthCache.get(g);
  if (w === undefined) {
    w = stringWidth(g);
    if (widthCache.size < 10_000) widthCache.set(g, w);
  }
  return w;
}

/** 1 or 2 for a code unit of the plain ranges (ASCII, Latin-1, Greek, Cyrillic, CJK, kana, Hangul, full-width forms), else 0. */
function plainWidth(c: number): number {
  if (c >= 0x20 && c < 0x7f) return 1;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303e) || (c >= 0xff01 && c <= 0xff60)) return 2;
  if ((c >= 0xa1 && c <= 0x2ff && c !== 0xad) || (c >= 0x370 && c <= 0x4ff && !(c >= 0x483 && c <= 0x489))) return 1;
  if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)) return 2;
  return 0;
}

/** The width of `s` when every code unit is in the plain ranges (each one grapheme), else -1. */
function plainTextWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const cw = plainWidth(s.charCodeAt(i));
    if (cw === 0) return -1;
    w += cw;
  }
  return w;
}

/** Display width of one line of text (no newlines, no escapes). */
export function displayWidth(s: string): number {
  const plain = plainTextWidth(s);
  if (plain >= 0) return plain;
  let w = 0;
  forEachGrapheme(s, (_, gw) => {
    w += gw;
  });
  return w;
}

/** Code units that continue the grapheme before them: a chunk never starts on one. */
function continues(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x20d0 && c <= 0x20ff) || c === 0x200d ||
    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xdc00 && c <= 0xdfff) || (c >= 0x1f3fb && c <= 0x1f3ff)
  );
}

const CHUNK = 64;

/**
 * Each grapheme of `s` with its width, in order. Plain code units (ASCII, common CJK) are their own
 * graphemes unless a combining mark follows; only the runs around other characters go through
 * Intl.Segmenter, in short chunks: V8's segmenter slows down badly on one long string.
 */
function forEachGrapheme(s: string, fn: (g: string, w: number) => void): void {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    const w = plainWidth(c);
    if (w > 0 && (i + 1 >= n || plainWidth(s.charCodeAt(i + 1)) > 0)) {
      fn(s[i]!, w);
      i++;
      continue;
    }
    // A run of other characters (with the plain one before a mark): up to CHUNK units, ended where a grapheme may begin.
    let end = i + 1;
    while (end < n && (end - i < CHUNK || continues(s.charCodeAt(end))) && !(plainWidth(s.charCodeAt(end)) > 0 && (end + 1 >= n || plainWidth(s.charCodeAt(end + 1)) > 0))) end++;
    segmenter ??= new Intl.Segmenter();
    for (const { segment } of segmenter.segment(s.slice(i, end))) fn(segment, graphemeWidth(segment));
    i = end;
  }
}

/** The widest line of a possibly multi-line text. */
export function textWidth(s: string): number {
  // Plain text has no newline (it is not plain): one scan measures most cells.
  const plain = plainTextWidth(s);
  if (plain >= 0) return plain;
  if (!s.includes('\n')) return displayWidth(s);
  let w = 0;
  for (const line of s.split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

/**
 * `s` as lines of at most `width` columns: at its own newlines, then at the last space that fits
 * (Latin words stay whole when they can), else between two characters. A character wider than
 * the column (an ideograph in a 1-column cell) gets a line of its own.
 */
export function wrapText(s: string, width: number): string[] {
  const out: string[] = [];
  for (const line of s.split('\n')) wrapLine(line.replace(/\s+$/, ''), Math.max(1, width), out);
  return out;
}

function wrapLine(line: string, width: number, out: string[]): void {
  const plain = plainTextWidth(line);
  if (plain >= 0) {
    if (plain <= width) out.push(line);
    else wrapPlain(line, width, out);
    return;
  }
  const gs: string[] = [];
  const ws: number[] = [];
  let total = 0;
  forEachGrapheme(line, (g, w) => {
    gs.push(g);
    ws.push(w);
    total += w;
  });
  if (total <= width) out.push(line);
  else wrapGraphemes(gs, ws, width, out);
}

function wrapGraphemes(gs: string[], ws: number[], width: number, out: string[]): void {
  let start = 0;
  while (start < gs.length) {
    // Leading spaces of a continuation line carry nothing.
    while (start < gs.length && start > 0 && gs[start] === ' ') start++;
    let end = start;
    let used = 0;
    let lastSpace = -1;
    while (end < gs.length && (used + ws[end]! <= width || end === start)) {
      if (gs[end] === ' ') lastSpace = end;
      used += ws[end]!;
      end++;
    }
    if (end < gs.length && end > start + 1) {
      // A Latin word (and the punctuation stuck to it) moves whole to the next line when a space
      // allows, or the Chinese before it (添加日期：2026-11-27 breaks before the date, not inside it).
      if (gs[end] !== ' ' && isLatin(gs[end]!) && isLatin(gs[end - 1]!)) {
        const at = Math.max(lastSpace, latinAfterWide(start, end, gs.length, width, (k) => isLatin(gs[k]!), (k) => ws[k]! === 2));
        if (at > start) end = at;
      }
      // A Chinese comma or full stop never starts a line: the character before it goes along,
      // the whole Latin word when it is one (2026-11-27， moves whole after 日期：).
      else if (CLOSING.has(gs[end]!)) {
        const at = isLatin(gs[end - 1]!) ? latinAfterWide(start, end, gs.length, width, (k) => isLatin(gs[k]!), (k) => ws[k]! === 2) : -1;
        end = at > start ? at : end - 1;
      }
    }
    out.push(gs.slice(start, end).join('').replace(/\s+$/, ''));
    start = end;
  }
}

/** wrapGraphemes for plain text, where each code unit is a grapheme: no arrays, only slices. */
function wrapPlain(line: string, width: number, out: string[]): void {
  const n = line.length;
  let start = 0;
  while (start < n) {
    while (start < n && start > 0 && line.charCodeAt(start) === 0x20) start++;
    if (start >= n) break;
    let end = start;
    let used = 0;
    let lastSpace = -1;
    for (;;) {
      if (end >= n) break;
      const w = plainWidth(line.charCodeAt(end));
      if (used + w > width && end !== start) break;
      if (line.charCodeAt(end) === 0x20) lastSpace = end;
      used += w;
      end++;
    }
    if (end < n && end > start + 1) {
      if (line[end] !== ' ' && isLatin(line[end]!) && isLatin(line[end - 1]!)) {
        const at = Math.max(lastSpace, latinAfterWide(start, end, n, width, (k) => isLatin(line[k]!), (k) => plainWidth(line.charCodeAt(k)) === 2));
        if (at > start) end = at;
      }
      else if (CLOSING.has(line[end]!)) {
        const at = isLatin(line[end - 1]!) ? latinAfterWide(start, end, n, width, (k) => isLatin(line[k]!), (k) => plainWidth(line.charCodeAt(k)) === 2) : -1;
        end = at > start ? at : end - 1;
      }
    }
    let stop = end;
    while (stop > start && line.charCodeAt(stop - 1) === 0x20) stop--;
    out.push(line.slice(start, stop));
    start = end;
  }
}

/**
 * Where the Latin word that `end` is inside begins, when a wide character (Chinese, or full-width
 * punctuation) stands right before it on this line: a line may break there. -1 when none does.
 */
function latinAfterWide(start: number, end: number, n: number, width: number, latin: (k: number) => boolean, wide: (k: number) => boolean): number {
  let k = end - 1;
  while (k > start && latin(k)) k--;
  if (!(k > start && k < end - 1 && wide(k))) return -1;
  // Only a word that then fits its line: a longer one breaks where it stands, a line sooner.
  let j = end;
  while (j < n && latin(j)) j++;
  return j - (k + 1) <= width ? k + 1 : -1;
}

const CLOSING = new Set([...'，。、；：？！）》」』】〉…,.;:?!)]}']);

function isLatin(g: string): boolean {
  const c = g.charCodeAt(0);
  return g.length === 1 ? c > 0x20 && c < 0x7f : /^\p{Script=Latin}/u.test(g);
}

/** `s` padded with spaces to `width` display columns. */
export function padEnd(s: string, sWidth: number, width: number): string {
  return sWidth >= width ? s : s + ' '.repeat(width - sWidth);
}

/**
 * A column header's widest word, a Chinese one whole too (up to `cap`): a header is a label of a
 * few characters, and 修改内容 read down a column one character a line is no label at all.
 */
export function headerWord(s: string, cap = 12): number {
  let best = 0;
  for (const part of s.split(' ')) best = Math.max(best, textWidth(part));
  return Math.min(best, cap);
}

/** A cell this narrow (display columns) without a space is one word: a name, a household, 致富能手. */
const SHORT_CELL = 8;

/**
 * What a cell of width `w` asks of its column's floor (see fitWidths): the whole of a short cell
 * without spaces, so that 王秀英 or 黄家159 is not broken while the column can be wider; else its
 * longest word.
 */
export function cellFloor(s: string, w: number): number {
  return w <= SHORT_CELL && !s.includes(' ') && !s.includes('\n') ? w : longestWord(s);
}

/** The widest piece `s` cannot be broken inside: a Latin word (up to `cap`), else 2 for a Chinese character. */
export function longestWord(s: string, cap = 16): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      run++;
      if (run > best) best = run;
      if (best >= cap) return cap;
    } else {
      run = 0;
      if (c >= 0x7f && best < 2) best = 2;
    }
  }
  return best;
}
