// The terminal table renderer as it was before the performance work of issue 12 (width.ts,
// table.ts, the table half of output.ts and visitListing, commit 1c468a6), kept verbatim as the
// reference that test/unit/table-equivalence.test.ts compares the optimised renderer against.
// Do not "fix" anything here: its output is the contract, byte for byte. Rules changed on
// purpose since, here and in the renderer alike (2026-12-03): a header's floor keeps a Chinese
// word whole (headerWord), and a line may break between a wide character and the Latin word
// after it (latinAfterWide), so that 添加日期：2026-11-27 does not break inside the date; a
// Latin word before a closing mark (，。) moves whole with it; width that saves no line in a
// column goes to the columns where it does (reclaim).
/* eslint-disable */
import stringWidthLib from 'string-width';
import { plainText } from '../../../src/i18n/plain.js';
import { joinList, label, t } from '../../../src/i18n/index.js';
import type { Visit } from '../../../src/domain/visits.js';
import type { Listing, Column } from '../../../src/render/output.js';

// ---- width.ts ----

function stringWidth(g: string): number {
  return stringWidthLib(g);
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
      // A Latin word (and the punctuation stuck to it) moves whole to the next line when a space allows.
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

function latinAfterWide(start: number, end: number, n: number, width: number, latin: (k: number) => boolean, wide: (k: number) => boolean): number {
  let k = end - 1;
  while (k > start && latin(k)) k--;
  if (!(k > start && k < end - 1 && wide(k))) return -1;
  let j = end;
  while (j < n && latin(j)) j++;
  return j - (k + 1) <= width ? k + 1 : -1;
}

export function headerWord(s: string, cap = 12): number {
  let best = 0;
  for (const part of s.split(' ')) best = Math.max(best, textWidth(part));
  return Math.min(best, cap);
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

/** The widest piece `s` cannot be broken inside: a Latin word (up to `cap`), else 2 for a Chinese character. */
// Added 2026-12-03, as in width.ts: a short cell without a space (a name) is one word for the floor.
function cellFloor(s: string, w: number): number {
  return w <= 8 && !s.includes(' ') && !s.includes('\n') ? w : longestWord(s);
}

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

// ---- table.ts ----

export interface TableCell {
  text: string;
  /** Colour applied to each drawn line of the cell (widths are measured before). */
  paint?: (s: string) => string;
}

export interface TableInput {
  headers: string[];
  rows: TableCell[][];
  /** Per column: never wider than this (the text wraps). */
  caps?: Array<number | undefined>;
  /** Total width to fit, borders included. */
  width: number;
  paintHeader?: (s: string) => string;
}

/** The narrowest a column is squeezed to: two columns hold any one character. */
const MIN_COLUMN = 2;

/**
 * Column widths to fill `available`: every column first gets its floor (its longest word, so
 * dates and Latin words stay whole when they can), then the space left goes to the columns that
 * want more, the widest giving way first (water-filling). When even the floors do not fit, the
 * natural widths are water-filled directly: short columns (ids, counts) keep theirs.
 */
export function fitWidths(natural: number[], available: number, floors: number[] = natural.map(() => 0)): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural;
  const floor = natural.map((w, i) => Math.min(w, Math.max(MIN_COLUMN, floors[i]!)));
  const floorTotal = floor.reduce((a, b) => a + b, 0);
  if (floorTotal >= available) return waterFill(natural, available);
  const extra = waterFill(natural.map((w, i) => w - floor[i]!), available - floorTotal, 0);
  return floor.map((w, i) => w + extra[i]!);
}

/** Widths min(w, L) for the largest level L that fits, the few columns left over handed out one each. */
export function waterFill(natural: number[], available: number, min = MIN_COLUMN): number[] {
  const n = natural.length;
  if (natural.reduce((a, b) => a + b, 0) <= available) return natural;
  if (available <= n * min) return natural.map((w) => Math.min(w, min));
  const sorted = [...natural].sort((a, b) => a - b);
  let below = 0;
  let level = min;
  for (let i = 0; i < n; i++) {
    const l = Math.floor((available - below) / (n - i));
    if (l < sorted[i]!) {
      level = Math.max(min, l);
      break;
    }
    below += sorted[i]!;
  }
  const widths = natural.map((w) => Math.min(w, level));
  let spare = available - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n && spare > 0; i++) {
    if (natural[i]! > widths[i]!) {
      widths[i]!++;
      spare--;
    }
  }
  return widths;
}

const BOX = { h: '─', v: '│', tl: '┌', tm: '┬', tr: '┐', ml: '├', mm: '┼', mr: '┤', bl: '└', bm: '┴', br: '┘' };

function rule(widths: number[], l: string, m: string, r: string): string {
  return l + widths.map((w) => BOX.h.repeat(w + 2)).join(m) + r;
}

