// The document tree as GitHub-flavoured Markdown: # title, ## numbered parts, ### (一)(二), tables
// whose separator dashes are in proportion to their content, so that pandoc gives sensible column
// widths; counts aligned right. User text is escaped (mdText, mdCell).
import { cellText, type Block, type DocTable, type DocumentTree } from '../domain/document.js';
import { mdCell, mdText } from './escape.js';

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

const DASH_MIN = 3;
const DASH_MAX = 40;

/** Separator dashes per column: the widest cell (header included), within bounds. */
export function dashWidths(tb: DocTable): number[] {
  return tb.columns.map((c, i) => {
    // A loop, not Math.max(...cells): a table of every visit (--detail-limit 0) has more cells than the stack has room for arguments.
    let widest = displayWidth(c.header);
    for (const r of tb.rows) widest = Math.max(widest, displayWidth(cellText(r[i] ?? null)));
    return Math.min(DASH_MAX, Math.max(DASH_MIN, widest));
  });
}

function table(tb: DocTable, zh: boolean): string[] {
  const out: string[] = [];
  if (tb.caption) out.push(`**${mdText(tb.caption)}**`, '');
  const widths = dashWidths(tb);
  out.push(`| ${tb.columns.map((c) => mdCell(c.header)).join(' | ')} |`);
  out.push(`|${tb.columns.map((c, i) => ` ${'-'.repeat(c.type === 'count' ? widths[i]! - 1 : widths[i]!)}${c.type === 'count' ? ':' : ''} `).join('|')}|`);
  for (const row of tb.rows) out.push(`| ${tb.columns.map((c, i) => mdCell(row[i] === null || row[i] === undefined ? (c.type === 'count' ? '—' : '') : cellText(row[i]!))).join(' | ')} |`);
  out.push('');
  for (const n of tb.notes ?? []) out.push(mdText(n), '');
  void zh;
  return out;
}

export function renderDocumentMarkdown(doc: DocumentTree): string {
  const zh = doc.lang === 'zh';
  const out: string[] = [`# ${mdText(doc.title)}`, ''];
  for (const m of doc.meta) out.push(mdText(`${m.label}${m.value}`), '');
  const block = (b: Block) => {
    switch (b.kind) {
      case 'paragraph':
        out.push(mdText(b.sentences.join(zh ? '' : ' ')), '');
        break;
      case 'table':
        // One line at a time: a table's lines may be more than a call can take as arguments.
        for (const line of table(b, zh)) out.push(line);
        break;
      case 'section':
        out.push(`${'#'.repeat(b.level + 1)} ${mdText(`${b.number}${zh || !b.number ? '' : ' '}${b.title}`)}`, '');
        b.blocks.forEach(block);
        break;
    }
  };
  doc.blocks.forEach(block);
  return `${out.join('\n').trimEnd()}\n`;
}
