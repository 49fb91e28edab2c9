// How pairings and their help log look.
import { pairSchedule, type Pair, type PairLog } from '../domain/pair.js';
import type { IsoDate } from '../time/dates.js';
import { c } from './color.js';
import { label, t } from '../i18n/index.js';
import type { Field, Listing } from './output.js';
import { recordStamps } from './output.js';

/** A pairing as JSON: the stored fields and what follows from them today. */
export function pairJson(p: Pair, today: IsoDate) {
  return { ...p, ...pairSchedule(p, today) };
}

function statusText(p: Pair, today: IsoDate): string {
  const s = pairSchedule(p, today);
  return s.overdue ? `${label('pair_status', s.status)} (${t('msg.overdue')})` : label('pair_status', s.status);
}

export function pairListing(pairs: Pair[], today: IsoDate): Listing<Pair> {
  const overduePaint = (p: Pair) => (pairSchedule(p, today).overdue ? c().red : undefined);
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (p) => p.id },
      { key: 'person', header: t('col.person'), value: (p) => p.person },
      { key: 'person_kind', header: t('col.kind'), value: (p) => p.person_kind, text: (p) => label('pair_kind', p.person_kind) },
      { key: 'helper', header: t('col.helper'), value: (p) => p.helper },
      { key: 'needs', header: t('col.needs'), value: (p) => p.needs, maxWidth: 30 },
      { key: 'started_on', header: t('col.started_on'), value: (p) => p.started_on },
      { key: 'last_contact', header: t('col.last_contact'), value: (p) => p.last_contact, text: (p) => p.last_contact ?? t('msg.never') },
      {
        key: 'next_contact_due',
        header: t('col.next_contact_due'),
        value: (p) => pairSchedule(p, today).next_contact_due,
        text: (p) => pairSchedule(p, today).next_contact_due ?? '',
        paint: overduePaint,
      },
      { key: 'entries', header: t('col.entries'), value: (p) => p.entries },
      { key: 'status', header: t('col.status'), value: (p) => pairSchedule(p, today).status, text: (p) => statusText(p, today), paint: overduePaint },
    ],
    rows: pairs,
    json: (p) => pairJson(p, today),
    empty: t('msg.no_pairs'),
  };
}

export function pairFields(p: Pair, today: IsoDate): Field[] {
  const s = pairSchedule(p, today);
  return [
    { key: 'id', label: t('col.id'), value: p.id },
    { key: 'person_id', label: t('col.person_id'), value: p.person_id },
    { key: 'person', label: t('col.person'), value: p.person },
    { key: 'person_kind', label: t('col.kind'), value: p.person_kind, text: label('pair_kind', p.person_kind) },
    { key: 'helper', label: t('col.helper'), value: p.helper },
    { key: 'needs', label: t('col.needs'), value: p.needs },
    { key: 'measures', label: t('col.measures'), value: p.measures },
    { key: 'cadence_days', label: t('col.cadence_days'), value: p.cadence_days },
    { key: 'started_on', label: t('col.started_on'), value: p.started_on },
    { key: 'last_contact', label: t('col.last_contact'), value: p.last_contact, text: p.last_contact ?? t('msg.never') },
    { key: 'next_contact_due', label: t('col.next_contact_due'), value: s.next_contact_due },
    { key: 'entries', label: t('col.entries'), value: p.entries },
    { key: 'status', label: t('col.status'), value: s.status, text: statusText(p, today) },
    { key: 'ended_on', label: t('col.ended_on'), value: p.ended_on },
    { key: 'outcome', label: t('col.outcome'), value: p.outcome },
    ...recordStamps(p),
  ];
}

export function pairLogListing(entries: PairLog[]): Listing<PairLog> {
  return {
    title: t('title.pair_log'),
    columns: [
      { key: 'id', header: t('col.id'), value: (e) => e.id },
      { key: 'date', header: t('col.date'), value: (e) => e.date },
      { key: 'action', header: t('col.action'), value: (e) => e.action, maxWidth: 50 },
      { key: 'result', header: t('col.result'), value: (e) => e.result, maxWidth: 50 },
    ],
    rows: entries,
    json: (e) => e,
    empty: t('msg.no_pair_log'),
  };
}
