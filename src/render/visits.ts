// How visits, coverage and stale households look.
import { VISIT_TOPICS, type Coverage, type Visit, type VisitLine } from '../domain/visits.js';
import type { StaleHousehold } from '../db/visits.js';
import { joinList, label, t } from '../i18n/index.js';
import type { Field, Listing } from './output.js';
import { recordStamps } from './output.js';

export function topicsText(topics: readonly string[]): string {
  return joinList(topics.map((k) => label('visit_topic', k)));
}

/** Visits as a listing: the columns need only a VisitLine; JSON prints each row as it is given. */
export function visitListing<V extends VisitLine>(visits: V[]): Listing<V> {
  // Lines read by listVisitLines share one topics list per set of topics: its text is made once.
  const topicTexts = new Map<readonly string[], string>();
  const topicsTextOf = (topics: readonly string[]): string => {
    let text = topicTexts.get(topics);
    if (text === undefined) {
      text = topicsText(topics);
      if (topicTexts.size < 64) topicTexts.set(topics, text);
    }
    return text;
  };
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (v) => v.id },
      { key: 'date', header: t('col.date'), value: (v) => v.date },
      { key: 'person', header: t('col.person'), value: (v) => v.person },
      { key: 'household', header: t('col.household'), value: (v) => v.household, optional: true },
      { key: 'group', header: t('col.group'), value: (v) => v.group, optional: true },
      { key: 'category', header: t('col.category'), value: (v) => v.category, text: (v) => label('visit_category', v.category) },
      { key: 'topics', header: t('col.topics'), value: (v) => v.topics, text: (v) => topicsTextOf(v.topics), optional: true },
      { key: 'concerns', header: t('col.concerns'), value: (v) => v.concerns, optional: true },
      { key: 'notes', header: t('col.notes'), value: (v) => v.notes, maxWidth: 40 },
    ],
    rows: visits,
    json: (v) => v,
    empty: t('msg.no_visits'),
  };
}

export function visitFields(v: Visit): Field[] {
  return [
    { key: 'id', label: t('col.id'), value: v.id },
    { key: 'date', label: t('col.date'), value: v.date },
    { key: 'person_id', label: t('col.person_id'), value: v.person_id },
    { key: 'person', label: t('col.person'), value: v.person },
    { key: 'household', label: t('col.household'), value: v.household },
    { key: 'group', label: t('col.group'), value: v.group },
    { key: 'category', label: t('col.category'), value: v.category, text: label('visit_category', v.category) },
    { key: 'topics', label: t('col.topics'), value: v.topics, text: topicsText(v.topics) },
    { key: 'place', label: t('col.place'), value: v.place },
    { key: 'notes', label: t('col.notes'), value: v.notes },
    ...recordStamps(v),
  ];
}

export type GridRow = Coverage['rows'][number];

/** The category × topic grid, with a totals row. */
export function coverageListing(cov: Coverage): Listing<GridRow> {
  const totalRow: GridRow = { category: 'total' as GridRow['category'], by_topic: cov.topic_totals, total: cov.total };
  return {
    title: t('title.coverage'),
    columns: [
      {
        key: 'category',
        header: t('col.category'),
        value: (r) => r.category,
        text: (r) => (r.category === ('total' as string) ? t('col.total') : label('visit_category', r.category)),
      },
      ...VISIT_TOPICS.map((k) => ({ key: k, header: label('visit_topic', k), value: (r: GridRow) => r.by_topic[k] })),
      { key: 'total', header: t('col.visits'), value: (r) => r.total },
    ],
    rows: [...cov.rows, totalRow],
  };
}

export function staleListing(rows: StaleHousehold[], days: number): Listing<StaleHousehold> {
  return {
    title: t('title.stale', { days }),
    columns: [
      { key: 'household_id', header: t('col.id'), value: (r) => r.household_id },
      { key: 'household', header: t('col.household'), value: (r) => r.household },
      { key: 'group', header: t('col.group'), value: (r) => r.group },
      { key: 'last_visit', header: t('col.last_visit'), value: (r) => r.last_visit, text: (r) => r.last_visit ?? t('msg.never') },
      { key: 'days_since', header: t('col.days_since'), value: (r) => r.days_since },
    ],
    rows,
    empty: t('msg.no_stale', { days }),
  };
}
