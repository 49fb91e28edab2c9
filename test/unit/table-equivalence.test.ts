// The optimised terminal tables draw exactly what the renderer drew before (issue 12's speed-ups
// must not change a byte): random tables of Chinese, Latin, emoji, combining marks, East Asian
// ambiguous characters, controls, very long words and empty cells, at 40, 80 and 120 columns
// (and a few narrower ones), compared against the old code kept in reference/table-1c468a6.ts.
import { Chalk } from 'chalk';
import { afterAll, describe, expect, it } from 'vitest';
import { VISIT_CATEGORIES, VISIT_TOPICS, type Visit } from '../../src/domain/visits.js';
import { setLang, t } from '../../src/i18n/index.js';
import { configureColor } from '../../src/render/color.js';
import { renderTable, renderTableBytes, type Listing } from '../../src/render/output.js';
import { visitListing as visitListingNow } from '../../src/render/visits.js';
import { drawGridBytes, drawTable, drawTableChunks, type TableCell } from '../../src/render/table.js';
import { putText } from '../../src/render/table-bytes.js';
import { displayWidth, longestWord, textWidth, wrapText } from '../../src/render/width.js';
import * as ref from './reference/table-1c468a6.js';
import { rng } from '../helpers/rng.js';

const PIECES = [
  // Chinese, with the punctuation that never starts a line
  '屋顶漏雨', '，', '。', '王大妈担心冬天', '希望雪前修好', '低保申请材料已收齐', '、', '；', '（东墙）', '《通知》', '「村规」', '…', '：', '？', '！',
  // Latin words, long words, URLs, punctuation stuck to words
  'the', 'roof', 'leaks', 'near', 'east', 'wall.', '(about', '2', 'm²).', 'supercalifragilisticexpialidocious', 'https://example.com/a/very/long/path?x=1', 'a,b,c', 'end.',
  // spaces of several kinds
  ' ', ' ', ' ', '  ', '   ', '\u00a0', '\u3000', '\u2002',
  // emoji: plain, ZWJ family, flag, keycap, skin tone, VS16 and text presentation
  '👍', '👨‍👩‍👧', '🇨🇳', '1️⃣', '👍🏽', '❤️', '☺', '✈', '🏠',
  // combining marks and complex scripts
  'e\u0301', 'a\u0308\u0304', 'Ñ', 'n\u0303', 'ก้', 'क्षि', '\u0301', 'x\u20dd', 'é', 'Å',
  // East Asian ambiguous, full-width and other wide forms
  '①', '±', '§', 'α', 'Ω', '—', '·', '“quoted”', '°', '※', 'ＡＢＣ１２３', '￥', '한국어', 'カタカナ', 'ひらがな', '𠀀', '龘',
  // Greek, Cyrillic, Latin-1
  'Ελληνικά', 'Русский', 'Ærø', 'ß',
  // controls and invisible characters (renderers clean these before drawing, but the drawing must not care)
  '\u001b[31m', '\u0007', '\u200b', '\u202e', '\u200d', '\ufe0f', '\u00ad', '\r', '\u0085', '\ud800', '\udc00', '\u2028',
  // digits and dates
  '2026-11-27', '195412', '0', '12',
];

function cellText(rand: () => number): string {
  const r = rand();
  if (r < 0.12) return '';
  const n = r < 0.5 ? 1 + Math.floor(rand() * 3) : r < 0.97 ? 3 + Math.floor(rand() * 12) : 30 + Math.floor(rand() * 60);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += PIECES[Math.floor(rand() * PIECES.length)];
    if (rand() < 0.04) s += '\n';
    if (rand() < 0.03) s += '\t';
  }
  return s;
}

/** Plain text only (ASCII and common CJK): the fast paths. */
function plainCell(rand: () => number): string {
  const words = ['屋顶漏雨，', '王大妈', 'roof', 'leaks', 'a', 'verylongwordwithoutanyspaces', ' ', '  ', '2026-11-27', '。', '低保', '(x)', ''];
  const n = Math.floor(rand() * 12);
  let s = '';
  for (let i = 0; i < n; i++) s += words[Math.floor(rand() * words.length)];
  return s;
}

const paints = [undefined, (s: string) => `<${s}>`, (s: string) => `\u001b[31m${s}\u001b[39m`];

