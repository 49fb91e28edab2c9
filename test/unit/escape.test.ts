import { describe, expect, it } from 'vitest';
import { csvCell, mdCell, stripControls, tsvCell } from '../../src/render/escape.js';

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
  ])('csvCell(%j) = %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
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
    expect(mdCell('x\u001b[2Jy')).toBe('x[2Jy');
  });
});
