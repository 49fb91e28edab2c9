// The one place that decides whether output is coloured, and the few colours fs uses.
//
// The escape codes are written here rather than by chalk: chalk's module detects colour support
// when it loads (it requires node:tty, which loads node:net, and node:os), a millisecond or two of
// every start for a decision fs makes itself below. The output is chalk 5's, byte for byte, for
// every string: an inner close code re-opens the outer colour, and a colour is closed before each
// line break and re-opened after it (test/unit/color.test.ts compares both on random strings).

export interface ColorEnv {
  noColorFlag?: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/** --no-color > NO_COLOR > FORCE_COLOR > TERM=dumb > is a terminal. (chalk 5 itself ignores NO_COLOR.) */
export function colorLevel({ noColorFlag, env, isTTY }: ColorEnv): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (env.TERM === 'dumb') return 0;
  return isTTY ? 1 : 0;
}

export type Paint = (s: string) => string;

export interface Colors {
  red: Paint;
  green: Paint;
  yellow: Paint;
  bold: Paint & { yellow: Paint };
}

type Code = readonly [open: string, close: string];

const RED: Code = ['\u001b[31m', '\u001b[39m'];
const GREEN: Code = ['\u001b[32m', '\u001b[39m'];
const YELLOW: Code = ['\u001b[33m', '\u001b[39m'];
const BOLD: Code = ['\u001b[1m', '\u001b[22m'];

/** `codes` outermost first, as chalk's `bold.yellow` is bold around yellow. */
function paint(codes: readonly Code[]): Paint {
  const openAll = codes.map((c) => c[0]).join('');
  const closeAll = codes
    .map((c) => c[1])
    .reverse()
    .join('');
  return (s) => {
    if (!s) return s;
    if (s.includes('\u001b')) for (let i = codes.length - 1; i >= 0; i--) s = s.replaceAll(codes[i]![1], codes[i]![1] + codes[i]![0]);
    if (s.includes('\n')) s = s.replace(/\r?\n/g, (lf) => closeAll + lf + openAll);
    return openAll + s + closeAll;
  };
}

const plain: Paint = (s) => s;
const NONE: Colors = { red: plain, green: plain, yellow: plain, bold: Object.assign((s: string) => s, { yellow: plain }) };
let colored: Colors | undefined;

function colorsFor(level: number): Colors {
  if (level <= 0) return NONE;
  colored ??= { red: paint([RED]), green: paint([GREEN]), yellow: paint([YELLOW]), bold: Object.assign(paint([BOLD]), { yellow: paint([BOLD, YELLOW]) }) };
  return colored;
}

let out: Colors = NONE;
let err: (() => Colors) | Colors = NONE;

/**
 * Standard error's colours are decided when first needed: most runs print nothing there, and
 * asking whether it is a terminal sets up the stream (for a pipe, Node's whole socket layer).
 */
export function configureColor(stdout: ColorEnv, stderr: ColorEnv | (() => ColorEnv)): void {
  out = colorsFor(colorLevel(stdout));
  err = typeof stderr === 'function' ? () => colorsFor(colorLevel(stderr())) : colorsFor(colorLevel(stderr));
}

/** Colours for stdout. */
export function c(): Colors {
  return out;
}

/** Colours for stderr messages. */
export function ce(): Colors {
  if (typeof err === 'function') err = err();
  return err;
}
