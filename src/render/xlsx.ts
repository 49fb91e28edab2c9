// Workbooks (.xlsx) through exceljs's streaming writer: rows are committed as they come, so a ledger
// of 200,000 visits never sits in memory. exceljs is required here only, when a workbook is written.
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { columnWidth, excelSerial, type Cell, type CellType, type LedgerRow } from '../domain/ledger.js';
import type { Block, DocColumn, DocTable, DocumentTree } from '../domain/document.js';
import { stripControls } from './escape.js';

type ExcelJS = typeof import('exceljs');

export interface SheetColumn {
  header: string;
  type: CellType;
  long?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Iterable<LedgerRow>;
}

/** Rows in the first sample decide the column widths; the rest are streamed. */
const WIDTH_SAMPLE = 500;

// XML 1.0 cannot carry C0 controls (but tab and newline): a villager's text keeps its words, loses those bytes.
function textCell(s: string): string {
  return stripControls(s).replace(/\r\n?/g, '\n');
}

/** A cell as the spreadsheet stores it: dates as dates, numbers as numbers, anything else as text (never a formula). */
function cellValue(type: CellType, v: Cell): Date | number | string | null {
  if (v === null || v === '') return null;
  if (type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date((excelSerial(v) - 25_569) * 86_400_000);
  if (type === 'number' && typeof v === 'number') return v;
  return textCell(String(v));
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Write the sheets in order; returns each sheet's row count. */
export async function writeWorkbook(out: Writable, sheets: Iterable<SheetSpec>): Promise<Map<string, number>> {
  const excel = createRequire(import.meta.url)('exceljs') as ExcelJS;
  const wb = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'fs';
  const counts = new Map<string, number>();
  for (const sheet of sheets) {
    const it = sheet.rows[Symbol.iterator]();
    const sample: LedgerRow[] = [];
    let next = it.next();
    while (!next.done && sample.length < WIDTH_SAMPLE) {
      sample.push(next.value);
      next = it.next();
    }
    const ws = wb.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    // Dates need their format and long text its wrapping; other cells carry no style of their own.
    // One frozen style object per column, given to each of its cells: exceljs remembers a style object
    // it has seen (a WeakMap), where the copy it makes for every new cell would be rendered and hashed
    // again, cell by cell (12 of 37 s on a year of 200,000 visits).
    const styles = sheet.columns.map((c) =>
      deepFreeze(c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.long ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    );
    ws.columns = sheet.columns.map((c, i) => ({
      header: c.header,
      key: String(i),
      width: columnWidth({ key: String(i), type: c.type, long: c.long }, c.header, sample.map((row) => row[i] ?? null)),
      style: styles[i]!,
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.commit();
    ws.autoFilter = `A1:${columnLetter(sheet.columns.length)}1`;
    let n = 0;
    const columns = sheet.columns;
    const values: Array<Date | number | string | null> = new Array(columns.length);
    const add = (row: LedgerRow) => {
      for (let i = 0; i < columns.length; i++) values[i] = cellValue(columns[i]!.type, row[i] ?? null);
      const r = ws.addRow(values);
      for (let i = 0; i < columns.length; i++) r.getCell(i + 1).style = styles[i]!;
      r.commit();
      n++;
    };
    sample.forEach(add);
    for (; !next.done; next = it.next()) add(next.value);
    ws.commit();
    counts.set(sheet.name, n);
  }
  await wb.commit();
  return counts;
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base = title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base.slice(0, 28)} ${n}`;
    used.add(name);
    return name;
  });
}

/** A document's tables as sheets (one document model, several renderers): each named by its section and caption. */
export function documentSheets(doc: DocumentTree): SheetSpec[] {
  const found: Array<{ title: string; table: DocTable }> = [];
  const walk = (b: Block, path: string[]) => {
    if (b.kind === 'section') b.blocks.forEach((x) => walk(x, [...path, b.title]));
    else if (b.kind === 'table') found.push({ title: [path[path.length - 1], b.caption].filter(Boolean).join(' '), table: b });
  };
  doc.blocks.forEach((b) => walk(b, []));
  const names = sheetNames(found.map((f) => f.title));
  const type = (c: DocColumn['type']): CellType => (c === 'date' ? 'date' : c === 'count' ? 'number' : 'text');
  return found.map(({ table }, i) => ({
    name: names[i]!,
    columns: table.columns.map((c) => ({ header: c.header, type: type(c.type), long: c.type === 'text' })),
    rows: table.rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? c.name : c))),
  }));
}
