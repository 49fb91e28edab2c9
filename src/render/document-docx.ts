// The document tree as a Word file, written with the `docx` library (loaded here only, by a dynamic
// import, so that other commands start as fast as before). zh: in the spirit of GB/T 9704-2012
// (公文格式): A4, margins 37/35/28/26 mm, the title in a song-style display face, 一级标题 黑体,
// 二级标题 楷体, body 仿宋 16 pt (三号) on a fixed 28 pt line, page numbers "— 1 —" at the foot.
// en: a plain, clean style. Tables have borders and repeat their header row on every page.
import { createRequire } from 'node:module';
import { cellText, type Block, type DocTable, type DocumentTree } from '../domain/document.js';
import { stripControls } from './escape.js';
import { dashWidths, displayWidth } from './document-md.js';


const MM = 56.693; // twips per millimetre
const PT = 20; // twips per point (half-points for font sizes: pt * 2)

interface Style {
  margins: { top: number; bottom: number; left: number; right: number };
  title: { font: string; size: number };
  meta: { font: string; size: number };
  h1: { font: string; size: number; bold: boolean };
  h2: { font: string; size: number; bold: boolean };
  body: { font: string; size: number };
  table: { font: string; size: number };
  /** Fixed line height in points, or undefined for single spacing. */
  line?: number;
  /** First-line indent of body paragraphs, in points (two characters in zh). */
  indent: number;
  pageNumber: (n: string) => string[];
}

const ZH: Style = {
  margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
  title: { font: '方正小标宋简体', size: 22 },
  meta: { font: '楷体_GB2312', size: 16 },
  h1: { font: '黑体', size: 16, bold: false },
  h2: { font: '楷体_GB2312', size: 16, bold: false },
  body: { font: '仿宋_GB2312', size: 16 },
  table: { font: '仿宋_GB2312', size: 12 },
  line: 28,
  indent: 32,
  pageNumber: (n) => ['— ', n, ' —'],
};

const EN: Style = {
  margins: { top: 25 * MM, bottom: 25 * MM, left: 25 * MM, right: 25 * MM },
  title: { font: 'Calibri', size: 18 },
  meta: { font: 'Calibri', size: 11 },
  h1: { font: 'Calibri', size: 14, bold: true },
  h2: { font: 'Calibri', size: 12, bold: true },
  body: { font: 'Calibri', size: 11 },
  table: { font: 'Calibri', size: 10 },
  indent: 0,
  pageNumber: (n) => [n],
};

/**
 * Column widths in twips: a date, name or count column as wide as its widest cell, so that it
 * never breaks in the middle; the text and status columns share the rest in proportion to their content.
 */
export function columnWidths(tb: DocTable, textWidth: number, fontPt: number): number[] {
  // One display column is half an em; Word and LibreOffice add a little space where Chinese meets
  // digits or Latin letters (11 月 17 日), and bold headers are wider, hence the extra third.
  const unit = (fontPt / 2) * PT * 1.35;
  const pad = 2 * 115 + 120; // cell margins and a little air
  const dashes = dashWidths(tb);
  const full = tb.columns.map((c, i) => Math.max(displayWidth(c.header), ...tb.rows.map((r) => displayWidth(cellText(r[i] ?? null)))) * unit + pad);
  // Dates, names and counts never break; text and statuses (phrases in English) may wrap.
  const isText = tb.columns.map((c) => c.type === 'text' || c.type === 'status');
  const fixedSum = full.reduce((a, w, i) => a + (isText[i] ? 0 : w), 0);
  const rest = textWidth - fixedSum;
  const textDashes = dashes.reduce((a, d, i) => a + (isText[i] ? d : 0), 0);
  // Nothing left for the text (or no text column): proportional to the content, as in Markdown.
  if (rest < textWidth * 0.25 || textDashes === 0) {
    const sum = full.reduce((a, b) => a + b, 0);
    return full.map((w) => Math.floor((w * textWidth) / sum));
  }
  // Text columns: at least a short phrase wide (or their content, if shorter), the rest shared by content.
  const floor = full.map((w, i) => (isText[i] ? Math.min(w, 8 * unit + pad) : 0));
  const floorSum = floor.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, rest - floorSum);
  return full.map((w, i) => Math.floor(isText[i] ? floor[i]! + (dashes[i]! / textDashes) * spare : w));
}

