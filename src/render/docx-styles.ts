// The Word file's two styles (src/render/document-docx.ts lays the document out in them). zh in the
// spirit of GB/T 9704-2012 (公文格式): A4, margins 37/35/28/26 mm, title 方正小标宋简体, 一级标题
// 黑体, 二级标题 楷体, body 仿宋 16 pt on a fixed 28 pt line; en: a plain, clean style.

export const MM = 56.693; // twips per millimetre
export const PT = 20; // twips per point (half-points for font sizes: pt * 2)

export interface Style {
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

export const ZH: Style = {
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

export const EN: Style = {
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
