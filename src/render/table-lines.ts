// How a terminal table's drawn lines are put together (src/render/table.ts draws them): as
// strings, or as UTF-8 bytes written straight into large buffers for a pipe or a file.

export const BOX = { h: '─', v: '│', tl: '┌', tm: '┬', tr: '┐', ml: '├', mm: '┼', mr: '┤', bl: '└', bm: '┴', br: '┘' };

/** Runs of spaces by length, made once: padding a cell allocates nothing. */
const SPACES: string[] = [''];
export function spaces(n: number): string {
  while (SPACES.length <= n) SPACES.push(`${SPACES[SPACES.length - 1]} `);
  return SPACES[n]!;
}

/** How a writer makes pieces: to keep (remembered cells, blanks, headers), or for the row being drawn. */
export interface PieceMaker<P> {
  encode(s: string): P;
  passing(s: string): P;
  /** A passing piece made to keep. */
  keep(p: P): P;
  /** passing(` ${text}${spaces(pad)} │`), without making that string. */
  passingPadded(text: string, pad: number): P;
}

/** How the drawn lines are put together: as strings, or as UTF-8 bytes in large buffers. */
export interface LineWriter<P, C> extends PieceMaker<P> {
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
export class StringLines implements LineWriter<string, string> {
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
