// Terminal tables that fit the terminal: one pass to measure, one to draw, linear in the cells.
// Long cells wrap inside their column; widths are display columns (src/render/width.ts).
import { longestWord, padEnd, textWidth, wrapText } from './width.js';

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
 * The table in pieces of a few thousand lines, each ending in a newline: a 200,000-row listing is
 * written as it is drawn instead of being held whole in memory (once as lines, again as one string).
 */
export function* drawTableChunks(input: TableInput): Generator<string> {
  const n = input.headers.length;
  const natural = input.headers.map((h) => textWidth(h));
  const floors = input.headers.map((h) => longestWord(h));
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
        const f = longestWord(text);
        if (f > floors[i]!) floors[i] = f;
      }
    }
  }
  const capped = natural.map((w, i) => Math.max(1, Math.min(w, input.caps?.[i] ?? w)));
  const widths = fitWidths(capped, input.width - (3 * n + 1), floors);
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
