// fs search: what is searched, how the typed text becomes words, how an index rowid is read, and
// the snippet around a match. Pure: the SQL is in src/db/search.ts, the index in migration 0008.
import { UsageError } from '../errors.js';
import type { Redactor } from './redact.js';

export const SEARCH_KINDS = ['person', 'visit', 'concern', 'dispute', 'pair', 'meeting', 'decision', 'plan'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The indexed tables, by the source number in the index rowid (migration 0008), and their kind. */
export const SEARCH_SOURCES = {
  1: { table: 'people', kind: 'person' },
  2: { table: 'visits', kind: 'visit' },
  3: { table: 'concerns', kind: 'concern' },
  4: { table: 'disputes', kind: 'dispute' },
  5: { table: 'dispute_events', kind: 'dispute' },
  6: { table: 'pairs', kind: 'pair' },
  7: { table: 'pair_logs', kind: 'pair' },
  8: { table: 'meetings', kind: 'meeting' },
  9: { table: 'decisions', kind: 'decision' },
  10: { table: 'decision_steps', kind: 'decision' },
  11: { table: 'plans', kind: 'plan' },
  12: { table: 'plan_milestones', kind: 'plan' },
  13: { table: 'plan_progress', kind: 'plan' },
} as const satisfies Record<number, { table: string; kind: SearchKind }>;
export type SearchSource = keyof typeof SEARCH_SOURCES;

export function sourcesOf(kinds: readonly SearchKind[]): SearchSource[] {
  const all = Object.keys(SEARCH_SOURCES).map(Number) as SearchSource[];
  return kinds.length === 0 ? all : all.filter((s) => kinds.includes(SEARCH_SOURCES[s].kind));
}

const DAY_MS = 86_400_000;
const SOURCE_SHIFT = 2 ** 28;
const DAY_SHIFT = 2 ** 32;

/** Days since 1970-01-01 of a YYYY-MM-DD date (as SQLite's unixepoch(date) / 86400). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The index rowid: (day << 32) | (source << 28) | id. */
export function encodeRowid(day: number, source: number, id: number): number {
  return day * DAY_SHIFT + source * SOURCE_SHIFT + id;
}

export function decodeRowid(rowid: number): { day: number; source: number; id: number } {
  const day = Math.floor(rowid / DAY_SHIFT);
  const rest = rowid - day * DAY_SHIFT;
  const source = Math.floor(rest / SOURCE_SHIFT);
  return { day, source, id: rest - source * SOURCE_SHIFT };
}

/**
 * The rowid range of a date range. With a range, undated records (people, day 0) are left out:
 * they did not happen in any period.
 */
export function rowidRange(from: string | undefined, to: string | undefined): { lo: number; hi: number } {
  if (!from && !to) return { lo: 0, hi: Number.MAX_SAFE_INTEGER };
  const lo = from ? dayNumber(from) : 1;
  const hi = to ? dayNumber(to) : 2 ** 20;
  return { lo: encodeRowid(Math.max(lo, 1), 0, 0), hi: encodeRowid(hi + 1, 0, 0) - 1 };
}

/**
 * The typed text as words: split on any space (full-width too); several words must all match.
 * Nothing but spaces is a usage error.
 */
export function searchWords(text: string): string[] {
  const words = text
    .split(/[\s\u3000]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  if (words.length === 0) throw new UsageError('err.search_empty');
  // The same word twice adds nothing.
  return [...new Set(words)];
}

/** Characters, not UTF-16 units: 𠮷 is one. */
export const charLength = (s: string): number => Array.from(s).length;

/** Shorter words are found through the trigrams they begin (migration 0008), longer ones as phrases. */
export const TRIGRAM = 3;

/** An FTS5 string: the word is always quoted, so `*`, `-`, `NEAR`, `AND`, quotes are plain text. */
export function ftsString(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 query for the words, given the index terms each short word begins (looked up by the
 * caller). Undefined when a short word begins no term: nothing can match.
 */
export function ftsQuery(words: readonly string[], termsOf: (word: string) => readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const w of words) {
    if (charLength(w) >= TRIGRAM) {
      parts.push(ftsString(w));
      continue;
    }
    const terms = termsOf(w);
    if (terms.length === 0) return undefined;
    parts.push(terms.length === 1 ? ftsString(terms[0]!) : `(${terms.map(ftsString).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

/** The range of index terms that begin with a short word (terms compare by their UTF-8 bytes). */
export function termPrefixRange(word: string): { from: string; below: string } {
  return { from: word, below: `${word}\u{10FFFF}` };
}

/** How the trigram tokenizer folds case, near enough for the short words we look up ourselves. */
export const foldCase = (s: string): string => s.toLowerCase();

export interface SearchField {
  /** English key of the field ('notes', 'step', 'help_log', ...). */
  field: string;
  text: string | null;
}

export interface Snippet {
  field: string;
  text: string;
  /** [start, end) offsets (UTF-16) of the matched words within text. */
  marks: Array<[number, number]>;
}

/** Every place a word occurs in text (case-insensitive), sorted, overlaps merged. */
export function findMarks(text: string, words: readonly string[]): Array<[number, number]> {
  const hay = foldCase(text);
  const marks: Array<[number, number]> = [];
  for (const w of words) {
    const needle = foldCase(w);
    if (!needle) continue;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) marks.push([at, at + needle.length]);
  }
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}

/**
 * The matched text in context: the field holding the most of the words (the first such field),
 * cut to about `width` characters around its first match, on one line. A record found through a
 * word hidden from this text (e.g. redacted) shows the start of its first non-empty field.
 */
export function makeSnippet(fields: readonly SearchField[], words: readonly string[], width = 60): Snippet {
  const present = fields.filter((f): f is SearchField & { text: string } => !!f.text && f.text.trim() !== '').map((f) => ({ ...f, text: f.text.replace(/\s+/g, ' ').trim() }));
  let best: { field: string; text: string; marks: Array<[number, number]>; words: number } | undefined;
  for (const f of present) {
    const found = words.filter((w) => foldCase(f.text).includes(foldCase(w))).length;
    if (found > (best?.words ?? 0)) best = { ...f, marks: findMarks(f.text, words), words: found };
  }
  if (!best) {
    const first = present[0];
    return first ? { field: first.field, ...cutAround(first.text, [], width) } : { field: '', text: '', marks: [] };
  }
  return { field: best.field, ...cutAround(best.text, best.marks, width) };
}

/** A window of `width` characters (not splitting a surrogate pair) that starts a little before the first mark. */
function cutAround(text: string, marks: Array<[number, number]>, width: number): { text: string; marks: Array<[number, number]> } {
  const chars = Array.from(text);
  if (chars.length <= width) return { text, marks };
  // Offsets in characters, to cut between characters.
  const toChar = (unit: number) => Array.from(text.slice(0, unit)).length;
  const first = marks[0] ? toChar(marks[0][0]) : 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(chars.length, start + width);
  start = Math.max(0, end - width);
  const head = start > 0 ? '…' : '';
  const tail = end < chars.length ? '…' : '';
  const before = chars.slice(0, start).join('').length;
  const body = chars.slice(start, end).join('');
  const shifted = marks
    .map(([a, b]): [number, number] => [a - before + head.length, b - before + head.length])
    .filter(([a, b]) => a >= head.length && b <= head.length + body.length);
  return { text: `${head}${body}${tail}`, marks: shifted };
}

/** What a hit shows: kind, ref, date, person and the snippet, after redaction when asked. */
export interface HitView {
  kind: SearchKind;
  ref: { entity: string; id: number; uid: string };
  date: string | null;
  person: string | null;
  /** Which part of the record the words were found in ('notes', 'step', ...). */
  field: string;
  snippet: string;
}

export interface RawHit {
  kind: SearchKind;
  ref: { entity: string; id: number; uid: string };
  date: string | null;
  person: { id: number | null; name: string } | null;
  fields: SearchField[];
}

/** Hits as shown. Redaction runs on the whole text before the snippet is cut, so no name survives at an edge. */
export function hitViews(hits: readonly RawHit[], words: readonly string[], redactor?: Redactor): HitView[] {
  return hits.map((h) => {
    const fields = redactor ? h.fields.map((f) => ({ ...f, text: redactor.text(f.text) })) : h.fields;
    const snippet = makeSnippet(fields, words);
    const person = h.person ? (redactor ? redactor.person(h.person.name, h.person.id) : h.person.name) : null;
    return { kind: h.kind, ref: h.ref, date: h.date, person, field: snippet.field, snippet: snippet.text };
  });
}
