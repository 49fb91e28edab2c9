// A terminal table's lines as UTF-8 bytes written straight into large buffers, for a pipe or a
// file (src/render/table-lines.ts has the string writer and the interface both implement).
import { BOX, type LineWriter } from './table-lines.js';

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
export class ByteLines implements LineWriter<Bytes, Buffer> {
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
