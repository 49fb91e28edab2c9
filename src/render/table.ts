// Terminal tables that fit the terminal: one pass to measure, one to draw, linear in the cells.
// Long cells wrap inside their column; widths are display columns (src/render/width.ts).
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

/** How many wrapped texts of one column the reclaiming pass checks before it leaves the column as it is. */
const RECLAIM_CHECKS = 4096;

/**
 * Width that saves no line goes to the columns where it does. fitWidths shares the space out
 * by width alone: a column of timestamps or of two-word commands given 13 of the 19 columns it
 * wants still wraps every cell into two lines, as it would at 10, while the notes beside it wrap
 * into twice as many lines for the lack of those 3. So each column narrower than its widest
 * cell gives back what lies between its widest cell that fits and its width, when no cell
 * (header included) takes more lines for it; the columns that still want more share what was
 * given back. `column(i)` gives a column's texts with their measured widths.
 */
export function reclaimWidths(
  widths: number[],
  natural: readonly number[],
  floors: readonly number[],
  headers: readonly string[],
  column: (i: number) => { texts: ArrayLike<string>; measured: ArrayLike<number> },
): number[] {
  const out = [...widths];
  const donors = new Set<number>();
  let given = 0;
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]!;
    if (w >= natural[i]!) continue;
    const { texts, measured } = column(i);
    let fit = Math.min(natural[i]!, Math.max(MIN_COLUMN, floors[i]!));
    const header = textWidth(headers[i]!);
    if (header <= w) fit = Math.max(fit, header);
    for (let k = 0; k < measured.length; k++) if (measured[k]! <= w && measured[k]! > fit) fit = measured[k]!;
    if (fit >= w) continue;
    if (sameLines(headers[i]!, header, w, fit, texts, measured)) {
      out[i] = fit;
      given += w - fit;
      donors.add(i);
    }
  }
  if (given === 0) return widths;
  const wanting = out.map((w, i) => (donors.has(i) ? 0 : Math.max(0, natural[i]! - w)));
  if (!wanting.some((d) => d > 0)) return widths;
  const extra = waterFill(wanting, given, 0);
  return out.map((w, i) => w + extra[i]!);
}

