// How concerns look.
import { isFinished, isOverdue, type Concern } from '../domain/concerns.js';
import type { IsoDate } from '../time/dates.js';
import { c } from './color.js';
import { label, t } from '../i18n/index.js';
import type { Listing } from './output.js';

export function concernListing(concerns: Concern[], today: IsoDate): Listing<Concern> {
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (x) => x.id },
      { key: 'raised_on', header: t('col.raised_on'), value: (x) => x.raised_on },
      { key: 'person', header: t('col.person'), value: (x) => x.person },
      { key: 'text', header: t('col.concern'), value: (x) => x.text, maxWidth: 40 },
      {
        key: 'status',
        header: t('col.status'),
        value: (x) => x.status,
        text: (x) => (isOverdue(x, today) ? `${label('concern_status', x.status)} (${t('msg.overdue')})` : label('concern_status', x.status)),
        paint: (x) => (isOverdue(x, today) ? c().red : undefined),
      },
      { key: 'referred_to', header: t('col.referred_to'), value: (x) => x.referred_to },
      { key: 'due_on', header: t('col.due_on'), value: (x) => x.due_on },
      { key: 'feedback_on', header: t('col.feedback_on'), value: (x) => x.feedback_on, optional: true },
      { key: 'visit_id', header: t('col.visit_id'), value: (x) => x.visit_id, optional: true },
    ],
    rows: concerns,
    json: (x) => ({ ...x, overdue: isOverdue(x, today), finished: isFinished(x) }),
    empty: t('msg.no_concerns'),
  };
}
