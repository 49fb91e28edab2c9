// The workbook writer's rows, written directly, against the same rows through exceljs's Row and
// Cell objects (the reference): every part of the archive the same, byte for byte, on varied input.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Cell, LedgerRow } from '../../src/domain/ledger.js';
import { writeWorkbook, type SheetColumn, type SheetSpec, type WorkbookOptions } from '../../src/render/xlsx.js';
import { rng } from '../helpers/rng.js';
import { unzipEntry, zipNames } from '../helpers/zip.js';

const TEXTS = [
  '张三', '李家大院', '=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', 'a < b & c > "d" \'e\'', '👨‍👩‍👧 家庭', 'e\u0301 combining', 'ä\u0308\u0323',
  'Supercalifragilisticexpialidocious'.repeat(20), '第一行\n第二行\n第三行', 'tab\there', 'crlf\r\nline', 'lone\rcr', 'ctl\u0001\u0007\u001f\u007f\u0085 gone',
  'bidi\u202eevil\u202c', 'zw\u200bsp', '\u2028sep', '  spaces  ', '0', '00123', '1e5', 'TRUE', '#N/A', '\ud83d', '𠮷野家', '' ,
];
const DATES = ['2025-01-01', '2024-02-29', '1900-03-01', '0001-01-01', '9999-12-31', '2025-13-45', 'not a date', '2025-1-1', ''];

function cell(r: () => number, col: SheetColumn): Cell {
  const x = r();
  if (x < 0.15) return null;
  if (col.type === 'date') return DATES[Math.floor(r() * DATES.length)]!;
  if (col.type === 'number') return x < 0.3 ? 'seven' : x < 0.4 ? -0 : x < 0.5 ? 1.5e-7 : Math.round(r() * 1e6) / 100;
  return TEXTS[Math.floor(r() * TEXTS.length)]! + (x < 0.6 ? '' : String(Math.floor(r() * 1000)));
}

function sheets(): SheetSpec[] {
  const r = rng(14);
  const make = (name: string, columns: SheetColumn[], n: number): SheetSpec => ({
    name,
    columns,
    rows: Array.from({ length: n }, (): LedgerRow => columns.map((c) => cell(r, c))),
  });
  return [
    make('走访台账', [
      { header: '日期', type: 'date' }, { header: '走访对象', type: 'text' }, { header: '户', type: 'text' }, { header: '数', type: 'number' },
      { header: '走访情况', type: 'text', long: true }, { header: '办结日期', type: 'date' }, { header: '群众诉求', type: 'text', long: true },
    ], 3_000),
    make('Empty', [{ header: 'Date', type: 'date' }, { header: 'Note', type: 'text', long: true }], 0),
    make('One', [{ header: 'N', type: 'number' }], 1),
    // More than 26 columns: two-letter references.
    make('Wide', Array.from({ length: 30 }, (_, i): SheetColumn => ({ header: `c${i}`, type: (['date', 'number', 'text'] as const)[i % 3]!, long: i % 4 === 0 })), 50),
    // Short rows: missing cells are empty.
    { name: 'Short', columns: [{ header: 'A', type: 'text' }, { header: 'B', type: 'date' }, { header: 'C', type: 'text', long: true }], rows: [['x'], [], ['y', '2025-05-05']] },
  ];
}

async function workbook(options: WorkbookOptions): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const counts = await writeWorkbook(out, sheets(), options);
  await new Promise((resolve) => (out.writableFinished ? resolve(null) : out.on('finish', resolve)));
  expect([...counts.values()]).toEqual([3_000, 0, 1, 50, 3]);
  return Buffer.concat(chunks);
}

describe('writeWorkbook', () => {
  it('writes the same workbook as exceljs does cell by cell (all parts but the creation time)', async () => {
    const direct = await workbook({});
    const reference = await workbook({ rows: 'exceljs' });
    const names = zipNames(reference);
    expect(zipNames(direct)).toEqual(names);
    expect(names).toContain('xl/worksheets/sheet5.xml');
    for (const name of names.filter((n) => n !== 'docProps/core.xml')) {
      expect(unzipEntry(direct, name).toString('utf8'), name).toBe(unzipEntry(reference, name).toString('utf8'));
    }
    const sheet1 = unzipEntry(direct, 'xl/worksheets/sheet1.xml').toString('utf8');
    expect(sheet1.length).toBeGreaterThan(200_000);
    expect(sheet1).toContain('t="str"><v>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
  });
});
