// How a terminal table shares its width among its columns (src/render/table.ts draws them): each
// column's floor, water-filling what is left, and giving back width that saves no line.
import { textWidth, wrapText } from './width.js';

/** The narrowest a column is squeezed to: two columns hold any one character. */
const MIN_COLUMN = 2;

/** The least a column of widest cell `natural` and longest word `floor` is given while the floors fit. */
export function columnFloor(natural: number, floor: number): number {
  return Math.min(natural, Math.max(MIN_COLUMN, floor));
}

/**
 * Column widths to fill `available`: every column first gets its floor (its longest word, so
 * dates and Latin words stay whole when they can), then the space left goes to the columns that
 * want more, the widest giving way first (water-filling). When even the floors do not fit, the
 * natural widths are water-filled directly: short columns (ids, counts) keep theirs.
 */
export function fitWidths(natural: number[], available: number, floors: number[] = natural.map(() => 0)): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural;
  const floor = natural.map((w, i) => columnFloor(w, floors[i]!));
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
    let fit = columnFloor(natural[i]!, floors[i]!);
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