/** The .docx bytes of the document. */
export async function renderDocumentDocx(doc: DocumentTree): Promise<Buffer> {
  // require, not import(): the bundle runs in a vm.Script (bin/fs.js), which has no dynamic import.
  const d = createRequire(import.meta.url)('docx') as typeof import('docx');
  const st = doc.lang === 'zh' ? ZH : EN;
  const A4 = { width: 11906, height: 16838 };
  const textWidth = A4.width - Math.round(st.margins.left) - Math.round(st.margins.right);
  const font = (name: string) => ({ ascii: doc.lang === 'zh' ? 'Times New Roman' : name, hAnsi: doc.lang === 'zh' ? 'Times New Roman' : name, eastAsia: name, cs: name });
  const run = (text: string, f: { font: string; size: number; bold?: boolean }) => new d.TextRun({ text: stripControls(text), font: font(f.font), size: f.size * 2, bold: f.bold });
  const spacing = (before = 0, after = 0) => (st.line ? { line: st.line * PT, lineRule: d.LineRuleType.EXACT, before, after } : { before, after: after || 6 * PT });

  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [];
  children.push(new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { ...spacing(0, 0), line: st.line ? 36 * PT : undefined }, children: [run(doc.title, st.title)] }));
  for (const m of doc.meta) children.push(new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: spacing(), children: [run(`${m.label}${m.value}`, st.meta)] }));
  children.push(new d.Paragraph({ spacing: spacing(), children: [] }));

  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const table = (tb: DocTable) => {
    if (tb.caption) children.push(new d.Paragraph({ alignment: d.AlignmentType.CENTER, keepNext: true, spacing: spacing(6 * PT, 0), children: [run(tb.caption, { ...st.h1, size: st.body.size - 2 })] }));
    const widths = columnWidths(tb, textWidth, st.table.size);
    const cell = (text: string, header: boolean, right: boolean, i: number) =>
      new d.TableCell({
        width: { size: widths[i]!, type: d.WidthType.DXA },
        verticalAlign: d.VerticalAlign.CENTER,
        children: stripControls(text)
          .split(/\r\n|\r|\n/)
          .map((line) => new d.Paragraph({ alignment: header ? d.AlignmentType.CENTER : right ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [run(line, { ...st.table, bold: header && doc.lang !== 'zh' })] })),
      });
    const rows = [
      new d.TableRow({ tableHeader: true, cantSplit: true, children: tb.columns.map((c, i) => cell(c.header, true, false, i)) }),
      ...tb.rows.map((r) => new d.TableRow({ cantSplit: true, children: tb.columns.map((c, i) => cell(r[i] === null || r[i] === undefined ? (c.type === 'count' ? '—' : '') : cellText(r[i]!), false, c.type === 'count', i)) })),
    ];
    children.push(new d.Table({ rows, width: { size: textWidth, type: d.WidthType.DXA }, columnWidths: widths, borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border } }));
    for (const n of tb.notes ?? []) children.push(new d.Paragraph({ spacing: spacing(), children: [run(n, st.table)] }));
  };
  const block = (b: Block) => {
    if (b.kind === 'paragraph') children.push(new d.Paragraph({ spacing: spacing(), indent: { firstLine: st.indent * PT }, alignment: d.AlignmentType.JUSTIFIED, children: [run(b.sentences.join(doc.lang === 'zh' ? '' : ' '), st.body)] }));
    else if (b.kind === 'table') table(b);
    else {
      const f = b.level === 1 ? st.h1 : st.h2;
      const text = `${b.number}${doc.lang === 'zh' || !b.number ? '' : ' '}${b.title}`;
      children.push(new d.Paragraph({ heading: b.level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2, keepNext: true, spacing: spacing(st.line ? 0 : 12 * PT), indent: { firstLine: st.indent * PT }, children: [run(text, f)] }));
      b.blocks.forEach(block);
    }
  };
  doc.blocks.forEach(block);

  const footer = new d.Footer({
    children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: st.pageNumber(d.PageNumber.CURRENT as unknown as string), font: font(doc.lang === 'zh' ? '宋体' : st.body.font), size: 14 * 2 })] })],
  });
  const heading = (f: { font: string; size: number; bold: boolean }) => ({ run: { font: font(f.font), size: f.size * 2, bold: f.bold, color: '000000' }, paragraph: { spacing: spacing() } });
  const file = new d.Document({
    creator: 'fs',
    title: stripControls(doc.title),
    styles: {
      default: { document: { run: { font: font(st.body.font), size: st.body.size * 2 } }, heading1: heading(st.h1), heading2: heading(st.h2) },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: Math.round(st.margins.top), bottom: Math.round(st.margins.bottom), left: Math.round(st.margins.left), right: Math.round(st.margins.right), footer: Math.round(28 * MM * 0.6) },
            pageNumbers: { start: 1 },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return d.Packer.toBuffer(file);
}
