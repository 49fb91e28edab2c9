// The document tree as a Word file, written with the `docx` library (loaded here only, by a dynamic
// import, so that other commands start as fast as before). zh: in the spirit of GB/T 9704-2012
// (公文格式): A4, margins 37/35/28/26 mm, the title in a song-style display face, 一级标题 黑体,
// 二级标题 楷体, body 仿宋 16 pt (三号) on a fixed 28 pt line, page numbers "— 1 —" at the foot.
// en: a plain, clean style. Tables have borders and repeat their header row on every page.
// The document is laid out once (layOut); docx makes the file's parts (styles, numbering, settings,
// footer, relationships, properties), the body is written as the XML docx would write for it
// (partsXml, tested against docx's own objects, docxParts), and zlib deflates the archive.
import { cellText, type Block, type DocTable, type DocumentTree } from '../domain/document.js';
import { stripControls } from './escape.js';
import { dashWidths, displayWidth } from './document-md.js';
import { docxCompiler, loadDocx, type Docx } from './docx-library.js';
import { EN, MM, PT, ZH, type Style } from './docx-styles.js';
import { zipArchive } from './zip.js';

export { preloadDocx } from './docx-library.js';

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

type Align = 'left' | 'center' | 'right' | 'both';

/** A run of text as laid out: fonts by script, size in half-points, bold only where set. */
interface RunLayout {
  text: string;
  /** Latin and digits (ascii, hAnsi). */
  latin: string;
  /** Chinese (eastAsia, cs). */
  eastAsia: string;
  size: number;
  bold?: boolean;
}

/** A paragraph as laid out, in Word's units (twips). */
interface ParagraphLayout {
  kind: 'paragraph';
  heading?: 1 | 2;
  keepNext?: boolean;
  /** Space before and after; a line height (exact) where the style fixes one. */
  spacing?: { before: number; after: number; line?: number };
  firstLine?: number;
  align?: Align;
  run?: RunLayout;
}

interface TableLayout {
  kind: 'table';
  width: number;
  widths: number[];
  /** The first row is the header (repeated on every page); each cell is its lines' paragraphs. */
  rows: ParagraphLayout[][][];
}

type Part = ParagraphLayout | TableLayout;

/**
 * Every paragraph and table of the document with its fonts, sizes, spacing and alignment, decided
 * once: both writers below (docx's objects, and the XML written directly) only put it into words.
 */
function layOut(doc: DocumentTree, st: Style, textWidth: number): Part[] {
  const zh = doc.lang === 'zh';
  const run = (text: string, f: { font: string; size: number; bold?: boolean }): RunLayout => ({
    text: stripControls(text),
    latin: zh ? 'Times New Roman' : f.font,
    eastAsia: f.font,
    size: f.size * 2,
    bold: f.bold,
  });
  const spacing = (before = 0, after = 0) => (st.line ? { line: st.line * PT, before, after } : { before, after: after || 6 * PT });

  const parts: Part[] = [];
  parts.push({ kind: 'paragraph', align: 'center', spacing: { ...spacing(0, 0), line: st.line ? 36 * PT : undefined }, run: run(doc.title, st.title) });
  for (const m of doc.meta) parts.push({ kind: 'paragraph', align: 'center', spacing: spacing(), run: run(`${m.label}${m.value}`, st.meta) });
  parts.push({ kind: 'paragraph', spacing: spacing() });

  const table = (tb: DocTable) => {
    if (tb.caption) parts.push({ kind: 'paragraph', align: 'center', keepNext: true, spacing: spacing(6 * PT, 0), run: run(tb.caption, { ...st.h1, size: st.body.size - 2 }) });
    const widths = columnWidths(tb, textWidth, st.table.size);
    const cell = (text: string, header: boolean, right: boolean): ParagraphLayout[] =>
      stripControls(text)
        .split(/\r\n|\r|\n/)
        .map((line) => ({ kind: 'paragraph', align: header ? 'center' : right ? 'right' : 'left', run: run(line, { ...st.table, bold: header && !zh }) }));
    const rows = [
      tb.columns.map((c) => cell(c.header, true, false)),
      ...tb.rows.map((r) => tb.columns.map((c, i) => cell(r[i] === null || r[i] === undefined ? (c.type === 'count' ? '—' : '') : cellText(r[i]!), false, c.type === 'count'))),
    ];
    parts.push({ kind: 'table', width: textWidth, widths, rows });
    for (const n of tb.notes ?? []) parts.push({ kind: 'paragraph', spacing: spacing(), run: run(n, st.table) });
  };
  const block = (b: Block) => {
    if (b.kind === 'paragraph') parts.push({ kind: 'paragraph', spacing: spacing(), firstLine: st.indent * PT, align: 'both', run: run(b.sentences.join(zh ? '' : ' '), st.body) });
    else if (b.kind === 'table') table(b);
    else {
      const f = b.level === 1 ? st.h1 : st.h2;
      const text = `${b.number}${zh || !b.number ? '' : ' '}${b.title}`;
      parts.push({ kind: 'paragraph', heading: b.level, keepNext: true, spacing: spacing(st.line ? 0 : 12 * PT), firstLine: st.indent * PT, run: run(text, f) });
      b.blocks.forEach(block);
    }
  };
  doc.blocks.forEach(block);
  return parts;
}

