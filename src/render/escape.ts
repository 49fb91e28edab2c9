// Text typed by users is untrusted when printed. Pure.
import { plainText } from '../i18n/plain.js';

/** Remove terminal control characters, bidi overrides and zero-width characters (keeps tab and newline). */
export function stripControls(s: string): string {
  return plainText(s);
}

// Colour (SGR: ESC [ digits ; m) is the one escape sequence fs itself writes.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * What reaches a terminal: everything stripControls removes, except fs's own colours. The last
 * guard of every write to a terminal (io.ts); renderers have cleaned user text already, so no
 * user-typed sequence reaches this point as a whole.
 */
export function terminalSafe(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(SGR)) {
    out += plainText(s.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + plainText(s.slice(last));
}

/** A TSV cell: no controls, and tabs and line breaks become spaces so each record stays one line. */
export function tsvCell(s: string): string {
  return stripControls(s.replace(/\r\n|[\t\r\n]/g, ' '));
}

/** A CSV cell (RFC 4180), defused against spreadsheet formula injection. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Controls and invisible characters go first: "\x01=cmd" must be seen as the "=cmd" a spreadsheet reads.
  let s = stripControls(String(value).replace(/\r\n?/g, '\n'));
  // A cell beginning with = + - @ or tab is run as a formula by spreadsheets (full-width ＝＋－＠ too): prefix a quote.
  if (/^[=+\-@\t\n\uff1d\uff0b\uff0d\uff20]/.test(s)) s = `'${s}`;
  return /[",\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * User text as Markdown text: raw HTML (<img onerror=…>) and link or image syntax
 * ([x](javascript:…)) are escaped so they render as the characters typed (and backslashes, so
 * that a typed one cannot undo an escape). Emphasis is left alone: it cannot run anything.
 */
function mdEscape(s: string): string {
  return s.replace(/[\\[\]<>&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

/** A Markdown (GFM) table cell: pipes escaped, line breaks as <br>, no controls, no HTML or links. */
export function mdCell(s: string): string {
  return mdEscape(stripControls(s))
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/** Markdown text outside tables (titles, paragraphs): no controls, no line breaks that would end a heading, no HTML or links. */
export function mdText(s: string): string {
  return mdEscape(stripControls(s)).replace(/\r\n|\r|\n/g, ' ');
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
