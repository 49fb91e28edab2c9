// How people look in lists and records.
import type { Person } from '../domain/people.js';
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