/** The parts as docx's objects: the library's own way, kept as the reference the direct XML is tested against. */
function docxParts(d: Docx, parts: Part[]): (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] {
  const ALIGN = { left: d.AlignmentType.LEFT, center: d.AlignmentType.CENTER, right: d.AlignmentType.RIGHT, both: d.AlignmentType.JUSTIFIED } as const;
  const paragraph = (p: ParagraphLayout) =>
    new d.Paragraph({
      heading: p.heading === undefined ? undefined : p.heading === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2,
      keepNext: p.keepNext,
      spacing: p.spacing && (p.spacing.line === undefined ? { before: p.spacing.before, after: p.spacing.after } : { ...p.spacing, lineRule: d.LineRuleType.EXACT }),
      indent: p.firstLine === undefined ? undefined : { firstLine: p.firstLine },
      alignment: p.align && ALIGN[p.align],
      children: p.run ? [new d.TextRun({ text: p.run.text, font: { ascii: p.run.latin, hAnsi: p.run.latin, eastAsia: p.run.eastAsia, cs: p.run.eastAsia }, size: p.run.size, bold: p.run.bold })] : [],
    });
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  return parts.map((p) =>
    p.kind === 'paragraph'
      ? paragraph(p)
      : new d.Table({
          rows: p.rows.map(
            (cells, r) =>
              new d.TableRow({
                ...(r === 0 ? { tableHeader: true } : {}),
                cantSplit: true,
                children: cells.map((lines, i) => new d.TableCell({ width: { size: p.widths[i]!, type: d.WidthType.DXA }, verticalAlign: d.VerticalAlign.CENTER, children: lines.map(paragraph) })),
              }),
          ),
          width: { size: p.width, type: d.WidthType.DXA },
          columnWidths: p.widths,
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        }),
  );
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** Text and attribute values escaped as docx's serialiser (the xml package) escapes them. */
const esc = (s: string) => (/[&"'<>]/.test(s) ? s.replace(/[&"'<>]/g, (c) => XML_ESCAPES[c]!) : s);

/**
 * The parts as WordprocessingML, written directly: the same elements, attributes and order as docx
 * 9.7 writes for the objects of docxParts (a test compares the two on varied documents). docx
 * builds an object per element and serialises them through two more trees, 0.3-0.5 s and 50 MB for
 * a month's report, where this string is a few milliseconds.
 */
function partsXml(parts: Part[]): string {
  const props = new Map<string, string>();
  const run = (r: RunLayout) => {
    const key = `${r.latin}\u0000${r.eastAsia}\u0000${r.size}\u0000${r.bold}`;
    let rPr = props.get(key);
    if (rPr === undefined) {
      const bold = r.bold === undefined ? '' : r.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
      rPr = `<w:r><w:rPr><w:rFonts w:ascii="${esc(r.latin)}" w:cs="${esc(r.eastAsia)}" w:eastAsia="${esc(r.eastAsia)}" w:hAnsi="${esc(r.latin)}"/>${bold}<w:sz w:val="${r.size}"/><w:szCs w:val="${r.size}"/></w:rPr><w:t xml:space="preserve">`;
      props.set(key, rPr);
    }
    return `${rPr}${esc(r.text)}</w:t></w:r>`;
  };
  const paragraph = (p: ParagraphLayout) => {
    let pPr = '';
    if (p.heading !== undefined) pPr += `<w:pStyle w:val="Heading${p.heading}"/>`;
    if (p.keepNext) pPr += '<w:keepNext/>';
    if (p.spacing) pPr += `<w:spacing w:after="${p.spacing.after}" w:before="${p.spacing.before}"${p.spacing.line === undefined ? '' : ` w:line="${p.spacing.line}" w:lineRule="exact"`}/>`;
    if (p.firstLine !== undefined) pPr += `<w:ind w:firstLine="${p.firstLine}"/>`;
    if (p.align) pPr += `<w:jc w:val="${p.align}"/>`;
    const inner = (pPr ? `<w:pPr>${pPr}</w:pPr>` : '') + (p.run ? run(p.run) : '');
    return inner ? `<w:p>${inner}</w:p>` : '<w:p/>';
  };
  const BORDER = 'w:val="single" w:color="000000" w:sz="4"/>';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}`).join('');
  let out = '';
  for (const p of parts) {
    if (p.kind === 'paragraph') {
      out += paragraph(p);
      continue;
    }
    const tcPr = p.widths.map((w) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${w}"/><w:vAlign w:val="center"/></w:tcPr>`);
    out += `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${p.width}"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>`;
    out += p.widths.length ? `<w:tblGrid>${p.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` : '<w:tblGrid/>';
    p.rows.forEach((cells, r) => {
      out += r === 0 ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
      cells.forEach((lines, i) => {
        out += tcPr[i];
        for (const l of lines) out += paragraph(l);
        out += '</w:tc>';
      });
      out += '</w:tr>';
    });
    out += '</w:tbl>';
  }
  return out;
}

