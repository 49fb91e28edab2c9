// fs search's pure parts as tables: words, the FTS5 query (user syntax stays text), the rowid's
// date order and ranges, snippets and highlighting.
import { describe, expect, it } from 'vitest';
import { makeRedactor } from '../../src/domain/redact.js';
import {
  dayNumber,
  decodeRowid,
  encodeRowid,
  findMarks,
  ftsQuery,
  ftsString,
  hitViews,
  makeSnippet,
  rowidRange,
  searchWords,
  sourcesOf,
} from '../../src/domain/search.js';
import { UsageError } from '../../src/errors.js';
import { highlightWords } from '../../src/render/search.js';

describe('searchWords', () => {
  it.each<[string, string[]]>([
    ['屋顶', ['屋顶']],
    ['修 路', ['修', '路']],
    ['  修\t路 ', ['修', '路']],
    ['修\u3000路', ['修', '路']],
    ['wifi 网课', ['wifi', '网课']],
    ['路 路', ['路']],
    ['"a b" -c', ['"a', 'b"', '-c']],
  ])('%j → %j', (text, words) => expect(searchWords(text)).toEqual(words));

  it.each(['', '   ', '\u3000', '\n'])('%j is a usage error', (text) => {
    expect(() => searchWords(text)).toThrow(UsageError);
  });
});

describe('ftsQuery: every word a quoted string, short words through the trigrams they begin', () => {
  const terms: Record<string, string[]> = { 路: ['路\n\n', '路灯坏'], 低保: ['低保户'], 无: [], OR: ['or '] };
  const termsOf = (w: string) => terms[w] ?? [];
  it.each<[string[], string | undefined]>([
    [['屋顶漏'], '"屋顶漏"'],
    [['路'], '("路\n\n" OR "路灯坏")'],
    [['低保'], '"低保户"'],
    [['低保', '屋顶漏雨'], '"低保户" AND "屋顶漏雨"'],
    [['无', '屋顶漏雨'], undefined],
    [['NEAR(a b)'], '"NEAR(a b)"'],
    [['a*b'], '"a*b"'],
    [['"quoted"'], '"""quoted"""'],
    [['-not'], '"-not"'],
    [['AND'], '"AND"'],
    [['OR'], '"or "'],
  ])('%j → %j', (words, query) => expect(ftsQuery(words, termsOf)).toBe(query));

  it('doubles quotes inside a string', () => expect(ftsString('a"b')).toBe('"a""b"'));
});

describe('rowids: newest first is rowid order', () => {
  it.each<[string, number, number]>([
    ['1970-01-01', 13, 1],
    ['2026-11-27', 2, 12345],
    ['2099-12-31', 1, 2 ** 28 - 1],
  ])('%s source %i id %i round-trips', (date, source, id) => {
    expect(decodeRowid(encodeRowid(dayNumber(date), source, id))).toEqual({ day: dayNumber(date), source, id });
  });

  it('a later day sorts after any source and id of an earlier day', () => {
    expect(encodeRowid(dayNumber('2026-11-28'), 1, 1)).toBeGreaterThan(encodeRowid(dayNumber('2026-11-27'), 13, 2 ** 28 - 1));
  });

  it('agrees with SQLite: unixepoch(date) / 86400', () => {
    expect(dayNumber('2026-11-27')).toBe(Math.floor(Date.UTC(2026, 10, 27) / 86_400_000));
  });

  it.each<[string | undefined, string | undefined, string, boolean]>([
    ['2026-11-01', '2026-11-30', '2026-11-01', true],
    ['2026-11-01', '2026-11-30', '2026-11-30', true],
    ['2026-11-01', '2026-11-30', '2026-10-31', false],
    ['2026-11-01', '2026-11-30', '2026-12-01', false],
    [undefined, '2026-11-30', '2000-01-01', true],
    ['2026-11-01', undefined, '2030-01-01', true],
  ])('from %s to %s holds %s: %s', (from, to, date, inside) => {
    const { lo, hi } = rowidRange(from, to);
    for (const [source, id] of [[1, 1], [13, 2 ** 28 - 1]] as const) {
      const r = encodeRowid(dayNumber(date), source, id);
      expect(r >= lo && r <= hi).toBe(inside);
    }
  });

  it('undated records (people, day 0) only without a range', () => {
    expect(encodeRowid(0, 1, 5)).toBeGreaterThanOrEqual(rowidRange(undefined, undefined).lo);
    expect(encodeRowid(0, 1, 5)).toBeLessThan(rowidRange(undefined, '2026-11-30').lo);
  });

  it('kinds pick their sources', () => {
    expect(sourcesOf(['dispute'])).toEqual([4, 5]);
    expect(sourcesOf(['plan', 'person'])).toEqual([1, 11, 12, 13]);
    expect(sourcesOf([])).toHaveLength(13);
  });
});

