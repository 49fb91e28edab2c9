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
 * painted), so that a table line is the left border followed by one piece per column. A pen makes
 * its pieces as strings or, for a pipe or a file, as their UTF-8 bytes (`encode`): a long listing is
 * then copied together byte by byte instead of joined and encoded again line after line.
 */
class ColumnPen<P> {
  /** The piece of a line where this cell has no text (a blank, never painted). */
  readonly blank: P;
  /** Unpainted cells already drawn, by text: dates, names, categories and counts recur down a listing. */
  private readonly memo = new Map<string, P[]>();

  constructor(
    readonly width: number,
    private readonly encode: (s: string) => P,
  ) {
    this.blank = encode(` ${spaces(width)} ${BOX.v}`);
  }

  private piece(text: string, textW: number, paint: ((s: string) => string) | undefined): P {
    const padded = textW >= this.width ? text : text + spaces(this.width - textW);
    return this.encode(` ${paint && text !== '' ? paint(padded) : padded} ${BOX.v}`);
  }

  /** The pieces of one cell, one a line. `measured` is its width from the measuring pass. */
  cell(text: string, measured: number, paint: ((s: string) => string) | undefined): P[] {
    if (text === '') return [this.blank];
    const memoise = paint === undefined && text.length <= MEMO_TEXT;
    if (memoise) {
      const hit = this.memo.get(text);
      if (hit) return hit;
    }
    let pieces: P[];
    if (measured <= this.width && !text.includes('\n')) pieces = [this.piece(text, measured, paint)];
    else {
      const lines = wrapText(text, this.width);
      pieces = new Array<P>(lines.length);
      for (let l = 0; l < lines.length; l++) pieces[l] = this.piece(lines[l]!, textWidth(lines[l]!), paint);
    }
    if (memoise && this.memo.size < MEMO_CELLS) this.memo.set(text, pieces);
    return pieces;
  }

  /** The header's pieces: painted as a whole and never remembered. */
  header(h: string, paint: ((s: string) => string) | undefined): P[] {
    if (h === '') return [this.blank];
    const hw = textWidth(h);
    const lines = hw <= this.width && !h.includes('\n') ? [h] : wrapText(h, this.width);
    return lines.map((line) => {
      if (line === '') return this.blank;
      const lw = textWidth(line);
      const padded = lw >= this.width ? line : line + spaces(this.width - lw);
      return this.encode(` ${paint ? paint(padded) : padded} ${BOX.v}`);
    });
  }
}

/** Cells longer than this are not remembered (a note is rarely repeated), nor more than this many a column. */
const MEMO_TEXT = 256;
const MEMO_CELLS = 20_000;

/** How the drawn lines are put together: as strings, or as UTF-8 bytes in large buffers. */
interface LineWriter<P, C> {
  encode(s: string): P;
  /** A whole line that is no row (a rule). */
  rule(s: string): void;
  /** The lines of one row: its cells' pieces side by side, as high as its highest cell. */
  row(pieces: P[][], blanks: P[]): void;
  /** Chunks complete so far (taken away). */
  ready(): C[];
  /** The rest, after the last line. */
  end(): C;
}

const LINES_PER_CHUNK = 2048;

/** Lines as strings, joined a few thousand at a time: for documents, tests and terminals. */
class StringLines implements LineWriter<string, string> {
  private out: string[] = [];
  private done: string[] = [];

  encode(s: string): string {
    return s;
  }

  rule(s: string): void {
    this.out.push(s);
  }

  row(pieces: string[][], blanks: string[]): void {
    const n = pieces.length;
    let height = 1;
    for (let i = 0; i < n; i++) if (pieces[i]!.length > height) height = pieces[i]!.length;
    for (let line = 0; line < height; line++) {
      let s = BOX.v;
      for (let i = 0; i < n; i++) s += pieces[i]![line] ?? blanks[i]!;
      this.out.push(s);
    }
    if (this.out.length >= LINES_PER_CHUNK) {
      this.done.push(`${this.out.join('\n')}\n`);
      this.out = [];
    }
  }