export interface DocxOptions {
  /**
   * 'direct' (the default): docx makes every part but the body, which is written as XML directly,
   * and the archive is deflated by zlib. 'docx': all through docx's objects and Packer (the reference).
   */
  writer?: 'direct' | 'docx';
}

/** The .docx bytes of the document. */
export async function renderDocumentDocx(doc: DocumentTree, options: DocxOptions = {}): Promise<Buffer> {
  const d = loadDocx();
  const st = doc.lang === 'zh' ? ZH : EN;
  const A4 = { width: 11906, height: 16838 };
  const textWidth = A4.width - Math.round(st.margins.left) - Math.round(st.margins.right);
  const font = (name: string) => ({ ascii: doc.lang === 'zh' ? 'Times New Roman' : name, hAnsi: doc.lang === 'zh' ? 'Times New Roman' : name, eastAsia: name, cs: name });
  const spacing = (before = 0, after = 0) => (st.line ? { line: st.line * PT, lineRule: d.LineRuleType.EXACT, before, after } : { before, after: after || 6 * PT });
  const parts = layOut(doc, st, textWidth);

  const file = (children: ReturnType<typeof docxParts>) => {
    const footer = new d.Footer({
      children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: st.pageNumber(d.PageNumber.CURRENT as unknown as string), font: font(doc.lang === 'zh' ? '宋体' : st.body.font), size: 14 * 2 })] })],
    });
    const heading = (f: { font: string; size: number; bold: boolean }) => ({ run: { font: font(f.font), size: f.size * 2, bold: f.bold, color: '000000' }, paragraph: { spacing: spacing() } });
    return new d.Document({
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
  };

  const compile = options.writer === 'docx' ? undefined : docxCompiler(d);
  if (compile) {
    // docx makes the document without its body; the body goes in where docx's would be.
    const zip = compile(file([]));
    const entries: { name: string; dir: boolean; date: Date; async(type: 'nodebuffer'): Promise<Buffer> }[] = [];
    zip.forEach((_, e) => entries.push(e));
    const members = await Promise.all(entries.map(async (e) => ({ name: e.name, date: e.date, data: e.dir ? undefined : await e.async('nodebuffer') })));
    const main = members.find((m) => m.name === 'word/document.xml');
    const xml = main?.data?.toString('utf8') ?? '';
    const at = xml.indexOf('<w:body><w:sectPr');
    if (main && at >= 0 && xml.indexOf('<w:body>', at + 1) < 0) {
      const body = at + '<w:body>'.length;
      main.data = Buffer.from(xml.slice(0, body) + partsXml(parts) + xml.slice(body), 'utf8');
      return zipArchive(members);
    }
  }
  return d.Packer.toBuffer(file(docxParts(d, parts)));
}
