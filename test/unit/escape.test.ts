import { describe, expect, it } from 'vitest';
import { csvCell, mdCell, mdText, stripControls, terminalSafe, tsvCell } from '../../src/render/escape.js';

describe('output escaping', () => {
  it('strips ESC, C0 (but tab/newline), DEL and C1 controls', () => {
    expect(stripControls('a\u001b[31mred\u001b[0m\u0007b\u009bc\u007fd\te\nf')).toBe('a[31mred[0mbcd\te\nf');
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 138', "'+86 138"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\nx"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    // Controls and invisible characters are stripped before the check, not after.
    ['\x01=cmd|/c calc', "'=cmd|/c calc"],
    ['\u0085@SUM(1+1)', "'@SUM(1+1)"],
    ['\u200b\u202e+1', "'+1"],
    ['\ufeff-1', "'-1"],
    ['＝1+1', "'＝1+1"],
  ])('csvCell(%j) = %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['bidi override', 'a\u202eb\u202dc\u202ad\u2066e\u2069f\u200fg', 'abcdefg'],
    ['zero-width', 'a\u200bb\u200cc\u200dd\u2060e\ufefff', 'abcdef'],
    ['line separators', 'a\u2028b\u2029c', 'a b c'],
  ])('strips %s', (_n, input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });

  it('terminalSafe keeps fs\'s own colours and nothing else', () => {
    expect(terminalSafe('\x1b[31mred\x1b[39m \x1b]0;PWNED\x07\x1b[2J\u202ex')).toBe('\x1b[31mred\x1b[39m ]0;PWNED[2Jx');
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![i](http://x)', '!\\[i\\](http://x)'],
    ['a\\[b', 'a\\\\\\[b'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
  ])('Markdown text %j renders as typed: %j', (input, expected) => {
    expect(mdText(input)).toBe(expected);
    expect(mdCell(input)).toBe(expected);
  });

  it('keeps numbers as numbers in CSV', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('keeps a TSV record on one line', () => {
    expect(tsvCell('a\tb\nc\r\nd\u001b')).toBe('a b c d');
  });

  it('escapes pipes and line breaks in Markdown cells', () => {
    expect(mdCell('a|b\nc')).toBe('a\\|b<br>c');
    expect(mdCell('x\u001b[2Jy')).toBe('x\\[2Jy'); // ESC gone; the [ escaped, so it renders as typed
  });
});