/**
 * The drawn lines of one row: cells wrapped to their widths, padded, side by side. `measured`
 * holds each cell's width from the first pass: a cell that fits is drawn without being re-read.
 */
function drawRow(cells: TableCell[], measured: ArrayLike<number>, widths: number[], out: string[], paintAll?: (s: string) => string): void {
  const n = cells.length;
  let fits = true;
  for (let i = 0; i < n; i++) {
    if (measured[i]! > widths[i]! || cells[i]!.text.includes('\n')) {
      fits = false;
      break;
    }
  }
  if (fits) {
    let s = BOX.v;
    for (let i = 0; i < n; i++) {
      const c = cells[i]!;
      const padded = padEnd(c.text, measured[i]!, widths[i]!);
      const paint = c.paint ?? paintAll;
      s += ` ${paint && c.text !== '' ? paint(padded) : padded} ${BOX.v}`;
    }
    out.push(s);
    return;
  }
  const wrapped = cells.map((c, i) => (c.text === '' ? [''] : measured[i]! <= widths[i]! && !c.text.includes('\n') ? [c.text] : wrapText(c.text, widths[i]!)));
  let height = 1;
  for (const w of wrapped) if (w.length > height) height = w.length;
  for (let line = 0; line < height; line++) {
    let s = BOX.v;
    for (let i = 0; i < n; i++) {
      const text = wrapped[i]![line] ?? '';
      const padded = padEnd(text, textWidth(text), widths[i]!);
      const paint = cells[i]!.paint ?? paintAll;
      s += ` ${paint && text !== '' ? paint(padded) : padded} ${BOX.v}`;
    }
    out.push(s);
  }
}

/** The whole table as one string (for documents and tests); drawTableChunks streams it. */
export function drawTable(input: TableInput): string {
  let s = '';
  for (const chunk of drawTableChunks(input)) s += chunk;
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

const CHUNK_LINES = 2048;

/**
 * Added 2026-12-03, as in the renderer (reclaimWidths): a column narrower than its widest cell
 * shrinks to its widest cell that fits (not below its floor) when no cell or header then takes
 * more lines (checking at most 4096 distinct wrapped texts), and the columns that still want more
 * share what it gave, by waterFill.
 */
function reclaim(widths: number[], natural: number[], floors: number[], headers: string[], rows: TableCell[][], measured: Int32Array): number[] {
  const n = widths.length;
  const next = widths.slice();
  const gave: boolean[] = widths.map(() => false);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (widths[i]! >= natural[i]!) continue;
    const w = widths[i]!;
    const cells: { text: string; width: number }[] = [{ text: headers[i]!, width: textWidth(headers[i]!) }];
    for (let r = 0; r < rows.length; r++) cells.push({ text: rows[r]![i]!.text, width: measured[r * n + i]! });
    let to = Math.min(natural[i]!, Math.max(MIN_COLUMN, floors[i]!));
    for (const c of cells) if (c.width <= w) to = Math.max(to, c.width);
    if (to >= w) continue;
    const seen = new Set<string>();
    let same = true;
    for (let c = 0; c < cells.length && same; c++) {
      const cell = cells[c]!;
      if (cell.width <= w) continue;
      if (c > 0 && seen.has(cell.text)) continue;
      if (c > 0 && seen.size >= 4096) same = false;
      else if (wrapText(cell.text, to).length !== wrapText(cell.text, w).length) same = false;
      if (c > 0) seen.add(cell.text);
    }
    if (!same) continue;
    next[i] = to;
    gave[i] = true;
    total += w - to;
  }
  if (total === 0) return widths;
  const want = next.map((w, i) => (gave[i] ? 0 : Math.max(0, natural[i]! - w)));
  if (want.every((d) => d === 0)) return widths;
  const extra = waterFill(want, total, 0);
  return next.map((w, i) => w + extra[i]!);
}

/**
 * The table in pieces of a few thousand lines, each ending in a newline: a 200,000-row listing is
 * written as it is drawn instead of being held whole in memory (once as lines, again as one string).
 */
