// Spreadsheets read as rows of text: the sheets of an .xlsx (exceljs, loaded only here) or a CSV
// (UTF-8, with or without Excel's byte-order mark).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseCsv } from '../../domain/csv.js';
import { DataError, UsageError } from '../../errors.js';

type ExcelJS = typeof import('exceljs');

export interface SheetRows {
  name: string;
  rows: string[][];
}

/** What a cell shows, as text: numbers as typed (a phone number stays whole), dates as YYYY-MM-DD. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v);
}

/**
 * exceljs's Workbook alone: the package's entry loads its streaming reader and writer too (unzipper,
 * archiver and their dependencies), a fifth of a second before the first row is read.
 */
function workbookClass(): ExcelJS['Workbook'] {
  const load = createRequire(import.meta.url);
  try {
    return load('exceljs/lib/doc/workbook') as ExcelJS['Workbook'];
  } catch {
    return (load('exceljs') as ExcelJS).Workbook;
  }
}

export async function readSheets(path: string): Promise<SheetRows[]> {
  const kind = extname(path).toLowerCase();
  if (kind !== '.xlsx' && kind !== '.csv') throw new UsageError('roster.err.kind', { path });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataError('roster.err.unreadable', { path, detail: (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'a directory' : (e as Error).message });
  }
  if (kind === '.csv') return [{ name: path, rows: parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')) }];
  const wb = new (workbookClass())();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new DataError('roster.err.unreadable', { path, detail: (e as Error).message.split('\n')[0]! });
  }
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}