  ready(): string[] {
    const d = this.done;
    this.done = [];
    return d;
  }

  end(): string {
    return this.out.length ? `${this.out.join('\n')}\n` : '';
  }
}

const BYTES_PER_CHUNK = 1 << 20;
const BORDER = Buffer.from(BOX.v, 'utf8');
const NEWLINE = 0x0a;

/**
 * Lines as UTF-8 bytes: each piece is encoded once (when its cell is first drawn, and remembered
 * with it) and copied into 1 MB buffers, which are handed out whole and never reused. No string
 * per line, no joining, no encoding of the whole output on its way to the pipe.
 */
class ByteLines implements LineWriter<Buffer, Buffer> {
  private buf = Buffer.allocUnsafe(BYTES_PER_CHUNK);
  private off = 0;
  private done: Buffer[] = [];

  encode(s: string): Buffer {
    return Buffer.from(s, 'utf8');
  }

  /** Room for `len` more bytes: the buffer so far is handed out when they would not fit. */
  private room(len: number): void {
    if (this.off + len <= this.buf.length) return;
    if (this.off > 0) this.done.push(this.buf.subarray(0, this.off));
    this.buf = Buffer.allocUnsafe(Math.max(BYTES_PER_CHUNK, len));
    this.off = 0;
  }

  rule(s: string): void {
    const b = Buffer.from(`${s}\n`, 'utf8');
    this.room(b.length);
    this.buf.set(b, this.off);
    this.off += b.length;
  }

  row(pieces: Buffer[][], blanks: Buffer[]): void {
    const n = pieces.length;
    let height = 1;
    for (let i = 0; i < n; i++) if (pieces[i]!.length > height) height = pieces[i]!.length;
    for (let line = 0; line < height; line++) {
      let len = BORDER.length + 1;
      for (let i = 0; i < n; i++) len += (pieces[i]![line] ?? blanks[i]!).length;
      this.room(len);
      const buf = this.buf;
      let off = this.off;
      for (let j = 0; j < BORDER.length; j++) buf[off++] = BORDER[j]!;
      for (let i = 0; i < n; i++) {
        const p = pieces[i]![line] ?? blanks[i]!;
        const m = p.length;
        // Pieces are short: a loop copies them faster than a call into the runtime would.
        if (m <= 64) for (let j = 0; j < m; j++) buf[off++] = p[j]!;
        else {
          buf.set(p, off);
          off += m;
        }
      }
      buf[off++] = NEWLINE;
      this.off = off;
    }
  }

  ready(): Buffer[] {
    const d = this.done;
    if (d.length) this.done = [];
    return d;
  }

  end(): Buffer {
    return this.buf.subarray(0, this.off);
  }
}

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
  const encode = (s: string) => lines.encode(s);
  const pens = widths.map((w) => new ColumnPen<P>(w, encode));
  const blanks = pens.map((p) => p.blank);
  lines.rule(rule(widths, BOX.tl, BOX.tm, BOX.tr));
  lines.row(
    headers.map((h, i) => pens[i]!.header(h, input.paintHeader)),
    blanks,
  );
  lines.rule(rule(widths, BOX.ml, BOX.mm, BOX.mr));
  const pieces = new Array<P[]>(n);
  for (let r = 0, k = 0; r < rowCount; r++) {
    for (let i = 0; i < n; i++, k++) pieces[i] = pens[i]!.cell(texts[k]!, measured[k]!, paints?.[k]);
    lines.row(pieces, blanks);
    for (const chunk of lines.ready()) yield chunk;
  }
  lines.rule(rule(widths, BOX.bl, BOX.bm, BOX.br));
  for (const chunk of lines.ready()) yield chunk;
  yield lines.end();
}