function randomTable(seed: number, width: number) {
  const rand = rng(seed);
  const cols = 1 + Math.floor(rand() * 10);
  const plain = rand() < 0.3;
  const headers = Array.from({ length: cols }, () => (rand() < 0.5 ? (plain ? plainCell(rand) : cellText(rand)) : ['ID', '日期', 'Notes', 'Household', '走访对象', ''][Math.floor(rand() * 6)]!));
  const caps = Array.from({ length: cols }, () => (rand() < 0.3 ? 1 + Math.floor(rand() * 40) : undefined));
  const nRows = Math.floor(rand() * 12);
  const rows: TableCell[][] = Array.from({ length: nRows }, () =>
    Array.from({ length: cols }, () => {
      const text = plain ? plainCell(rand) : cellText(rand);
      const paint = rand() < 0.15 ? paints[1 + Math.floor(rand() * 2)] : undefined;
      return paint ? { text, paint } : { text };
    }),
  );
  const paintHeader = rand() < 0.5 ? (s: string) => `*${s}*` : undefined;
  return { headers, rows, caps, width, paintHeader };
}

/** A table as the flat grid drawGridBytes takes. */
function asGrid(input: { headers: string[]; rows: TableCell[][]; caps?: Array<number | undefined>; width: number; paintHeader?: (s: string) => string }) {
  const texts = input.rows.flatMap((row) => row.map((cell) => cell.text));
  const paints = input.rows.flatMap((row) => row.map((cell) => cell.paint));
  return { headers: input.headers, texts, rowCount: input.rows.length, paints, caps: input.caps, width: input.width, paintHeader: input.paintHeader };
}

const WIDTHS = [40, 80, 120, 1, 8, 20, 33, 200];

describe('the table renderer draws what the old one drew', () => {
  it.each(WIDTHS)('random tables at %i columns', (width) => {
    for (let seed = 1; seed <= 60; seed++) {
      const input = randomTable(seed * 7919 + width, width);
      const want = ref.drawTable(input);
      const got = drawTable(input);
      if (got !== want) expect({ seed, width, got: got.split('\n') }).toEqual({ seed, width, got: want.split('\n') });
      // Streamed in chunks, the same bytes.
      expect([...drawTableChunks(input)].join('')).toBe(`${want}\n`);
      // Drawn as UTF-8 bytes (for pipes and files), the bytes the string encodes to.
      expect(Buffer.concat([...drawGridBytes(asGrid(input))]).equals(Buffer.from(`${want}\n`, 'utf8')), `bytes, seed ${seed}`).toBe(true);
    }
  });

  it('width and wrapping helpers agree with the old ones on every piece and random text', () => {
    const rand = rng(42);
    const texts = [...PIECES, ...Array.from({ length: 800 }, () => cellText(rand)), ...Array.from({ length: 300 }, () => plainCell(rand))];
    for (const s of texts) {
      expect(textWidth(s), JSON.stringify(s)).toBe(ref.textWidth(s));
      expect(longestWord(s), JSON.stringify(s)).toBe(ref.longestWord(s));
      if (!s.includes('\n')) expect(displayWidth(s), JSON.stringify(s)).toBe(ref.displayWidth(s));
      for (const w of [1, 2, 3, 5, 8, 13, 40]) expect(wrapText(s, w), `${JSON.stringify(s)} at ${w}`).toEqual(ref.wrapText(s, w));
    }
  });

  it('pieces written as UTF-8 by hand are the bytes Buffer.from makes', () => {
    const rand = rng(5);
    const texts = [...PIECES, '\ud800', '\udc00', '\ud800a', 'a\udc00', '\ud800\ud800\udc00', '\udbff\udfff', '\u07ff\u0800\uffff', `${'x'.repeat(70)}\ud800`, '中'.repeat(65)];
    // Random code units, lone and paired surrogates among them.
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      for (let i = Math.floor(rand() * 24); i > 0; i--) {
        const x = rand();
        s += String.fromCharCode(x < 0.3 ? Math.floor(rand() * 0x80) : x < 0.5 ? 0xd800 + Math.floor(rand() * 0x800) : Math.floor(rand() * 0x10000));
      }
      texts.push(s);
    }
    const buf = Buffer.alloc(4096);
    for (const s of texts) {
      const end = putText(buf, 7, s);
      if (!buf.subarray(7, end).equals(Buffer.from(s, 'utf8'))) expect(JSON.stringify(s)).toBe('written as Buffer.from writes it');
    }
  });

  it('a very long note (100,000 characters) wraps the same', () => {
    const sentence = '屋顶漏雨，王大妈担心冬天，希望雪前修好。The roof leaks near the east wall (about 2 m²). ';
    const note = sentence.repeat(Math.ceil(100_000 / sentence.length)).slice(0, 100_000);
    for (const w of [5, 40, 66]) expect(wrapText(note, w)).toEqual(ref.wrapText(note, w));
    const input = { headers: ['Field', 'Value'], rows: [[{ text: 'Notes' }, { text: note }], [{ text: 'UID' }, { text: '0198f7a2-0000-7000-8000-000000000000' }]], width: 80 };
    const want = ref.drawTable(input);
    expect(drawTable(input)).toBe(want);
    expect(Buffer.concat([...drawGridBytes(asGrid(input))]).equals(Buffer.from(`${want}\n`, 'utf8'))).toBe(true);
  });

  it('columns whose cells never repeat (no longer remembered) draw the same bytes', () => {
    const rand = rng(77);
    // Past the trial a column of unique cells stops remembering: its pieces are made for each row.
    const rows: TableCell[][] = Array.from({ length: 3000 }, (_, i) => [
      { text: `${i} ${cellText(rand)}` },
      { text: `${plainCell(rand)}${i}` },
      i % 7 === 0 ? { text: `${i}${cellText(rand)}`, paint: paints[1] } : { text: cellText(rand) },
    ]);
    for (const width of [24, 80]) {
      const input = { headers: ['A', '备注', 'C'], rows, width };
      const want = ref.drawTable(input);
      expect(Buffer.concat([...drawGridBytes(asGrid(input))]).equals(Buffer.from(`${want}\n`, 'utf8')), `width ${width}`).toBe(true);
    }
  });
});

