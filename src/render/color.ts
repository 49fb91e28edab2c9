// The one place that decides whether output is coloured.
import { Chalk, type ChalkInstance } from 'chalk';

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

let out: ChalkInstance = new Chalk({ level: 0 });
let err: ChalkInstance = new Chalk({ level: 0 });

export function configureColor(stdout: ColorEnv, stderr: ColorEnv): void {
  out = new Chalk({ level: colorLevel(stdout) });
  err = new Chalk({ level: colorLevel(stderr) });
}

/** Colours for stdout. */
export function c(): ChalkInstance {
  return out;
}

/** Colours for stderr messages. */
export function ce(): ChalkInstance {
  return err;
}
