// The Word writer's body, written as XML directly, against the same document through docx's own
// Paragraph, Table and Packer (the reference): every part of the archive the same, byte for byte,
// on varied documents in both languages. And the zip container it is written in.
import { inflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Block, Cell, ColumnType, DocTable, DocumentTree } from '../../src/domain/document.js';
import { renderDocumentDocx } from '../../src/render/document-docx.js';
import { crc32, crc32Table, zipArchive } from '../../src/render/zip.js';
import { rng } from '../helpers/rng.js';
import { unzipEntry, zipNames } from '../helpers/zip.js';

const TEXTS = [
  '张三', '李家大院', '走访困难户，了解生产生活情况', 'a < b & c > "d" \'e\'', '&amp; already', '<w:t>injected</w:t>', ']]>', '👨‍👩‍👧 家庭',
  'e\u0301 combining', 'Supercalifragilisticexpialidocious'.repeat(20), '第一行\n第二行\n第三行', 'tab\there', 'crlf\r\nline', 'lone\rcr',
  'ctl\u0001\u0007\u001f\u007f\u0085 gone', 'bidi\u202eevil\u202c', 'zw\u200bsp', '\u2028sep', '  spaces  ', '\n', '0', '—', '\ud83d', '𠮷野家', '',
];
const TYPES: ColumnType[] = ['date', 'name', 'text', 'count', 'status'];

function tree(seed: number, lang: 'en' | 'zh'): DocumentTree {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const text = () => pick(TEXTS) + (r() < 0.5 ? '' : String(Math.floor(r() * 1000)));
  const cell = (type: ColumnType): Cell => {
    const x = r();
    if (x < 0.1) return null;
    if (type === 'count') return x < 0.2 ? -3 : x < 0.3 ? 1.5 : Math.floor(r() * 10_000);
    if (type === 'name') return x < 0.5 ? { name: text(), id: Math.floor(r() * 100) } : text();
    if (type === 'date') return x < 0.6 ? '2026-11-27' : text();
    return text();
  };
  const table = (): DocTable => {
    const columns = Array.from({ length: 1 + Math.floor(r() * 8) }, () => ({ header: text(), type: pick(TYPES) }));
    const rows = Array.from({ length: Math.floor(r() * 40) }, () => columns.map((c) => cell(c.type)).slice(0, r() < 0.1 ? 1 : undefined));
    return { kind: 'table', caption: r() < 0.7 ? text() : undefined, columns, rows, notes: r() < 0.4 ? [text(), text()] : undefined };
  };
  const blocks = (depth: number): Block[] =>
    Array.from({ length: 1 + Math.floor(r() * 5) }, (): Block => {
      const x = r();
      if (x < 0.35) return { kind: 'paragraph', sentences: Array.from({ length: Math.floor(r() * 4) }, text) };
      if (x < 0.7 || depth > 1) return table();
      return { kind: 'section', level: depth === 0 ? 1 : 2, number: r() < 0.2 ? '' : depth === 0 ? '一、' : '(2)', title: text(), blocks: blocks(depth + 1) };
    });
  return { lang, title: text(), meta: r() < 0.2 ? [] : [{ label: '报告人：', value: text() }, { label: 'Date: ', value: '27 November 2026' }], blocks: blocks(0) };
}

/** Both archives' members the same (but the creation time in core.xml), and the first's a sound zip. */
async function expectSameDocx(doc: DocumentTree) {
  const direct = await renderDocumentDocx(doc);
  const reference = await renderDocumentDocx(doc, { writer: 'docx' });
  const names = zipNames(reference);
  expect(zipNames(direct)).toEqual(names);
  expect(names).toContain('word/document.xml');
  for (const name of names.filter((n) => n !== 'docProps/core.xml' && !n.endsWith('/'))) {
    expect(unzipEntry(direct, name).toString('utf8'), name).toBe(unzipEntry(reference, name).toString('utf8'));
  }
  const stamp = /<dcterms:(created|modified) [^>]*>[^<]*</g;
  expect(unzipEntry(direct, 'docProps/core.xml').toString('utf8').replace(stamp, '')).toBe(unzipEntry(reference, 'docProps/core.xml').toString('utf8').replace(stamp, ''));
  return unzipEntry(direct, 'word/document.xml').toString('utf8');
}

