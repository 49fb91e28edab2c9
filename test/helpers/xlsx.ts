// Reads back an .xlsx by its XML (ECMA-376), independently of the library that wrote it: sheet names,
// each cell's type and value, number formats, frozen panes, autofilters and column widths.
import { readFileSync } from 'node:fs';
import { unzipEntry } from './zip.js';

export interface XCell {
  /** 'date' when the cell is a number styled with a date format, else 'number' or 'text'. */
  type: 'date' | 'number' | 'text' | 'formula';
  value: string | number;
}

export interface XSheet {
  name: string;
  rows: XCell[][];
  frozenRows: number;
  autoFilter: string | null;
  widths: number[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const colIndex = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export function readXlsx(path: string): XSheet[] {
  const zip = readFileSync(path);
  const text = (name: string) => unzipEntry(zip, name).toString('utf8');
  const styles = text('xl/styles.xml');
  const dateFormats = new Set([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].filter((m) => /y/.test(m[2]!) && /d/.test(m[2]!)).map((m) => Number(m[1])));
  for (const id of [14, 15, 16, 17, 22]) dateFormats.add(id);
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1]!;
  const xfFormat = [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const shared = (() => {
    try {
      return [...text('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')));
    } catch {
      return [];
    }
  })();
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  return [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].map(([, name, rid]) => {
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${rid}"`).exec(rels)!;
    const file = (target[1] ?? target[2]!).replace(/^\/?(xl\/)?/, 'xl/');
    const xml = text(file);
    const rows: XCell[][] = [];
    for (const r of xml.matchAll(/<row [^>]*r="(\d+)"[^>]*>(.*?)<\/row>/gs)) {
      const row: XCell[] = [];
      for (const c of r[2]!.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
        const attrs = c[2]!;
        const body = c[3] ?? '';
        const t = /t="(\w+)"/.exec(attrs)?.[1];
        const s = Number(/s="(\d+)"/.exec(attrs)?.[1] ?? 0);
        const v = /<v>(.*?)<\/v>/s.exec(body)?.[1];
        let cell: XCell | undefined;
        if (/<f>/.test(body)) cell = { type: 'formula', value: unescape(/<f>(.*?)<\/f>/s.exec(body)![1]!) };
        else if (t === 's') cell = { type: 'text', value: shared[Number(v)]! };
        else if (t === 'inlineStr') cell = { type: 'text', value: unescape([...body.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((m) => m[1]).join('')) };
        else if (t === 'str') cell = { type: 'text', value: unescape(v ?? '') };
        else if (v !== undefined) cell = { type: dateFormats.has(xfFormat[s] ?? 0) ? 'date' : 'number', value: Number(v) };
        if (cell) row[colIndex(c[1]!)] = cell;
      }
      rows[Number(r[1]) - 1] = row;
    }
    const pane = /<pane [^>]*ySplit="(\d+)"[^>]*state="frozen"/.exec(xml) ?? /<pane [^>]*state="frozen"[^>]*ySplit="(\d+)"/.exec(xml);
    return {
      name: unescape(name!),
      rows,
      frozenRows: pane ? Number(pane[1]) : 0,
      autoFilter: /<autoFilter ref="([^"]+)"/.exec(xml)?.[1] ?? null,
      widths: [...xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2])),
    };
  });
}

/** A spreadsheet date serial as YYYY-MM-DD. */
export function serialToIso(serial: number): string {
  return new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
}