describe('snippets', () => {
  it.each<[string, string[], Array<[number, number]>]>([
    ['屋顶漏雨', ['屋顶'], [[0, 2]]],
    ['Roof leaks, ROOF', ['roof'], [[0, 4], [12, 16]]],
    ['修路修路', ['修', '路'], [[0, 4]]],
    ['abc', ['x'], []],
  ])('marks of %j for %j', (text, words, marks) => expect(findMarks(text, words)).toEqual(marks));

  it('takes the field holding the most words, on one line', () => {
    const s = makeSnippet(
      [
        { field: 'title', text: '修缮' },
        { field: 'notes', text: '村道\n需要修路' },
      ],
      ['修', '路'],
    );
    expect(s).toEqual({ field: 'notes', text: '村道 需要修路', marks: [[5, 7]] });
  });

  it('cuts long text around the first match, never inside a character', () => {
    const text = `${'前'.repeat(100)}屋顶漏雨${'后'.repeat(100)}𠮷`;
    const s = makeSnippet([{ field: 'notes', text }], ['屋顶'], 30);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text).toContain('屋顶漏雨');
    expect(Array.from(s.text)).toHaveLength(32);
    expect(s.text.slice(s.marks[0]![0], s.marks[0]![1])).toBe('屋顶');
  });

  it('a text without the word shows its first non-empty field', () => {
    expect(makeSnippet([{ field: 'a', text: null }, { field: 'b', text: 'B#3 说' }], ['王秀英'])).toMatchObject({ field: 'b', text: 'B#3 说' });
  });

  it('highlights every match in the shown text', () => {
    expect(highlightWords('希望修路，修路', ['修路'], (m) => `[${m}]`)).toBe('希望[修路]，[修路]');
    expect(highlightWords('no match', ['x'], (m) => `[${m}]`)).toBe('no match');
  });
});

describe('hitViews', () => {
  const hit = {
    kind: 'visit' as const,
    ref: { entity: 'visit', id: 7, uid: 'u7' },
    date: '2026-11-20',
    person: { id: 3, name: '王秀英' },
    fields: [{ field: 'notes', text: '王秀英说屋顶漏雨，电话13800000001' }],
  };
  it('plain', () => {
    expect(hitViews([hit], ['屋顶'])).toEqual([{ kind: 'visit', ref: hit.ref, date: '2026-11-20', person: '王秀英', field: 'notes', snippet: '王秀英说屋顶漏雨，电话13800000001' }]);
  });
  it('redacted: the person, names and phone numbers in the text', () => {
    const r = makeRedactor({ salt: 'test', people: [{ id: 3, names: ['王秀英'] }], households: [], otherNames: [], phones: [] }, 'zh');
    const [v] = hitViews([hit], ['屋顶'], r);
    expect(v!.person).toBe(r.person('王秀英', 3));
    expect(v!.person).toMatch(/^王某/);
    expect(v!.snippet).not.toContain('王秀英');
    expect(v!.snippet).not.toContain('13800000001');
    expect(v!.snippet).toContain('屋顶漏雨');
  });
});
