// A roster from a spreadsheet (the 花名册 template or another system's export): which column is
// which, each row checked as the CLI checks a person, duplicates found. Pure: reading the file is
// src/render/xlsx.ts's, writing the rows src/db/people.ts's.
import { hasMessage, t, type MessageKey } from '../i18n/index.js';
import { PERSON_TAGS, type PersonInput, type PersonTag } from './people.js';

export const ROSTER_COLUMNS = ['name', 'household', 'group', 'phone', 'tags', 'notes'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** The header a template carries, in the user's language. */
export const rosterHeader = (c: RosterColumn) => t(`roster.col.${c}` as MessageKey);

/** Headers accepted for each column: the template's in either language, their short forms, the JSON keys. */
function headerNames(c: RosterColumn): string[] {
  const short = `roster.short.${c}`;
  const names = [c, t(`roster.col.${c}` as MessageKey, {}, 'en'), t(`roster.col.${c}` as MessageKey, {}, 'zh')];
  if (hasMessage(short)) names.push(...t(short as MessageKey, {}, 'en').split('|'), ...t(short as MessageKey, {}, 'zh').split('|'));
  return names.map(normalise);
}

const normalise = (s: string) => s.replace(/\s+/g, '').toLowerCase();

export interface RosterProblem {
  sheet: string;
  /** 1-based, as the spreadsheet numbers rows */
  row: number;
  column: string;
  reason: MessageKey;
  value: string;
}

/** Which column holds what: header cell → roster column. 姓名 is required; unknown columns are ignored. */
export function matchHeaders(headers: readonly string[]): Partial<Record<RosterColumn, number>> {
  const found: Partial<Record<RosterColumn, number>> = {};
  headers.forEach((h, i) => {
    const n = normalise(h ?? '');
    const col = ROSTER_COLUMNS.find((c) => headerNames(c).includes(n));
    if (col && found[col] === undefined) found[col] = i;
  });
  return found;
}

let tagNames: Map<string, PersonTag> | undefined;

/** A tag given by its key or its label in either language (困难户, 脱贫户 and 监测户 are each `poor`). */
export function parseTag(value: string): PersonTag | undefined {
  // Every accepted spelling, made once: a roster of 10,000 rows asks for a tag on most of them.
  if (!tagNames) {
    // Filled from the last tag to the first: where two tags share a spelling, the first wins, as before.
    tagNames = new Map();
    for (const k of [...PERSON_TAGS].reverse()) {
      for (const name of [k, ...[t(`person_tag.${k}`, {}, 'en'), ...t(`person_tag.${k}`, {}, 'zh').split('/')].map(normalise)]) tagNames.set(name, k);
    }
  }
  return tagNames.get(normalise(value));
}

/** A phone number as typed (spaces, dashes, +86): a mainland mobile is 11 digits starting with 1; a landline starts with 0. */
export function parsePhone(value: string): string | undefined {
  const digits = value.replace(/[\s\-()（）.]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(digits)) return digits;
  if (/^0\d{9,11}$/.test(digits)) return value.trim();
  return undefined;
}

export interface RosterPlan {
  /** Rows to add, with the spreadsheet row they came from. */
  add: Array<{ row: number; person: PersonInput }>;
  duplicates: Array<{ row: number; name: string; household: string | null; of: number | 'roster' }>;
  problems: RosterProblem[];
}

const dupKey = (name: string, household: string | null | undefined) => `${name}\u0000${household ?? ''}`;

/**
 * Check every row before anything is written: what would be added, which rows repeat a roster
 * entry or an earlier row (same name and household), and every problem with its row and column.
 */
export function planRosterImport(sheet: string, rows: readonly (readonly string[])[], roster: ReadonlyArray<{ name: string; household: string | null }>): RosterPlan {
  const plan: RosterPlan = { add: [], duplicates: [], problems: [] };
  const header = rows[0] ?? [];
  const cols = matchHeaders(header);
  if (cols.name === undefined) {
    plan.problems.push({ sheet, row: 1, column: rosterHeader('name'), reason: 'roster.err.no_name_column', value: header.join(', ') });
    return plan;
  }
  const seen = new Map<string, number | 'roster'>(roster.map((p) => [dupKey(p.name, p.household), 'roster' as const]));
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: RosterColumn) => (cols[c] === undefined ? '' : (cells[cols[c]!] ?? '').trim());
    if (ROSTER_COLUMNS.every((c) => cell(c) === '')) return; // a blank line between entries
    const before = plan.problems.length;
    const problem = (c: RosterColumn, reason: MessageKey, value: string) => plan.problems.push({ sheet, row, column: header[cols[c]!] ?? rosterHeader(c), reason, value });
    const name = cell('name');
    if (name === '') problem('name', 'roster.err.name_empty', '');
    const phoneText = cell('phone');
    const phone = phoneText === '' ? null : parsePhone(phoneText);
    if (phone === undefined) problem('phone', 'roster.err.phone', phoneText);
    const tags: PersonTag[] = [];
    for (const part of cell('tags').split(/[、,，;；/]+/).filter(Boolean)) {
      const tag = parseTag(part);
      if (!tag) problem('tags', 'roster.err.tag', part);
      else if (!tags.includes(tag)) tags.push(tag);
    }
    if (plan.problems.length > before) return;
    const household = cell('household') || null;
    const key = dupKey(name, household);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      plan.duplicates.push({ row, name, household, of: earlier });
      return;
    }
    seen.set(key, row);
    plan.add.push({ row, person: { name, household, group: cell('group') || null, phone, tags, notes: cell('notes') || null } });
  });
  return plan;
}
