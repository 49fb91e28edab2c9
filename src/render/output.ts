// Every list, show, coverage and report goes through here: one set of --format choices.
// Render functions return strings; writing them is the CLI's job.
import { c } from './color.js';
import { csvCell, mdCell, mdText, stripControls, tsvCell } from './escape.js';
import { columnsToKeep, drawGridBytes, drawGridChunks, type GridInput } from './table.js';
import { joinList, t } from '../i18n/index.js';

export const FORMATS = ['table', 'tsv', 'csv', 'json', 'ndjson', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export interface Column<R> {
  /** English snake_case key: the header in tsv/csv, the field in json. */
  key: string;
  /** Translated header for table and md. */
  header: string;
  /** The machine value (json, tsv, csv). */
  value: (row: R) => unknown;
  /** The human text (table, md); defaults to the machine value as text. */
  text?: (row: R) => string;
  /** Terminal tables: the column is never wider than this; longer text wraps inside it. */
  maxWidth?: number;
  /** Terminal tables only: colour the (already cleaned) text, e.g. overdue in red. */
  paint?: (row: R) => ((s: string) => string) | undefined;
  /**
   * Terminal tables only: left out (the rightmost optional column first) when the columns would
   * otherwise be squeezed below their words; a line under the table names what was left out.
   */
  optional?: boolean;
}

export interface Listing<R> {
  title?: string;
  columns: Column<R>[];
  rows: R[];
  /** The JSON object of a row; defaults to the columns' machine values. */
  json?: (row: R) => unknown;
  /** Shown in table/md when there are no rows. */
  empty?: string;
}

function machineText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function humanText<R>(col: Column<R>, row: R): string {
  const s = col.text ? col.text(row) : machineText(col.value(row));
  return stripControls(s);
}

export function jsonRow<R>(listing: Listing<R>, row: R): unknown {
  if (listing.json) return listing.json(row);
  return Object.fromEntries(listing.columns.map((col) => [col.key, col.value(row) ?? null]));
}

let tableWidth = 80;

/**
 * The width terminal tables fit: the terminal's columns when stdout is one, else $COLUMNS, else 80.
 * Set once by main; tests pass their own.
 */
export function configureTableWidth(isTTY: boolean, columns: number | undefined, env: NodeJS.ProcessEnv = {}): void {
  const fromEnv = Number(env.COLUMNS);
  if (isTTY && columns && columns > 0) tableWidth = columns;
  else if (Number.isInteger(fromEnv) && fromEnv > 0) tableWidth = fromEnv;
  else tableWidth = 80;
}

export function renderTable<R>(listing: Listing<R>, width = tableWidth): string {
  let s = '';
  for (const chunk of renderTableChunks(listing, width)) s += chunk;
  return s;
}

/** A terminal table in pieces, for writing a long listing as it is drawn. */
export function* renderTableChunks<R>(listing: Listing<R>, width = tableWidth): Generator<string> {
  const table = tableOf(listing, width);
  if (table.title) yield table.title;
  if (table.grid) yield* drawGridChunks(table.grid);
  if (table.footer) yield table.footer;
}

/** renderTableChunks as UTF-8 bytes, for a pipe or a file: the same bytes, made without the strings. */
export function* renderTableBytes<R>(listing: Listing<R>, width = tableWidth): Generator<Uint8Array> {
  const table = tableOf(listing, width);
  if (table.title) yield Buffer.from(table.title, 'utf8');
  if (table.grid) yield* drawGridBytes(table.grid);
  if (table.footer) yield Buffer.from(table.footer, 'utf8');
}

/** A listing's title line (or its "no rows" line), its cells as a grid to draw, and what was left out of it. */
function tableOf<R>(whole: Listing<R>, width: number): { title: string; grid?: GridInput; footer?: string } {
  const colour = c();
  const title = whole.title ? `${colour.bold(stripControls(whole.title))}\n` : '';
  if (whole.rows.length === 0) return { title: `${title}${whole.empty ?? t('msg.no_rows')}\n` };
  const all = gridOf(whole, width);
  const kept = whole.columns.some((col) => col.optional) ? columnsToKeep(all.headers, all.texts, whole.columns.map((col) => Boolean(col.optional)), width) : undefined;
  const left = kept ? whole.columns.filter((_, i) => !kept.includes(i)) : [];
  const footer = left.length ? `${t('msg.columns_left_out', { columns: joinList(left.map((col) => stripControls(col.header))) })}\n` : undefined;
  const grid = kept && left.length ? someColumns(all, kept) : all;
  return { title, grid: { ...grid, paintHeader: (s) => colour.bold(s) }, footer };
}

/** The grid with only the columns `kept` (indexes, in order): the texts made once serve both. */
function someColumns(g: GridInput, kept: number[]): GridInput {
  const n = g.headers.length;
  const rows = g.rowCount ?? 0;
  const m = kept.length;
  const texts = new Array<string>(rows * m);
  const paints = g.paints ? new Array<((s: string) => string) | undefined>(rows * m) : undefined;
  for (let r = 0, k = 0; r < rows; r++) {
    for (let j = 0; j < m; j++, k++) {
      texts[k] = g.texts[r * n + kept[j]!]!;
      if (paints) paints[k] = g.paints![r * n + kept[j]!];
    }
  }
  return { ...g, headers: kept.map((i) => g.headers[i]!), texts, paints, caps: kept.map((i) => g.caps?.[i]) };
}

/** The cells as flat texts (and paints, only when a column has them): no object per cell. */
function gridOf<R>(listing: Listing<R>, width: number): GridInput {
  const n = listing.columns.length;
  const texts = new Array<string>(listing.rows.length * n);
  const painted = listing.columns.some((col) => col.paint);
  const paints = painted ? new Array<((s: string) => string) | undefined>(texts.length) : undefined;
  const { rows, columns } = listing;
  for (let r = 0, k = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let i = 0; i < n; i++, k++) {
      const col = columns[i]!;
      const text = humanText(col, row);
      texts[k] = text.includes('\t') ? text.replace(/\t/g, ' ') : text;
      if (paints) paints[k] = col.paint?.(row);
    }
  }
  return {
    headers: listing.columns.map((col) => stripControls(col.header)),
    texts,
    rowCount: listing.rows.length,
    paints,
    caps: listing.columns.map((col) => col.maxWidth),
    width,
  };
}

