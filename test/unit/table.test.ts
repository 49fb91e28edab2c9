// Terminal tables: display widths, wrapping that never cuts a character, widths that fit.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitWidths, reclaimWidths } from '../../src/render/column-widths.js';
import { drawTable } from '../../src/render/table.js';
import { cellFloor, displayWidth, headerWord, longestWord, wrapText } from '../../src/render/width.js';

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['王秀英', 6],
    ['王家 1组', 8],
    ['１２３', 6], // full-width digits
    ['e\u0301', 1], // e + combining acute
    ['👍', 2],
    ['👨‍👩‍👧', 2], // a family: one grapheme
    ['🇨🇳', 2],
    ['', 0],
    ['屋顶，漏雨。', 12],
  ])('%j → %i', (s, w) => {
    expect(displayWidth(s)).toBe(w);
    expect(displayWidth(s)).toBe(stringWidth(s));
  });
});

describe('wrapText', () => {
  it.each([
    ['short', 10, ['short']],
    ['the roof leaks badly', 10, ['the roof', 'leaks', 'badly']],
    ['屋顶漏雨担心冬天', 6, ['屋顶漏', '雨担心', '冬天']],
    ['屋顶漏雨担心冬天', 5, ['屋顶', '漏雨', '担心', '冬天']], // never half a character
    ['屋顶漏雨，担心', 8, ['屋顶漏', '雨，担心']], // a comma never starts a line
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['line one\nline two', 20, ['line one', 'line two']],
    ['👍👍👍', 4, ['👍👍', '👍']],
    ['e\u0301e\u0301e\u0301', 2, ['e\u0301e\u0301', 'e\u0301']],
    ['王', 1, ['王']], // wider than the column: a line of its own
    ['添加日期：2026-11-27', 13, ['添加日期：', '2026-11-27']], // a date after Chinese moves whole
    ['修屋顶2026-11-27', 12, ['修屋顶', '2026-11-27']],
    ['日期：2026-11-27，类别', 16, ['日期：', '2026-11-27，类别']], // the comma after a date takes the whole date along
    ['日期：2026-11-27，类别', 17, ['日期：', '2026-11-27，类别']],
    ['修屋顶abc，好', 9, ['修屋顶', 'abc，好']],
    ['abc，好', 3, ['ab', 'c，', '好']], // nothing wide before the word: the last character goes along, as before
    ['电话：13812345678', 10, ['电话：1381', '2345678']], // a word longer than the line breaks where it stands
  ])('%j at %i → %j', (s, w, lines) => {
    expect(wrapText(s, w)).toEqual(lines);
  });

  it('every wrapped line fits and the text is all there', () => {
    const text = '屋顶漏雨，王大妈担心冬天。The roof leaks near the east wall (about 2 m²) 👍 e\u0301. '.repeat(30);
    for (const w of [3, 7, 20, 41]) {
      const lines = wrapText(text, w);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(w);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });
});

describe('fitWidths', () => {
  it.each([
    [[2, 10, 6], 30, undefined, [2, 10, 6]],
    [[2, 10, 40], 30, undefined, [2, 10, 18]], // the widest gives way
    [[2, 10, 40, 40], 40, undefined, [2, 10, 14, 14]],
    [[2, 10, 40], 30, [2, 10, 8], [2, 10, 18]],
    [[5, 5, 5], 4, undefined, [2, 2, 2]], // too narrow for anything: the minimum
  ])('%j into %i → %j', (natural, available, floors, widths) => {
    expect(fitWidths(natural, available, floors)).toEqual(widths);
  });

  it('longestWord: Latin words whole, a Chinese character 2', () => {
    expect(longestWord('2026-11-03')).toBe(10);
    expect(longestWord('王秀英')).toBe(2);
    expect(longestWord('a very-long-word-beyond-the-cap', 16)).toBe(16);
  });

  it('headerWord: a header word whole, a Chinese one too (up to the cap)', () => {
    expect(headerWord('修改内容')).toBe(8);
    expect(headerWord('Undone by')).toBe(6);
    expect(headerWord('联系周期（天）')).toBe(12);
  });
});

describe('drawTable', () => {
  const rows = (n: number, note: string) =>
    Array.from({ length: n }, (_, i) => [{ text: String(i + 1) }, { text: '2026-11-03' }, { text: '王秀英' }, { text: note }]);

  it.each([80, 120])('every line is exactly %i columns when the content is wider', (width) => {
    const out = drawTable({ headers: ['ID', 'Date', 'Person', 'Notes'], rows: rows(3, '屋顶漏雨，担心冬天。The roof leaks. '.repeat(10)), width });
    for (const line of out.split('\n')) expect(stringWidth(line)).toBe(width);
    expect(out).toContain('│ 2026-11-03 │ 王秀英 │');
  });

  it('a Chinese header is not read down its column one character a line while it fits', () => {
    const out = drawTable({ headers: ['修改号', '修改内容', '命令'], rows: [[{ text: '3' }, { text: '电话：∅ → 13812345678；备注：屋顶漏雨担心冬天'.repeat(3) }, { text: 'person edit' }]], width: 36 });
    expect(out.split('\n')[1]).toMatch(/^│ 修改号 │ 修改内容 +│ 命令 +│$/);
  });

  it('a narrow table keeps its natural width', () => {
    const out = drawTable({ headers: ['ID', 'Name'], rows: [[{ text: '1' }, { text: '王' }]], width: 80 });
    expect(out.split('\n')).toEqual(['┌────┬──────┐', '│ ID │ Name │', '├────┼──────┤', '│ 1  │ 王   │', '└────┴──────┘']);
  });

  it('is linear: 200,000 rows and a 100,000-character cell in well under the time cli-table3 took', () => {
    const start = Date.now();
    const out = drawTable({ headers: ['ID', 'Date', 'Person', 'Notes'], rows: rows(200_000, '走访记录'), width: 80 });
    expect(out.split('\n')).toHaveLength(200_004);
    const long = drawTable({ headers: ['Field', 'Value'], rows: [[{ text: 'Notes' }, { text: '屋顶漏雨，担心冬天。roof '.repeat(7_000) }]], width: 80 });
    expect(long.split('\n').length).toBeGreaterThan(1_000);
    expect(Date.now() - start).toBeLessThan(15_000);
  });
});

describe('reclaimWidths', () => {
  const col = (texts: string[]) => ({ texts, measured: texts.map((t) => displayWidth(t)) });
  it('width that saves no line in a column goes to the columns where it does', () => {
    // Timestamps at 13 of 19 wrap in two lines as they would at 10; the notes get the 3.
    const when = ['2026-12-03 19:57:07', '2026-12-03 19:58:00'];
    const notes = ['屋顶漏雨需要修缮，已联系乡里，等回复', '低保'];
    const columns = [col(when), col(notes)];
    expect(reclaimWidths([13, 12], [19, 36], [10, 4], ['时间', '内容'], (i) => columns[i]!)).toEqual([10, 15]);
  });

  it('keeps a width that saves a line, or when no column wants more', () => {
    const long = col(['屋顶漏雨需要修缮，已联系乡里，等回复']);
    // Narrower, the note would take more lines: it keeps its 13 and takes what the time gives.
    expect(reclaimWidths([13, 12], [36, 19], [4, 10], ['内容', '时间'], (i) => [long, col(['2026-12-03 19:57:07'])][i]!)).toEqual([15, 10]);
    const when = col(['2026-12-03 19:57:07']);
    expect(reclaimWidths([13, 5], [19, 5], [10, 2], ['时间', 'ID'], (i) => [when, col(['12345'])][i]!)).toEqual([13, 5]);
  });

  it('never leaves a header on more lines or below a word', () => {
    const cmd = col(['person add', 'config set']);
    // "Command" (7) fits at 8 and would wrap at 6: the column keeps 7.
    expect(reclaimWidths([8, 10], [10, 30], [6, 4], ['Command', 'What'], (i) => [cmd, col(['x'.repeat(30)])][i]!)).toEqual([7, 11]);
    expect(reclaimWidths([8, 10], [10, 30], [6, 4], ['Cmd', 'What'], (i) => [cmd, col(['x'.repeat(30)])][i]!)).toEqual([6, 12]);
  });
});

describe('cellFloor', () => {
  it.each([
    ['王秀英', 6], // a name stays whole
    ['黄家159', 7],
    ['致富能手', 8],
    ['重点信访户', 2], // longer than a name: any character may break
    ['村情民意、群众疾苦', 2],
    ['key petition', 8], // spaces: its longest word
    ['2026-11-27', 10],
  ])('%j → %i', (s, w) => {
    expect(cellFloor(s, displayWidth(s))).toBe(w);
  });
});