describe('visit listings draw what they drew', () => {
  afterAll(() => {
    setLang('en');
    configureColor({ env: {}, isTTY: false }, { env: {}, isTTY: false });
  });

  function visits(seed: number, n: number): Visit[] {
    const rand = rng(seed);
    return Array.from({ length: n }, (_, i) => ({
      id: 1 + i * 37,
      uid: `uid-${i}`,
      date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      person_id: i,
      person: rand() < 0.5 ? '王秀英' : cellText(rand),
      household: rand() < 0.2 ? null : rand() < 0.5 ? `王家${i}` : cellText(rand),
      group: rand() < 0.2 ? null : `${1 + (i % 7)}组`,
      category: VISIT_CATEGORIES[Math.floor(rand() * VISIT_CATEGORIES.length)]!,
      topics: VISIT_TOPICS.filter(() => rand() < 0.4),
      notes: rand() < 0.1 ? null : rand() < 0.5 ? plainCell(rand) : cellText(rand),
      place: null,
      concerns: Math.floor(rand() * 3),
      created_at: '2026-11-27T00:00:00.000Z',
      updated_at: '2026-11-27T00:00:00.000Z',
    }));
  }

  it.each([
    ['en', 0, 40],
    ['en', 0, 80],
    ['zh', 0, 80],
    ['zh', 1, 120],
    ['en', 1, 80],
  ] as const)('lang %s, colour level %i, %i columns', (lang, level, width) => {
    setLang(lang);
    const env = level ? { FORCE_COLOR: String(level) } : {};
    configureColor({ env, isTTY: false }, { env, isTTY: false });
    const bold = new Chalk({ level }).bold;
    for (const [seed, n] of [[1, 0], [2, 1], [3, 30], [4, 300]] as const) {
      const rows = visits(seed, n);
      const want = ref.renderTable(ref.visitListing(rows), width, bold, t('msg.no_rows'));
      expect(renderTable(visitListingNow(rows), width)).toBe(want);
      // As bytes, what the string encodes to (a lone surrogate, which no UTF-8 holds, both ways as U+FFFD).
      expect(Buffer.concat([...renderTableBytes(visitListingNow(rows), width)]).equals(Buffer.from(want, 'utf8'))).toBe(true);
    }
    // A listing with a title and coloured cells.
    const rows = visits(9, 50);
    const listing: Listing<Visit> = { ...ref.visitListing(rows), title: '走访 \u001b[2J list' };
    listing.columns[1] = { ...listing.columns[1]!, paint: (v) => (v.concerns > 1 ? (s: string) => `[${s}]` : undefined) };
    expect(renderTable(listing, width)).toBe(ref.renderTable(listing, width, bold, t('msg.no_rows')));
    expect(Buffer.concat([...renderTableBytes(listing, width)]).equals(Buffer.from(ref.renderTable(listing, width, bold, t('msg.no_rows')), 'utf8'))).toBe(true);
  });

  it('a listing longer than one chunk of bytes is drawn whole, chunk after chunk', () => {
    setLang('en');
    configureColor({ env: {}, isTTY: false }, { env: {}, isTTY: false });
    const rows = visits(11, 6000);
    const want = ref.renderTable(ref.visitListing(rows), 80, new Chalk({ level: 0 }).bold, t('msg.no_rows'));
    const chunks = [...renderTableBytes(visitListingNow(rows), 80)];
    expect(chunks.length).toBeGreaterThan(1);
    // Every chunk ends a line: none cuts a character in two.
    for (const chunk of chunks) expect(chunk[chunk.length - 1]).toBe(0x0a);
    expect(Buffer.concat(chunks).equals(Buffer.from(want, 'utf8'))).toBe(true);
  });
});