export function renderDelimited<R>(listing: Listing<R>, format: 'tsv' | 'csv'): string {
  const lines: string[] = [];
  if (format === 'tsv') {
    lines.push(listing.columns.map((col) => col.key).join('\t'));
    for (const row of listing.rows) lines.push(listing.columns.map((col) => tsvCell(machineText(col.value(row)))).join('\t'));
  } else {
    lines.push(listing.columns.map((col) => col.key).join(','));
    for (const row of listing.rows) {
      lines.push(
        listing.columns
          .map((col) => {
            const v = col.value(row);
            return csvCell(Array.isArray(v) || (v !== null && typeof v === 'object') ? machineText(v) : v);
          })
          .join(','),
      );
    }
  }
  return lines.join(format === 'csv' ? '\r\n' : '\n') + (format === 'csv' ? '\r\n' : '\n');
}

export function renderMarkdownTable<R>(listing: Listing<R>, headingLevel = 2): string {
  const out: string[] = [];
  if (listing.title) out.push(`${'#'.repeat(headingLevel)} ${mdText(listing.title)}`, '');
  if (listing.rows.length === 0) {
    out.push(mdText(listing.empty ?? t('msg.no_rows')), '');
    return out.join('\n');
  }
  out.push(`| ${listing.columns.map((col) => mdCell(col.header)).join(' | ')} |`);
  out.push(`|${listing.columns.map(() => ' --- ').join('|')}|`);
  for (const row of listing.rows) out.push(`| ${listing.columns.map((col) => mdCell(humanText(col, row))).join(' | ')} |`);
  out.push('');
  return out.join('\n');
}

/** One listing in any format. */
export function renderListing<R>(listing: Listing<R>, format: Format): string {
  switch (format) {
    case 'table':
      return renderTable(listing);
    case 'tsv':
    case 'csv':
      return renderDelimited(listing, format);
    case 'md':
      return renderMarkdownTable(listing);
    case 'json':
      return `${JSON.stringify(listing.rows.map((r) => jsonRow(listing, r)), null, 2)}\n`;
    case 'ndjson':
      return listing.rows.map((r) => JSON.stringify(jsonRow(listing, r))).join('\n') + (listing.rows.length ? '\n' : '');
  }
}

export interface Field {
  key: string;
  label: string;
  value: unknown;
  text?: string;
}

/**
 * A document made of several parts (a record and its timeline, a coverage grid and its gaps).
 * table/md show every part; json/ndjson print `json` as one object; tsv/csv print the `primary` part,
 * the one a spreadsheet wants.
 */
export interface Document {
  parts: Array<{ kind: 'fields'; title?: string; fields: Field[] } | { kind: 'listing'; listing: Listing<any> } | { kind: 'text'; text: string }>;
  json: unknown;
  primary: Listing<any>;
}

/** The fields every stored record ends with in `show`: its uid and when it was made and changed. */
export function recordStamps(r: { uid: string; created_at: string; updated_at: string }): Field[] {
  return [
    { key: 'uid', label: 'UID', value: r.uid },
    { key: 'created_at', label: t('col.created_at'), value: r.created_at },
    { key: 'updated_at', label: t('col.updated_at'), value: r.updated_at },
  ];
}

export function fieldsListing(fields: Field[], title?: string): Listing<Field> {
  return {
    title,
    columns: [
      { key: 'field', header: t('col.field'), value: (f) => f.key, text: (f) => f.label },
      { key: 'value', header: t('col.value'), value: (f) => f.value, text: (f) => f.text ?? machineText(f.value) },
    ],
    rows: fields,
  };
}

/** A single record as a one-row listing (for tsv/csv): headers are the field keys. */
export function recordListing(fields: Field[]): Listing<Field[]> {
  return {
    columns: fields.map((f, i) => ({ key: f.key, header: f.label, value: (r: Field[]) => r[i]!.value })),
    rows: [fields],
  };
}

export function renderDocument(doc: Document, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(doc.json, null, 2)}\n`;
    case 'ndjson':
      return `${JSON.stringify(doc.json)}\n`;
    case 'tsv':
    case 'csv':
      return renderDelimited(doc.primary, format);
    case 'table':
    case 'md':
      return doc.parts
        .map((part) => {
          if (part.kind === 'text') return format === 'md' ? `${mdText(part.text)}\n` : `${stripControls(part.text)}\n`;
          const listing = part.kind === 'fields' ? fieldsListing(part.fields, part.title) : part.listing;
          return format === 'md' ? renderMarkdownTable(listing) : renderTable(listing);
        })
        .join('\n');
  }
}
