// Terminal tables that fit the terminal: one pass to measure, one to draw, linear in the cells.
// Long cells wrap inside their column; widths are display columns (src/render/width.ts).
import { columnFloor, fitWidths, reclaimWidths } from './column-widths.js';
import { ByteLines } from './table-bytes.js';
import { BOX, spaces, StringLines, type LineWriter, type PieceMaker } from './table-lines.js';
import { cellFloor, headerWord, textWidth, wrapText } from './width.js';

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


function rule(widths: number[], l: string, m: string, r: string): string {
  return l + widths.map((w) => BOX.h.repeat(w + 2)).join(m) + r;
}

/** A line's piece for a column of `width` where its cell has no text. */
function blankText(width: number): string {
  return ` ${spaces(width)} ${BOX.v}`;
}

/**
 * One column as drawn: each line of a cell becomes " text··· │" (padded to the column's width and
 * painted), so that a table line is the left border followed by one piece per column. What a piece
 * is depends on the writer (strings, or for a pipe or a file UTF-8 bytes): the pieces remembered
 * are made once (`encode`), the others for the row being drawn only (`passing`).
 */
class ColumnPen<P> {
  /** The piece of a line where this cell has no text (a blank, never painted). */
  readonly blank: P;
  private readonly blankCell: P[];
  /** Unpainted cells already drawn, by text: dates, names, categories and counts recur down a listing. */
  private readonly memo = new Map<string, P[]>();
  /** Whether remembering pays: a column of ids never repeats, and stops trying after a while. */
  private memoOn = true;
  private looked = 0;
  private hits = 0;

  constructor(
    readonly width: number,
    private readonly out: PieceMaker<P>,
  ) {
    this.blank = out.encode(blankText(width));
    this.blankCell = [this.blank];
  }

  private piece(text: string, textW: number, paint: ((s: string) => string) | undefined): string {
    const padded = textW >= this.width ? text : text + spaces(this.width - textW);
    return ` ${paint && text !== '' ? paint(padded) : padded} ${BOX.v}`;
  }

  /**
   * The pieces of one cell, one a line; those not remembered are valid until the row is drawn
   * (a row is drawn before the next one starts). `measured` is its width from the measuring pass.
   */
  cell(text: string, measured: number, paint: ((s: string) => string) | undefined): readonly P[] {
    if (text === '') return this.blankCell;
    const memoise = this.memoOn && paint === undefined && text.length <= MEMO_TEXT;
    if (memoise) {
      const hit = this.memo.get(text);
      // Decided anew at each cell (the same answer once MEMO_TRIAL are past): code first run
      // after the drawing loop is optimised would throw that code away.
      const trying = ++this.looked < MEMO_TRIAL;
      const repeating = this.hits * 4 >= MEMO_TRIAL;
      this.memoOn = trying || repeating;
      if (hit) {
        this.hits++;
        return hit;
      }
    }
    // One path for remembered and passing cells alike (`keep`): each piece is made for the row,
    // and kept if remembered. A cell of a new kind (the first id once ids are no longer
    // remembered, a long note) then runs no code for the first time after it was optimised.
    const keep = memoise && this.memo.size < MEMO_CELLS;
    let pieces: P[];
    if (measured <= this.width && !text.includes('\n')) pieces = [this.make(text, measured, paint, keep)];
    else {
      pieces = [];
      for (const line of wrapText(text, this.width)) pieces.push(this.make(line, textWidth(line), paint, keep));
    }
    if (keep) this.memo.set(text, pieces);
    return pieces;
  }

  /** One line's piece, for the row being drawn (unpainted, made without building its string), or kept. */
  private make(text: string, textW: number, paint: ((s: string) => string) | undefined, keep: boolean): P {
    const p = paint ? this.out.passing(this.piece(text, textW, paint)) : this.out.passingPadded(text, textW >= this.width ? 0 : this.width - textW);
    return keep ? this.out.keep(p) : p;
  }

  /** The header's pieces: painted as a whole and never remembered. */
  header(h: string, paint: ((s: string) => string) | undefined): P[] {
    const pieces: P[] = [];
    if (h === '') pieces.push(this.blank);
    else {
      const hw = textWidth(h);
      for (const line of hw <= this.width && !h.includes('\n') ? [h] : wrapText(h, this.width)) {
        if (line === '') pieces.push(this.blank);
        else {
          const lw = textWidth(line);
          const padded = lw >= this.width ? line : line + spaces(this.width - lw);
          pieces.push(this.out.encode(` ${paint ? paint(padded) : padded} ${BOX.v}`));
        }
      }
    }
    return pieces;
  }
}

/** Cells longer than this are not remembered (a note is rarely repeated), nor more than this many a column. */
const MEMO_TEXT = 256;
const MEMO_CELLS = 20_000;
/** After this many cells a column remembers on only if at least a quarter of them were repeats. */
const MEMO_TRIAL = 2048;

