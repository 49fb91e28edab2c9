// Terminal tables that fit the terminal: one pass to measure, one to draw, linear in the cells.
// Long cells wrap inside their column; widths are display columns (src/render/width.ts).
import { longestWord, textWidth, wrapText } from './width.js';

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

/** Runs of spaces by length, made once: padding a cell allocates nothing. */
const SPACES: string[] = [''];
function spaces(n: number): string {
  while (SPACES.length <= n) SPACES.push(`${SPACES[SPACES.length - 1]} `);
  return SPACES[n]!;
}

/**
 * One column as drawn: each line of a cell becomes " text··· │" (padded to the column's width and
 * painted), so that a table line is the left border followed by one piece per column.
 */
class ColumnPen {
  /** The piece of a line where this cell has no text (a blank, never painted). */
  readonly blank: string;
  /** Unpainted cells already drawn, by text: dates, names, categories and counts recur down a listing. */
  private readonly memo = new Map<string, string[]>();

  constructor(readonly width: number) {
    this.blank = ` ${spaces(width)} ${BOX.v}`;
  }

  private piece(text: string, textW: number, paint: ((s: string) => string) | undefined): string {
    const padded = textW >= this.width ? text : text + spaces(this.width - textW);
    return ` ${paint && text !== '' ? paint(padded) : padded} ${BOX.v}`;
  }

  /** The pieces of one cell, one a line. `measured` is its width from the measuring pass. */
  cell(text: string, measured: number, paint: ((s: string) => string) | undefined): string[] {
    if (text === '') return [this.blank];
    const memoise = paint === undefined && text.length <= MEMO_TEXT;
    if (memoise) {
      const hit = this.memo.get(text);
      if (hit) return hit;
    }
    let pieces: string[];
    if (measured <= this.width && !text.includes('\n')) pieces = [this.piece(text, measured, paint)];
    else {
      const lines = wrapText(text, this.width);
      pieces = new Array<string>(lines.length);
      for (let l = 0; l < lines.length; l++) pieces[l] = this.piece(lines[l]!, textWidth(lines[l]!), paint);
    }
    if (memoise && this.memo.size < MEMO_CELLS) this.memo.set(text, pieces);
    return pieces;
  }
}

/** Cells longer than this are not remembered (a note is rarely repeated), nor more than this many a column. */
const MEMO_TEXT = 256;
const MEMO_CELLS = 20_000;

/** The drawn lines of one row: its cells' pieces side by side, as high as its highest cell. */
function drawRow(pieces: string[][], pens: ColumnPen[], out: string[]): void {
  const n = pieces.length;
  let height = 1;
  for (let i = 0; i < n; i++) if (pieces[i]!.length > height) height = pieces[i]!.length;
  for (let line = 0; line < height; line++) {
    let s = BOX.v;
    for (let i = 0; i < n; i++) s += pieces[i]![line] ?? pens[i]!.blank;
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
  const texts = new Array<string>(input.rows.length * n);
  let paints: Array<((s: string) => string) | undefined> | undefined;
  let k = 0;
  for (const row of input.rows) {
    for (let i = 0; i < n; i++, k++) {
      const cell = row[i]!;
      texts[k] = cell.text;
      if (cell.paint) (paints ??= new Array(texts.length))[k] = cell.paint;
    }
  }
  yield* drawGridChunks({ headers: input.headers, texts, rowCount: input.rows.length, paints, caps: input.caps, width: input.width, paintHeader: input.paintHeader });
}

/** A table given as its cells' texts row by row (`headers.length` a row), with optional paints at the same places. */
export interface GridInput {
  headers: string[];
  texts: string[];
  /** How many rows (needed only when there are no columns). */
  rowCount?: number;
  paints?: Array<((s: string) => string) | undefined>;
  caps?: Array<number | undefined>;
  width: number;
  paintHeader?: (s: string) => string;
}

/** drawTableChunks without a cell object per cell: a 200,000-row listing holds only its texts. */
export function* drawGridChunks(input: GridInput): Generator<string> {
  const { headers, texts, paints } = input;
  const n = headers.length;
  const rowCount = input.rowCount ?? (n === 0 ? 0 : texts.length / n);
  const natural = headers.map((h) => textWidth(h));
  const floors = headers.map((h) => longestWord(h));
  // One pass to measure: each cell's width is kept for the drawing pass.
  const measured = new Int32Array(texts.length);
  for (let k = 0, i = 0; k < texts.length; k++) {
    const text = texts[k]!;
    const w = textWidth(text);
    measured[k] = w;
    if (w > natural[i]!) natural[i] = w;
    if (w > floors[i]!) {
      const f = longestWord(text);
      if (f > floors[i]!) floors[i] = f;
    }
    if (++i === n) i = 0;
  }
  const capped = natural.map((w, i) => Math.max(1, Math.min(w, input.caps?.[i] ?? w)));
  const widths = fitWidths(capped, input.width - (3 * n + 1), floors);
  const pens = widths.map((w) => new ColumnPen(w));
  let out: string[] = [rule(widths, BOX.tl, BOX.tm, BOX.tr)];
  // The header is painted as a whole and never remembered.
  drawRow(
    headers.map((h, i) => (h === '' ? [pens[i]!.blank] : wrapHeader(h, widths[i]!, pens[i]!, input.paintHeader))),
    pens,
    out,
  );
  out.push(rule(widths, BOX.ml, BOX.mm, BOX.mr));
  const pieces = new Array<string[]>(n);
  for (let r = 0, k = 0; r < rowCount; r++) {
    for (let i = 0; i < n; i++, k++) pieces[i] = pens[i]!.cell(texts[k]!, measured[k]!, paints?.[k]);
    drawRow(pieces, pens, out);
    if (out.length >= CHUNK_LINES) {
      yield `${out.join('\n')}\n`;
      out = [];
    }
  }
  out.push(rule(widths, BOX.bl, BOX.bm, BOX.br));
  yield `${out.join('\n')}\n`;
}

function wrapHeader(h: string, width: number, pen: ColumnPen, paint: ((s: string) => string) | undefined): string[] {
  const hw = textWidth(h);
  const lines = hw <= width && !h.includes('\n') ? [h] : wrapText(h, width);
  return lines.map((line) => {
    if (line === '') return pen.blank;
    const lw = textWidth(line);
    const padded = lw >= width ? line : line + spaces(width - lw);
    return ` ${paint ? paint(padded) : padded} ${BOX.v}`;
  });
}
