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

/**
 * The event loop runs after each piece of a sheet is written (every YIELD_ROWS rows through exceljs):
 * the zip deflates on another thread while the next rows are made, where a sheet made in one
 * synchronous loop would wait whole in memory (86 MB of XML for a year of visits) to be deflated.
 * Deflate's output pieces are large for the same reason: each piece costs a turn of the event loop.
 */
const YIELD_ROWS = 100;
const ZLIB_CHUNK = 256 * 1024;

// XML 1.0 cannot carry C0 controls (but tab and newline): a villager's text keeps its words, loses those bytes.
function textCell(s: string): string {
  return stripControls(s).replace(/\r\n?/g, '\n');
}

/** Serials of the dates seen: a year of visits has 365 of them. */
const serials = new Map<string, number>();

/**
 * A cell as the spreadsheet stores it: dates as date serials (in a date-styled column), numbers as
 * numbers, anything else as text (never a formula).
 */
function cellValue(type: CellType, v: Cell): number | string | null {
  if (v === null || v === '') return null;
  if (type === 'date' && typeof v === 'string') {
    let serial = serials.get(v);
    if (serial === undefined && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
      serial = excelSerial(v);
      if (serials.size < 100_000) serials.set(v, serial);
    }
    if (serial !== undefined) return serial;
  }
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

/**
 * exceljs's streaming writer alone: the package's entry loads its reader and its in-memory
 * workbook too (jszip, saxes, unzipper), a fifth of a second of every workbook written.
 */
function writerClass(): ExcelJS['stream']['xlsx']['WorkbookWriter'] {
  const load = createRequire(import.meta.url);
  try {
    return load('exceljs/lib/stream/xlsx/workbook-writer') as ExcelJS['stream']['xlsx']['WorkbookWriter'];
  } catch {
    return (load('exceljs') as ExcelJS).stream.xlsx.WorkbookWriter;
  }
}

export interface WorkbookOptions {
  /**
   * 'exceljs' builds every data row through exceljs's Row and Cell objects (the reference the tests
   * compare against); the default writes the same row XML directly into the sheet's part.
   */
  rows?: 'direct' | 'exceljs';
}

/** Write the sheets in order; returns each sheet's row count. */
export async function writeWorkbook(out: Writable, sheets: Iterable<SheetSpec>, options: WorkbookOptions = {}): Promise<Map<string, number>> {
  const wb = new (writerClass())({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { chunkSize: ZLIB_CHUNK } } } as never);
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
    // One frozen style object per column: exceljs remembers a style object it has seen (a WeakMap),
    // where the copy it makes for every new cell would be rendered and hashed again, cell by cell.
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
    // The header row goes through exceljs, which then has written the columns and opened the sheet's data.
    header.commit();
    ws.autoFilter = `A1:${columnLetter(sheet.columns.length)}1`;
    const add = options.rows === 'exceljs' || !directRowsPossible(wb, ws) ? exceljsRows(ws, sheet.columns, styles) : directRows(wb, ws, sheet.columns, styles);
    let n = 0;
    for (const row of sample) if (add.row(row, ++n + 1)) await new Promise(setImmediate);
    for (; !next.done; next = it.next()) if (add.row(next.value, ++n + 1)) await new Promise(setImmediate);
    add.end();
    ws.commit();
    counts.set(sheet.name, n);
  }
  await wb.commit();
  return counts;
}

type WorkbookWriter = InstanceType<ExcelJS['stream']['xlsx']['WorkbookWriter']>;
type WorksheetWriter = ReturnType<WorkbookWriter['addWorksheet']>;
type Style = Partial<import('exceljs').Style>;

interface RowSink {
  /** True when a piece of the sheet went to the zip (time to let it deflate). */
  row(row: LedgerRow, number: number): boolean;
  end(): void;
}

/** The reference: each row as exceljs's Row and Cell objects, its XML made by exceljs. */
function exceljsRows(ws: WorksheetWriter, columns: readonly SheetColumn[], styles: readonly Style[]): RowSink {
  const values: Array<Date | number | string | null> = new Array(columns.length);
  return {
    row(row, number) {
      for (let i = 0; i < columns.length; i++) {
        const v = cellValue(columns[i]!.type, row[i] ?? null);
        values[i] = typeof v === 'number' && columns[i]!.type === 'date' ? new Date((v - 25_569) * 86_400_000) : v;
      }
      const r = ws.addRow(values);
      for (let i = 0; i < columns.length; i++) r.getCell(i + 1).style = styles[i]!;
      r.commit();
      return number % YIELD_ROWS === 0;
    },
    end() {},
  };
}

// What the direct writer needs of exceljs's streaming writer: the styles table and the sheet's part.
interface WriterInternals {
  styles?: { addStyleModel?(style: Style, type?: number): number };
}
interface SheetInternals {
  stream?: { write?(chunk: string): unknown };
}

function directRowsPossible(wb: WorkbookWriter, ws: WorksheetWriter): boolean {
  return typeof (wb as WriterInternals).styles?.addStyleModel === 'function' && typeof (ws as SheetInternals).stream?.write === 'function';
}

/** exceljs's xmlEncode: the five XML specials escaped, the C0 controls XML 1.0 cannot carry and DEL dropped. */
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex
const XML_SPECIALS = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const XML_ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
const xmlText = (s: string) => (XML_SPECIAL.test(s) ? s.replace(XML_SPECIALS, (c) => XML_ENTITY[c] ?? '') : s);

/**
 * Each row's XML written as exceljs writes it (cells `t="str"` inline, dates as serials with their
 * column's style, empty cells kept where the column has a style), without a Row, a Cell and a
 * style lookup for every cell: that machinery was most of the time of a 200,000-row ledger.
 */
function directRows(wb: WorkbookWriter, ws: WorksheetWriter, columns: readonly SheetColumn[], styles: readonly Style[]): RowSink {
  const stream = (ws as SheetInternals).stream as { write(chunk: string): unknown };
  const addStyle = (wb as WriterInternals).styles!.addStyleModel!.bind((wb as WriterInternals).styles);
  // The style exceljs gives each column's cells (String = 3 in exceljs's ValueType; the same xf for numbers and dates here).
  const ids = styles.map((s) => addStyle(s, 3));
  const letters = columns.map((_, i) => columnLetter(i + 1));
  const attrs = ids.map((id) => (id ? ` s="${id}"` : ''));
  const spans = ` spans="1:${columns.length}" x14ac:dyDescent="0.25">`;
  let chunk = '';
  return {
    row(row, number) {
      let xml = `<row r="${number}"${spans}`;
      let empty = true;
      for (let i = 0; i < columns.length; i++) {
        const v = cellValue(columns[i]!.type, row[i] ?? null);
        if (v !== null) empty = false;
        if (v === null) {
          if (ids[i]) xml += `<c r="${letters[i]}${number}"${attrs[i]}/>`;
        } else if (typeof v === 'number') xml += `<c r="${letters[i]}${number}"${attrs[i]}><v>${v}</v></c>`;
        else xml += `<c r="${letters[i]}${number}"${attrs[i]} t="str"><v>${xmlText(v)}</v></c>`;
      }
      // A row without a value is not written at all (as exceljs does).
      if (!empty) chunk += `${xml}</row>`;
      // Written in pieces of about 64 KiB: one write per row costs more than the row itself.
      if (chunk.length < 32_768) return false;
      stream.write(chunk);
      chunk = '';
      return true;
    },
    end() {
      if (chunk) stream.write(chunk);
      chunk = '';
    },
  };
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