/** The whole table as one string (for documents and tests); drawTableChunks streams it. */
export function drawTable(input: TableInput): string {
  let s = '';
  for (const chunk of drawTableChunks(input)) s += chunk;
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

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
export function drawGridChunks(input: GridInput): Generator<string> {
  return drawGrid(input, new StringLines());
}

/** drawGridChunks as UTF-8 bytes (the same bytes a string chunk encodes to), for a pipe or a file. */
export function drawGridBytes(input: GridInput): Generator<Buffer> {
  return drawGrid(input, new ByteLines());
}

function* drawGrid<P, C>(input: GridInput, lines: LineWriter<P, C>): Generator<C> {
  const { headers, texts, paints } = input;
  const n = headers.length;
  const rowCount = input.rowCount ?? (n === 0 ? 0 : texts.length / n);
  const natural = headers.map((h) => textWidth(h));
  const floors = headers.map((h) => headerWord(h));
  const measured = measure(texts, n, natural, floors);
  const capped = natural.map((w, i) => Math.max(1, Math.min(w, input.caps?.[i] ?? w)));
  const widths = reclaimWidths(fitWidths(capped, input.width - (3 * n + 1), floors), capped, floors, headers, (i) => columnOf(texts, measured, n, i));
  const pens = widths.map((w) => new ColumnPen<P>(w, lines));
  const blanks = pens.map((p) => p.blank);
  lines.begin(widths.map(blankText));
  // One array holds each row's cells, the header's too: the drawing code sees one kind of array.
  const pieces: Array<readonly P[]> = [];
  for (let i = 0; i < n; i++) pieces.push(pens[i]!.header(headers[i]!, input.paintHeader));
  lines.rule(rule(widths, BOX.tl, BOX.tm, BOX.tr));
  lines.row(pieces, blanks);
  lines.rule(rule(widths, BOX.ml, BOX.mm, BOX.mr));
  const grid: Grid<P, C> = { n, texts, measured, paints, pens, blanks, lines, pieces };
  for (let r = 0; r < rowCount; ) {
    r = drawRows(grid, r, rowCount);
    for (const chunk of lines.ready()) yield chunk;
  }
  lines.rule(rule(widths, BOX.bl, BOX.bm, BOX.br));
  for (const chunk of lines.ready()) yield chunk;
  yield lines.end();
}

/**
 * The columns to draw at `width`: all, or when their words (floors, see fitWidths) and borders
 * do not fit, without the optional ones, the rightmost going first, until they do.
 */
export function columnsToKeep(headers: string[], texts: string[], optional: readonly boolean[], width: number): number[] {
  const n = headers.length;
  const all = headers.map((_, i) => i);
  if (!optional.some(Boolean)) return all;
  const natural = headers.map((h) => textWidth(h));
  const floors = headers.map((h) => headerWord(h));
  measure(texts, n, natural, floors);
  const need = (cols: number[]) => cols.reduce((sum, i) => sum + columnFloor(natural[i]!, floors[i]!) + 3, 1);
  const kept = [...all];
  for (let i = n - 1; i >= 0 && need(kept) > width; i--) if (optional[i]) kept.splice(kept.indexOf(i), 1);
  return kept;
}

/**
 * The measuring pass: each cell's width (kept for the drawing pass), each column's widest cell
 * and longest unbreakable word. The two passes are functions of their own, not loops inside the
 * generator: each is optimised on its own instead of the generator being deoptimised when it
 * goes on from one loop to code it has not run yet.
 */
function measure(texts: string[], n: number, natural: number[], floors: number[]): Int32Array {
  const measured = new Int32Array(texts.length);
  // Each column's widths by text, while it repeats: dates, names, categories and notes recur down
  // a listing, and a text seen before adds nothing to the column's natural width or floor.
  const seen: Array<Map<string, number> | undefined> = [];
  for (let i = 0; i < n; i++) seen.push(new Map());
  for (let k = 0, i = 0; k < texts.length; k++) {
    const text = texts[k]!;
    const memo = seen[i];
    const known = memo?.get(text);
    if (known !== undefined) measured[k] = known;
    else {
      const w = textWidth(text);
      measured[k] = w;
      if (w > natural[i]!) natural[i] = w;
      if (w > floors[i]!) {
        const f = cellFloor(text, w);
        if (f > floors[i]!) floors[i] = f;
      }
      // A column that hardly repeats (ids) stops remembering.
      if (memo && text.length <= MEMO_TEXT) {
        if (memo.size < MEASURE_MEMO) memo.set(text, w);
        else seen[i] = undefined;
      }
    }
    if (++i === n) i = 0;
  }
  return measured;
}

/** Column `i` of a row-major grid of `n` columns, with its measured widths. */
function columnOf(texts: string[], measured: Int32Array, n: number, i: number): { texts: string[]; measured: Int32Array } {
  const rows = n === 0 ? 0 : texts.length / n;
  const t: string[] = new Array(rows);
  const m = new Int32Array(rows);
  for (let r = 0, k = i; r < rows; r++, k += n) {
    t[r] = texts[k]!;
    m[r] = measured[k]!;
  }
  return { texts: t, measured: m };
}

/** How many distinct texts a column's measuring remembers before it stops (ids never repeat). */
const MEASURE_MEMO = 4096;

interface Grid<P, C> {
  n: number;
  texts: string[];
  measured: Int32Array;
  paints: GridInput['paints'];
  pens: ColumnPen<P>[];
  blanks: P[];
  lines: LineWriter<P, C>;
  /** The current row's cells (reused). */
  pieces: Array<readonly P[]>;
}

/** The drawing pass, from row `r` on until a chunk is ready or the rows end: the row to go on from. */
function drawRows<P, C>(g: Grid<P, C>, r: number, rowCount: number): number {
  const { n, texts, measured, paints, pens, blanks, lines, pieces } = g;
  for (let k = r * n; r < rowCount; ) {
    for (let i = 0; i < n; i++, k++) pieces[i] = pens[i]!.cell(texts[k]!, measured[k]!, paints?.[k]);
    lines.row(pieces, blanks);
    r++;
    if (lines.hasReady()) break;
  }
  return r;
}