/** Whether every text wider than `from` wraps into as many lines at `to` (a narrower width). */
function sameLines(header: string, headerWidth: number, from: number, to: number, texts: ArrayLike<string>, measured: ArrayLike<number>): boolean {
  const lines = (t: string, w: number) => wrapText(t, w).length;
  if (headerWidth > from && lines(header, to) !== lines(header, from)) return false;
  const checked = new Set<string>();
  for (let k = 0; k < measured.length; k++) {
    if (measured[k]! <= from) continue;
    const t = texts[k]!;
    if (checked.has(t)) continue;
    if (checked.size >= RECLAIM_CHECKS || lines(t, to) !== lines(t, from)) return false;
    checked.add(t);
  }
  return true;
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

/** How a writer makes pieces: to keep (remembered cells, blanks, headers), or for the row being drawn. */
interface PieceMaker<P> {
  encode(s: string): P;
  passing(s: string): P;
  /** A passing piece made to keep. */
  keep(p: P): P;
  /** passing(` ${text}${spaces(pad)} │`), without making that string. */
  passingPadded(text: string, pad: number): P;
}

/** How the drawn lines are put together: as strings, or as UTF-8 bytes in large buffers. */
interface LineWriter<P, C> extends PieceMaker<P> {
  /** Before any line: each column's blank piece, as text. */
  begin(blanks: string[]): void;
  /** A whole line that is no row (a rule). */
  rule(s: string): void;
  /** The lines of one row: its cells' pieces side by side, as high as its highest cell. */
  row(pieces: ReadonlyArray<readonly P[]>, blanks: P[]): void;
  /** Chunks complete so far (taken away). */
  ready(): C[];
  /** Whether a chunk is complete. */
  hasReady(): boolean;
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

  passing(s: string): string {
    return s;
  }

  keep(p: string): string {
    return p;
  }

  passingPadded(text: string, pad: number): string {
    return ` ${text}${spaces(pad)} ${BOX.v}`;
  }

  begin(): void {}

  rule(s: string): void {
    this.out.push(s);
  }

  row(pieces: ReadonlyArray<readonly string[]>, blanks: string[]): void {
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

  hasReady(): boolean {
    return this.done.length > 0;
  }

  end(): string {
    return this.out.length ? `${this.out.join('\n')}\n` : '';
  }
}

/**
 * A piece as UTF-8: `length` bytes of `bytes` from `start` (`whole` when they are all of it).
 * Every piece has this one shape, remembered or passing, so the drawing code sees one kind.
 * Passing pieces are views into the scratch buffer, themselves reused row after row.
 */
class Bytes {
  constructor(
    public bytes: Uint8Array,
    /** The same bytes, read four at a time. */
    public view: DataView,
    public start: number,
    public length: number,
    readonly whole: boolean,
  ) {}

  static of(s: string): Bytes {
    const b = Buffer.from(s, 'utf8');
    return new Bytes(b, viewOf(b), 0, b.length, true);
  }
}

function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

const BYTES_PER_CHUNK = 1 << 20;
/**
 * The first chunk is small: the output starts at once, and the code that hands a chunk out has
 * run before the drawing code is optimised (run for the first time afterwards, it would throw
 * the optimised code away).
 */
const FIRST_CHUNK = 1 << 11;

/**
 * `p` copied into `buf` (`dst` viewing the same bytes) at `off`; the offset after it. A short piece
 * is copied four bytes at a time: faster than a call to set(), which pays for itself from ~28 bytes.
 */
function put(buf: Uint8Array, dst: DataView, off: number, p: Bytes): number {
  const m = p.length;
  if (m >= 28 && p.whole) buf.set(p.bytes, off);
  else {
    const src = p.view;
    const from = p.start;
    let j = 0;
    for (; j + 4 <= m; j += 4) dst.setUint32(off + j, src.getUint32(from + j, true), true);
    for (; j < m; j++) dst.setUint8(off + j, src.getUint8(from + j));
  }
  return off + m;
}

/**
 * `s` written into `buf` at `off` as UTF-8, as Buffer.from would (a lone surrogate as U+FFFD); the
 * offset after it. A short piece is encoded here, a long one by Buffer's own writer: a call into
 * the runtime costs more than encoding a dozen characters.
 */
export function putText(buf: Buffer, off: number, s: string): number {
  const n = s.length;
  if (n > 64) return off + buf.write(s, off);
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) buf[off++] = c;
    else if (c < 0x800) {
      buf[off++] = 0xc0 | (c >> 6);
      buf[off++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[off++] = 0xf0 | (c >> 18);
          buf[off++] = 0x80 | ((c >> 12) & 0x3f);
          buf[off++] = 0x80 | ((c >> 6) & 0x3f);
          buf[off++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      buf[off++] = 0xe0 | (c >> 12);
      buf[off++] = 0x80 | ((c >> 6) & 0x3f);
      buf[off++] = 0x80 | (c & 0x3f);
    }
  }
  return off;
}

const SCRATCH_BYTES = 1 << 16;
/** "│" in UTF-8. */
const BAR = Buffer.from(BOX.v, 'utf8');
const NO_CHUNKS: Buffer[] = [];

/**
 * Lines as UTF-8 bytes in 1 MB buffers, handed out whole and never reused: remembered pieces are
 * encoded once and copied in, passing ones are encoded into a scratch buffer reused row after row.
 * No string per line, no joining, no encoding of the whole output on its way to the pipe.
 */
class ByteLines implements LineWriter<Bytes, Buffer> {
  private buf = Buffer.allocUnsafe(FIRST_CHUNK);
  private view = viewOf(this.buf);
  private off = 0;
  private done: Buffer[] = [];
  private doneCount = 0;
  private scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  private scratchView = viewOf(this.scratch);
  private scratchOff = 0;
  /** The passing pieces, reused: the ones of a row are drawn before the next row's are made. */
  private passingPieces: Bytes[] = [new Bytes(this.scratch, this.scratchView, 0, 0, false)];
  private passingUsed = 0;
  /**
   * The blanks before a column (with the left border) and after one (with the newline), each run
   * as one piece: the continuation lines of a tall cell (a wrapped note) are blank but for it.
   */
  private heads: Bytes[] = [];
  private tails: Bytes[] = [];

  encode(s: string): Bytes {
    return Bytes.of(s);
  }

  keep(p: Bytes): Bytes {
    const b = Buffer.allocUnsafe(p.length);
    b.set(p.bytes.subarray(p.start, p.start + p.length));
    return new Bytes(b, viewOf(b), 0, b.length, true);
  }

  /** A piece for this row only, in the scratch buffer (a fresh one when it is full: pieces made already keep the old). */
  passing(s: string): Bytes {
    // At most 3 bytes a UTF-16 code unit (a lone surrogate too, as U+FFFD).
    if (this.scratchOff + 3 * s.length > this.scratch.length) {
      this.scratch = Buffer.allocUnsafe(Math.max(SCRATCH_BYTES, 3 * s.length));
      this.scratchView = viewOf(this.scratch);
      this.scratchOff = 0;
    }
    const start = this.scratchOff;
    this.scratchOff = putText(this.scratch, start, s);
    return this.passingPiece(start, this.scratchOff);
  }

  /** The scratch buffer's bytes from `start` to `end` as a passing piece. */
  private passingPiece(start: number, end: number): Bytes {
    let p: Bytes;
    if (this.passingUsed === this.passingPieces.length) this.passingPieces.push((p = new Bytes(this.scratch, this.scratchView, start, end - start, false)));
    else {
      p = this.passingPieces[this.passingUsed]!;
      p.bytes = this.scratch;
      p.view = this.scratchView;
      p.start = start;
      p.length = end - start;
    }
    this.passingUsed++;
    return p;
  }

  passingPadded(text: string, pad: number): Bytes {
    // " ", the text (at most 3 bytes a code unit), the padding, " " and "│" (3 bytes).
    if (this.scratchOff + 3 * text.length + pad + 5 > this.scratch.length) {
      this.scratch = Buffer.allocUnsafe(Math.max(SCRATCH_BYTES, 3 * text.length + pad + 5));
      this.scratchView = viewOf(this.scratch);
      this.scratchOff = 0;
    }
    const b = this.scratch;
    const start = this.scratchOff;
    b[start] = 0x20;
    let off = putText(b, start + 1, text);
    for (let i = 0; i < pad; i++) b[off++] = 0x20;
    b[off++] = 0x20;
    b[off++] = BAR[0]!;
    b[off++] = BAR[1]!;
    b[off++] = BAR[2]!;
    this.scratchOff = off;
    return this.passingPiece(start, off);
  }

  /** Room for `len` more bytes: the buffer so far is handed out when they would not fit. */
  private room(len: number): void {
    if (this.off + len <= this.buf.length) return;
    if (this.off > 0) {
      this.done.push(this.buf.subarray(0, this.off));
      this.doneCount++;
    }
    this.buf = Buffer.allocUnsafe(Math.max(BYTES_PER_CHUNK, len));
    this.view = viewOf(this.buf);
    this.off = 0;
  }

  rule(s: string): void {
    const b = Buffer.from(`${s}\n`, 'utf8');
    this.room(b.length);
    this.buf.set(b, this.off);
    this.off += b.length;
  }

  begin(blanks: string[]): void {
    for (let i = 0; i <= blanks.length; i++) {
      this.heads.push(Bytes.of(BOX.v + blanks.slice(0, i).join('')));
      this.tails.push(Bytes.of(`${blanks.slice(i).join('')}\n`));
    }
  }

  row(pieces: ReadonlyArray<readonly Bytes[]>, blanks: Bytes[]): void {
    const n = pieces.length;
    // The most the row can take, for one check of room: its pieces, and on each line a border,
    // every blank and a newline (the first head and the first tail).
    let height = 1;
    let size = 0;
    for (let i = 0; i < n; i++) {
      const cell = pieces[i]!;
      if (cell.length > height) height = cell.length;
      for (let l = 0; l < cell.length; l++) size += cell[l]!.length;
    }
    this.room(size + height * (this.heads[0]!.length + this.tails[0]!.length));
    const buf = this.buf;
    const view = this.view;
    let off = this.off;
    // The columns with text on a line run from `first` to `last` (blank runs either side); lower
    // down a row they only draw closer together.
    let first = 0;
    let last = n - 1;
    for (let line = 0; line < height; line++) {
      while (first < last && pieces[first]!.length <= line) first++;
      while (last > first && pieces[last]!.length <= line) last--;
      off = put(buf, view, off, this.heads[first]!);
      for (let i = first; i <= last; i++) off = put(buf, view, off, pieces[i]![line] ?? blanks[i]!);
      off = put(buf, view, off, this.tails[last + 1]!);
    }
    this.off = off;
    // The row's passing pieces are drawn: the scratch buffer and the pieces are free again.
    this.scratchOff = 0;
    this.passingUsed = 0;
  }

  ready(): Buffer[] {
    if (this.doneCount === 0) return NO_CHUNKS;
    const d = this.done.slice();
    this.done.length = 0;
    this.doneCount = 0;
    return d;
  }

  hasReady(): boolean {
    return this.doneCount > 0;
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
  const need = (cols: number[]) => cols.reduce((sum, i) => sum + Math.min(natural[i]!, Math.max(MIN_COLUMN, floors[i]!)) + 3, 1);
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