describe('renderDocumentDocx', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`writes the same document as docx's objects do (${lang}, varied documents)`, async () => {
      let tables = 0;
      for (let seed = 1; seed <= 12; seed++) {
        const xml = await expectSameDocx(tree(seed * 7 + (lang === 'zh' ? 0 : 1), lang));
        tables += (xml.match(/<w:tbl>/g) ?? []).length;
      }
      expect(tables).toBeGreaterThan(20);
    });
  }

  it('the same for the smallest documents: no blocks, an empty table, a table without columns', async () => {
    await expectSameDocx({ lang: 'zh', title: '', meta: [], blocks: [] });
    await expectSameDocx({ lang: 'en', title: 'T', meta: [], blocks: [{ kind: 'table', columns: [{ header: 'A', type: 'count' }], rows: [] }] });
    await expectSameDocx({ lang: 'en', title: 'T', meta: [], blocks: [{ kind: 'table', columns: [], rows: [[], []] }, { kind: 'paragraph', sentences: [] }] });
  });

  it("keeps user text that looks like docx's numbering placeholder (docx's Packer turned it into a number)", async () => {
    const doc: DocumentTree = { lang: 'en', title: 'T', meta: [], blocks: [{ kind: 'paragraph', sentences: ['{default-bullet-numbering-0}'] }] };
    expect(unzipEntry(await renderDocumentDocx(doc), 'word/document.xml').toString('utf8')).toContain('>{default-bullet-numbering-0}<');
    expect(unzipEntry(await renderDocumentDocx(doc, { writer: 'docx' }), 'word/document.xml').toString('utf8')).not.toContain('{default-bullet-numbering-0}');
  });
});

describe('zipArchive', () => {
  it('writes members a zip reader reads back: folders stored, files deflated, CRC-32 and sizes right', () => {
    const date = new Date(Date.UTC(2026, 10, 27, 13, 45, 58));
    const big = Buffer.from('<w:p>走访</w:p>'.repeat(50_000));
    const zip = zipArchive([
      { name: 'word/', date },
      { name: 'word/document.xml', data: big, date },
      { name: 'empty.txt', data: new Uint8Array(0), date },
      { name: '文件.xml', data: Buffer.from('x'), date },
    ]);
    expect(zipNames(zip)).toEqual(['word/', 'word/document.xml', 'empty.txt', '文件.xml']);
    expect(unzipEntry(zip, 'word/document.xml').equals(big)).toBe(true);
    expect(unzipEntry(zip, 'empty.txt').length).toBe(0);
    expect(unzipEntry(zip, '文件.xml').toString()).toBe('x');
    // The local header of the first file: deflated, its CRC, sizes and DOS time (13:45:58 UTC, 2026-11-27).
    const at = zip.indexOf(Buffer.from('PK\x03\x04'), 4);
    expect(zip.readUInt16LE(at + 8)).toBe(8);
    expect(zip.readUInt32LE(at + 14)).toBe(crc32(big));
    expect(zip.readUInt32LE(at + 22)).toBe(big.length);
    expect(inflateRawSync(zip.subarray(at + 30 + 17, at + 30 + 17 + zip.readUInt32LE(at + 18))).equals(big)).toBe(true);
    expect(zip.readUInt16LE(at + 10)).toBe((13 << 11) | (45 << 5) | 29);
    expect(zip.readUInt16LE(at + 12)).toBe((46 << 9) | (11 << 5) | 27);
  });

  it('CRC-32 by table (Node before 20.15) gives what zlib gives', () => {
    const r = rng(3);
    for (const n of [0, 1, 7, 1000, 65_537]) {
      const data = Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
      const expected = (zlib as { crc32?: (d: Uint8Array) => number }).crc32?.(data);
      if (expected !== undefined) expect(crc32Table(data)).toBe(expected);
    }
    expect(crc32Table(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
