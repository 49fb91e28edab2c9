// Text typed by users is untrusted when printed. Pure.

// ESC and the other C0 controls except tab and newline, DEL, and the C1 range.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Remove terminal control characters (keeps tab and newline). */
export function stripControls(s: string): string {
  return s.replace(CONTROLS, '');
}

/** A TSV cell: no controls, and tabs and line breaks become spaces so each record stays one line. */
export function tsvCell(s: string): string {
  return stripControls(s.replace(/\r\n|[\t\r\n]/g, ' '));
}

/** A CSV cell (RFC 4180), defused against spreadsheet formula injection. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let s = String(value);
  // A cell beginning with = + - @ tab or CR is run as a formula by spreadsheets: prefix a quote.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  s = s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  return /[",\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A Markdown (GFM) table cell: pipes escaped, line breaks as <br>, no controls. */
export function mdCell(s: string): string {
  return stripControls(s)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/** Markdown text outside tables (titles, paragraphs): no controls, no line breaks that would end a heading. */
export function mdText(s: string): string {
  return stripControls(s).replace(/\r\n|\r|\n/g, ' ');
}

/**
 * An error message on one line: it may echo a value the user typed (a date with a line break,
 * an ESC sequence, a megabyte of text). Breaks and tabs become spaces, controls go, and a very
 * long message is cut.
 */
export function oneLine(s: string, max = 1000): string {
  const flat = stripControls(s.replace(/\r\n|[\t\r\n\u2028\u2029]/g, ' '));
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
