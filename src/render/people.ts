// How people look in lists and records.
import type { Person, PersonInput } from '../domain/people.js';
import type { RosterProblem } from '../domain/roster-import.js';
import { joinList, label, t } from '../i18n/index.js';
import type { Field, Listing } from './output.js';
import { recordStamps } from './output.js';

export function tagsText(tags: readonly string[]): string {
  return joinList(tags.map((k) => label('person_tag', k)));
}

export function personListing(people: Person[]): Listing<Person> {
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (p) => p.id },
      { key: 'name', header: t('col.name'), value: (p) => p.name },
      { key: 'household', header: t('col.household'), value: (p) => p.household },
      { key: 'group', header: t('col.group'), value: (p) => p.group },
      { key: 'phone', header: t('col.phone'), value: (p) => p.phone },
      { key: 'tags', header: t('col.tags'), value: (p) => p.tags, text: (p) => tagsText(p.tags) },
      { key: 'notes', header: t('col.notes'), value: (p) => p.notes, maxWidth: 40 },
    ],
    rows: people,
    json: (p) => p,
    empty: t('msg.no_people'),
  };
}

export function personFields(p: Person): Field[] {
  return [
    { key: 'id', label: t('col.id'), value: p.id },
    { key: 'name', label: t('col.name'), value: p.name },
    { key: 'household', label: t('col.household'), value: p.household },
    { key: 'group', label: t('col.group'), value: p.group },
    { key: 'phone', label: t('col.phone'), value: p.phone },
    { key: 'tags', label: t('col.tags'), value: p.tags, text: tagsText(p.tags) },
    { key: 'notes', label: t('col.notes'), value: p.notes },
    ...recordStamps(p),
  ];
}

/** What `fs person import --dry-run` would add, by spreadsheet row. */
export function rosterPlanListing(rows: ReadonlyArray<{ row: number; person: PersonInput }>): Listing<{ row: number; person: PersonInput }> {
  return {
    columns: [
      { key: 'row', header: t('roster.col.row'), value: (r) => r.row },
      { key: 'name', header: t('col.name'), value: (r) => r.person.name },
      { key: 'household', header: t('col.household'), value: (r) => r.person.household ?? null },
      { key: 'group', header: t('col.group'), value: (r) => r.person.group ?? null },
      { key: 'phone', header: t('col.phone'), value: (r) => r.person.phone ?? null },
      { key: 'tags', header: t('col.tags'), value: (r) => r.person.tags ?? [], text: (r) => tagsText(r.person.tags ?? []) },
      { key: 'notes', header: t('col.notes'), value: (r) => r.person.notes ?? null, maxWidth: 40 },
    ],
    rows: [...rows],
    empty: t('msg.no_people'),
  };
}

/** Every problem an import found, by sheet, row and column. */
export function rosterProblemListing(problems: readonly RosterProblem[]): Listing<RosterProblem> {
  return {
    columns: [
      { key: 'sheet', header: t('what.sheet'), value: (p) => p.sheet },
      { key: 'row', header: t('roster.col.row'), value: (p) => p.row },
      { key: 'column', header: t('roster.help.column'), value: (p) => p.column },
      { key: 'problem', header: t('roster.col.problem'), value: (p) => p.reason, text: (p) => t(p.reason, { value: p.value }) },
      { key: 'value', header: t('col.value'), value: (p) => p.value },
    ],
    rows: [...problems],
  };
}