export function* drawTableChunks(input: TableInput): Generator<string> {
  const n = input.headers.length;
  const natural = input.headers.map((h) => textWidth(h));
  const floors = input.headers.map((h) => headerWord(h));
  // One pass to measure: each cell's width is kept for the drawing pass.
  const measured = new Int32Array(input.rows.length * n);
  let k = 0;
  for (const row of input.rows) {
    for (let i = 0; i < n; i++) {
      const text = row[i]!.text;
      const w = textWidth(text);
      measured[k++] = w;
      if (w > natural[i]!) natural[i] = w;
      if (w > floors[i]!) {
        const f = cellFloor(text, w);
        if (f > floors[i]!) floors[i] = f;
      }
    }
  }
  const capped = natural.map((w, i) => Math.max(1, Math.min(w, input.caps?.[i] ?? w)));
  const widths = reclaim(fitWidths(capped, input.width - (3 * n + 1), floors), capped, floors, input.headers, input.rows, measured);
  let out: string[] = [rule(widths, BOX.tl, BOX.tm, BOX.tr)];
  drawRow(input.headers.map((text) => ({ text })), input.headers.map((h) => textWidth(h)), widths, out, input.paintHeader);
  out.push(rule(widths, BOX.ml, BOX.mm, BOX.mr));
  for (let r = 0; r < input.rows.length; r++) {
    drawRow(input.rows[r]!, measured.subarray(r * n, r * n + n), widths, out);
    if (out.length >= CHUNK_LINES) {
      yield `${out.join('\n')}\n`;
      out = [];
    }
  }
  out.push(rule(widths, BOX.bl, BOX.bm, BOX.br));
  yield `${out.join('\n')}\n`;
}

// ---- output.ts (the table half) ----
function machineText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function humanText<R>(col: Column<R>, row: R): string {
  const s = col.text ? col.text(row) : machineText(col.value(row));
  return plainText(s);
}

/** Old renderTable, colours given (the current code takes them from c()). */
export function renderTable<R>(listing: Listing<R>, width: number, bold: (s: string) => string, noRows: string): string {
  let s = '';
  for (const chunk of renderTableChunks(listing, width, bold, noRows)) s += chunk;
  return s;
}

function* renderTableChunks<R>(whole: Listing<R>, width: number, bold: (s: string) => string, noRows: string): Generator<string> {
  const title = whole.title ? `${bold(plainText(whole.title))}\n` : '';
  if (whole.rows.length === 0) {
    yield `${title}${whole.empty ?? noRows}\n`;
    return;
  }
  // Added 2026-12-03, as in output.ts (Column.optional): while the columns' floors (a column's
  // longest word, at least 2, at most its widest cell) and borders exceed the width, the rightmost
  // optional column is left out; a line under the table names those left out.
  const kept = [...whole.columns];
  const floorOf = (col: Column<R>) => {
    let natural = textWidth(plainText(col.header));
    let floor = headerWord(plainText(col.header));
    for (const row of whole.rows) {
      const text = humanText(col, row).replace(/\t/g, ' ');
      natural = Math.max(natural, textWidth(text));
      floor = Math.max(floor, cellFloor(text, textWidth(text)));
    }
    return Math.min(natural, Math.max(MIN_COLUMN, floor));
  };
  const need = () => kept.reduce((sum, col) => sum + floorOf(col) + 3, 1);
  for (let i = whole.columns.length - 1; i >= 0 && need() > width; i--) if (whole.columns[i]!.optional) kept.splice(kept.indexOf(whole.columns[i]!), 1);
  const left = whole.columns.filter((col) => !kept.includes(col));
  const listing = { ...whole, columns: kept };
  const rows: TableCell[][] = new Array(listing.rows.length);
  let r = 0;
  for (const row of listing.rows) {
    rows[r++] = listing.columns.map((col) => ({ text: humanText(col, row).replace(/\t/g, ' '), paint: col.paint?.(row) }));
  }
  if (title) yield title;
  yield* drawTableChunks({
    headers: listing.columns.map((col) => plainText(col.header)),
    rows,
    caps: listing.columns.map((col) => col.maxWidth),
    width,
    paintHeader: (s) => bold(s),
  });
  if (left.length) yield `${t('msg.columns_left_out', { columns: joinList(left.map((col) => plainText(col.header))) })}\n`;
}

// ---- render/visits.ts ----
function topicsText(topics: readonly string[]): string {
  return joinList(topics.map((k) => label('visit_topic', k)));
}

export function visitListing(visits: Visit[]): Listing<Visit> {
  // Household, group, topics and concerns optional since 2026-12-03, as in src/render/visits.ts.
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (v) => v.id },
      { key: 'date', header: t('col.date'), value: (v) => v.date },
      { key: 'person', header: t('col.person'), value: (v) => v.person },
      { key: 'household', header: t('col.household'), value: (v) => v.household, optional: true },
      { key: 'group', header: t('col.group'), value: (v) => v.group, optional: true },
      { key: 'category', header: t('col.category'), value: (v) => v.category, text: (v) => label('visit_category', v.category) },
      { key: 'topics', header: t('col.topics'), value: (v) => v.topics, text: (v) => topicsText(v.topics), optional: true },
      { key: 'concerns', header: t('col.concerns'), value: (v) => v.concerns, optional: true },
      { key: 'notes', header: t('col.notes'), value: (v) => v.notes, maxWidth: 40 },
    ],
    rows: visits,
    json: (v) => v,
    empty: t('msg.no_visits'),
  };
}
