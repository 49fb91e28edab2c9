// One document model, several renderers: a report (and later a handover list or an agenda) is built
// once as this neutral tree and then written as Markdown or docx. Redaction runs on the tree, before
// any renderer, so no format can forget it. Pure.
import type { Redactor } from './redact.js';

/** What a column holds: renderers align counts right, keep dates and names from breaking. */
export type ColumnType = 'date' | 'name' | 'text' | 'count' | 'status';

export interface DocColumn {
  header: string;
  type: ColumnType;
}

/** A person's name in a table cell, with the roster id redaction needs (none for plain names). */
export interface NameCell {
  name: string;
  id?: number | null;
}

export type Cell = string | number | NameCell | null;

export interface DocTable {
  kind: 'table';
  /** "附表1 走访对象与走访事项" */
  caption?: string;
  columns: DocColumn[];
  rows: Cell[][];
  /** Notes under the table (a partial interval, a cap on rows). */
  notes?: string[];
}

export interface DocParagraph {
  kind: 'paragraph';
  /** Sentences in the user's language, joined by the renderer without extra spaces in zh. */
  sentences: string[];
}

export interface DocSection {
  kind: 'section';
  /** 1: 一、二、 (1. 2.); 2: （一）（二） ((1) (2)). */
  level: 1 | 2;
  /** The number as printed, "一、" or "（二）", "1." or "(2)"; empty for an unnumbered part (附表). */
  number: string;
  title: string;
  blocks: Block[];
}

export type Block = DocParagraph | DocTable | DocSection;

export interface DocumentTree {
  lang: 'en' | 'zh';
  title: string;
  /** Lines under the title: 报告人, 报送日期. */
  meta: { label: string; value: string }[];
  blocks: Block[];
}

const ZH_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers go no further). */
export function chineseNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_DIGITS[tens]}十${ones ? ZH_DIGITS[ones] : ''}`;
}

/** The printed number of the n-th (1-based) section of a level: 一、 （一） in zh, 1. (1) in en. */
export function sectionNumber(lang: 'en' | 'zh', level: 1 | 2, n: number): string {
  if (lang === 'zh') return level === 1 ? `${chineseNumber(n)}、` : `（${chineseNumber(n)}）`;
  return level === 1 ? `${n}.` : `(${n})`;
}

/** Number a list of sections of one level in order (blocks that are not sections keep their place). */
export function numberSections(lang: 'en' | 'zh', level: 1 | 2, blocks: Block[]): Block[] {
  let n = 0;
  return blocks.map((b) => (b.kind === 'section' && b.number !== '' ? { ...b, level, number: sectionNumber(lang, level, ++n) } : b));
}

export const cellText = (c: Cell): string => (c === null ? '' : typeof c === 'object' ? c.name : String(c));

/**
 * The tree with every name pseudonymised and every free text masked (names, households, phones).
 * Figures (numbers) and the structure stay as they are.
 */
export function redactDocument(doc: DocumentTree, r: Redactor): DocumentTree {
  const cell = (c: Cell, type: ColumnType): Cell => {
    if (c === null || typeof c === 'number') return c;
    if (typeof c === 'object') return r.person(c.name, c.id ?? null);
    return type === 'name' ? r.person(c) : r.text(c);
  };
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'paragraph':
        return { ...b, sentences: b.sentences.map((s) => r.text(s)) };
      case 'table':
        return {
          ...b,
          caption: b.caption === undefined ? undefined : r.text(b.caption),
          rows: b.rows.map((row) => row.map((c, i) => cell(c, b.columns[i]?.type ?? 'text'))),
          notes: b.notes?.map((n) => r.text(n)),
        };
      case 'section':
        return { ...b, title: r.text(b.title), blocks: b.blocks.map(block) };
    }
  };
  return { ...doc, title: r.text(doc.title), meta: doc.meta.map((m) => ({ label: m.label, value: r.text(m.value) })), blocks: doc.blocks.map(block) };
}

/** Every text of the tree in reading order (for tests and for the redaction proof). */
export function documentText(doc: DocumentTree): string[] {
  const out = [doc.title, ...doc.meta.map((m) => `${m.label}${m.value}`)];
  const walk = (b: Block) => {
    if (b.kind === 'paragraph') out.push(b.sentences.join(''));
    else if (b.kind === 'table') {
      if (b.caption) out.push(b.caption);
      out.push(b.columns.map((c) => c.header).join('|'));
      for (const row of b.rows) out.push(row.map(cellText).join('|'));
      out.push(...(b.notes ?? []));
    } else {
      out.push(`${b.number}${b.title}`);
      b.blocks.forEach(walk);
    }
  };
  doc.blocks.forEach(walk);
  return out;
}
