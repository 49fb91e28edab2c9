// fs writes its colours itself (src/render/color.ts) instead of loading chalk at every start: the
// bytes must stay chalk 5's, for any string (nested colours, line breaks, empty text) and level.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { c, ce, configureColor } from '../../src/render/color.js';

const pieces = fc.constantFrom('a', '中', ' ', '\n', '\r\n', '\r', '\u001b', '\u001b[31m', '\u001b[39m', '\u001b[33m', '\u001b[1m', '\u001b[22m', '\u001b[0m', '$&', '$1', '');
const text = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
const names = ['red', 'green', 'yellow', 'bold', 'bold.yellow'] as const;

function ours(name: (typeof names)[number]): (s: string) => string {
  return name === 'bold.yellow' ? c().bold.yellow : c()[name];
}

describe('colours', () => {
  for (const level of [0, 1, 2, 3] as const) {
    it(`are chalk's at level ${level}`, () => {
      const chalk = new Chalk({ level });
      const env = level === 0 ? { NO_COLOR: '1' } : { FORCE_COLOR: String(level) };
      configureColor({ env, isTTY: false }, { env, isTTY: false });
      for (const name of names) {
        const theirs = name === 'bold.yellow' ? chalk.bold.yellow : chalk[name];
        fc.assert(fc.property(text, (s) => ours(name)(s) === theirs(s)), { numRuns: 400 });
        // A painted string painted again, as a cell inside a coloured line would be.
        expect(c().red(`x ${ours(name)('y\nz')} w`)).toBe(chalk.red(`x ${theirs('y\nz')} w`));
      }
    });
  }

  it("decides standard error's colours only when they are first used", () => {
    let asked = 0;
    configureColor({ env: {}, isTTY: false }, () => {
      asked++;
      return { env: { FORCE_COLOR: '1' }, isTTY: false };
    });
    expect(asked).toBe(0);
    expect(ce().red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(ce().red('y')).toBe('\u001b[31my\u001b[39m');
    expect(asked).toBe(1);
    expect(c().red('x')).toBe('x');
  });
});
