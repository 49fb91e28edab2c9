// How the agenda looks: one listing for every --format but ics, coloured by urgency on a terminal.
import type { DueItem } from '../domain/due.js';
import { label, t } from '../i18n/index.js';
import { c } from './color.js';
import type { Listing } from './output.js';

/** "3 d overdue", "today", "in 4 d": the days column in words. */
export function daysText(days: number): string {
  if (days < 0) return t('agenda.overdue_by', { n: -days });
  if (days === 0) return t('agenda.due_today');
  return t('agenda.due_in', { n: days });
}

/** Overdue red, due today yellow, the rest plain: urgency within the colour rules (none when piped). */
function urgency(item: DueItem): ((s: string) => string) | undefined {
  if (item.days < 0) return c().red;
  if (item.days === 0) return c().yellow;
  return undefined;
}

/** The JSON object of an item: the public contract (kind, ref, title, person, due, days, action), plus reason and key. */
export function dueItemJson(i: DueItem) {
  return { kind: i.kind, reason: i.reason, ref: i.ref, title: i.title, person: i.person, due: i.due, days: i.days, action: i.action, key: i.key };
}

export function agendaListing(items: DueItem[], today: string, last: string): Listing<DueItem> {
  return {
    title: t('agenda.title', { today, last }),
    columns: [
      { key: 'due', header: t('agenda.col.due'), value: (i) => i.due, paint: urgency },
      { key: 'days', header: t('agenda.col.days'), value: (i) => i.days, text: (i) => daysText(i.days), paint: urgency },
      { key: 'kind', header: t('agenda.col.kind'), value: (i) => i.kind, text: (i) => label('due_kind', i.kind) },
      { key: 'title', header: t('agenda.col.what'), value: (i) => i.title, maxWidth: 60 },
      { key: 'person', header: t('col.person'), value: (i) => i.person },
      { key: 'action', header: t('agenda.col.action'), value: (i) => i.action },
    ],
    rows: items,
    json: dueItemJson,
    empty: t('agenda.empty', { last }),
  };
}
