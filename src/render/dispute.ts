// How dispute cases, their parties and their timelines look.
import { disputeStanding, type Dispute, type DisputeEvent, type DisputeParty } from '../domain/dispute.js';
import type { IsoDate } from '../time/dates.js';
import { c } from './color.js';
import { joinList, label, t } from '../i18n/index.js';
import { tagsText } from './people.js';
import { recordStamps, type Field, type Listing } from './output.js';

/** The record as JSON: the stored case plus what today makes of it (deadline, overdue, windows). */
export function disputeJson(d: Dispute, today: IsoDate, mediationDays: number) {
  return { ...d, ...disputeStanding(d, today, mediationDays) };
}

export function partyText(p: DisputeParty): string {
  const id = p.person_id === null ? '' : `#${p.person_id} `;
  return `${id}${p.name}${p.tags.includes('petitioner') ? ` (${label('person_tag', 'petitioner')})` : ''}`;
}

function statusText(d: Dispute, today: IsoDate, days: number): string {
  const s = disputeStanding(d, today, days);
  const base = label('dispute_status', d.status);
  if (s.overdue) return `${base} (${t('dispute.msg.overdue')})`;
  if (s.revisit_is_due) return `${base} (${t('dispute.msg.revisit_due')})`;
  return base;
}

function sourceText(d: Dispute): string {
  const source = label('dispute_source', d.source);
  return d.channel ? `${source} (${label('petition_channel', d.channel)})` : source;
}

export function disputeListing(rows: Dispute[], today: IsoDate, mediationDays: number): Listing<Dispute> {
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (d) => d.id },
      { key: 'registered_on', header: t('dispute.col.registered_on'), value: (d) => d.registered_on },
      { key: 'title', header: t('dispute.col.title'), value: (d) => d.title, maxWidth: 30 },
      { key: 'category', header: t('dispute.col.category'), value: (d) => d.category, text: (d) => label('dispute_category', d.category) },
      { key: 'source', header: t('dispute.col.source'), value: (d) => d.source, text: sourceText },
      { key: 'parties', header: t('dispute.col.parties'), value: (d) => d.parties.map((p) => p.name), text: (d) => joinList(d.parties.map((p) => p.name)), maxWidth: 24 },
      {
        key: 'status',
        header: t('col.status'),
        value: (d) => d.status,
        text: (d) => statusText(d, today, mediationDays),
        paint: (d) => (disputeStanding(d, today, mediationDays).overdue ? c().red : undefined),
      },
      { key: 'due_on', header: t('dispute.col.due_on'), value: (d) => disputeStanding(d, today, mediationDays).due_on },
      { key: 'risk', header: t('dispute.col.risk'), value: (d) => d.risk, text: (d) => (d.risk ? label('dispute_risk', d.risk) : '') },
    ],
    rows,
    json: (d) => disputeJson(d, today, mediationDays),
    empty: t('dispute.msg.none'),
  };
}

export function disputeFields(d: Dispute, today: IsoDate, mediationDays: number): Field[] {
  const s = disputeStanding(d, today, mediationDays);
  const yesNo = (b: boolean) => t(`bool.${b}`);
  const fields: Field[] = [
    { key: 'id', label: t('col.id'), value: d.id },
    { key: 'title', label: t('dispute.col.title'), value: d.title },
    { key: 'status', label: t('col.status'), value: d.status, text: `${statusText(d, today, mediationDays)} (${t('dispute.msg.since', { date: d.status_on })})` },
    { key: 'category', label: t('dispute.col.category'), value: d.category, text: label('dispute_category', d.category) },
    { key: 'source', label: t('dispute.col.source'), value: d.source, text: sourceText(d) },
    { key: 'registered_on', label: t('dispute.col.registered_on'), value: d.registered_on },
    { key: 'parties', label: t('dispute.col.parties'), value: d.parties.map((p) => p.name), text: joinList(d.parties.map(partyText)) },
    { key: 'risk', label: t('dispute.col.risk'), value: d.risk, text: d.risk ? label('dispute_risk', d.risk) : '' },
    { key: 'flags', label: t('dispute.col.flags'), value: d.flags, text: joinList(d.flags.map((f) => label('dispute_flag', f))) },
    { key: 'description', label: t('dispute.col.description'), value: d.description },
    {
      key: 'visit_id',
      label: t('dispute.col.visit'),
      value: d.visit_id,
      text: d.visit_id === null ? '' : `#${d.visit_id} (${d.visit_date} ${d.visit_person ?? ''})`.replace(' )', ')'),
    },
    { key: 'mediation_deadline', label: t('dispute.col.mediation_deadline'), value: s.mediation_deadline },
  ];
  if (d.agreed_on) {
    fields.push(
      { key: 'agreed_on', label: t('dispute.col.agreed_on'), value: d.agreed_on },
      { key: 'agreement', label: t('dispute.col.agreement'), value: d.agreement },
      { key: 'responsibility', label: t('dispute.col.responsibility'), value: d.responsibility },
      { key: 'perform_by', label: t('dispute.col.perform_by'), value: d.perform_by },
      { key: 'court_confirmation', label: t('dispute.col.court_confirmation'), value: d.court_confirmation, text: yesNo(d.court_confirmation) },
    );
  }
  if (s.court_confirmation_until) {
    const open = today <= s.court_confirmation_until;
    fields.push({
      key: 'court_confirmation_until',
      label: t('dispute.col.court_confirmation_until'),
      value: s.court_confirmation_until,
      text: `${s.court_confirmation_until} (${open ? t('dispute.msg.window_open') : t('dispute.msg.window_closed')})`,
    });
  }
  fields.push({ key: 'revisit_due', label: t('dispute.col.revisit_due'), value: d.revisit_due });
  if (d.escalated_to) fields.push({ key: 'escalated_to', label: t('dispute.col.escalated_to'), value: d.escalated_to });
  fields.push(
    { key: 'overdue', label: t('dispute.col.overdue'), value: s.overdue, text: yesNo(s.overdue) },
    ...recordStamps(d),
  );
  return fields;
}

export function partyListing(parties: DisputeParty[]): Listing<DisputeParty> {
  return {
    title: t('dispute.title.parties'),
    columns: [
      { key: 'person_id', header: t('dispute.col.person_id'), value: (p) => p.person_id, text: (p) => (p.person_id === null ? t('dispute.msg.not_on_roster') : `#${p.person_id}`) },
      { key: 'name', header: t('col.name'), value: (p) => p.name },
      { key: 'tags', header: t('col.tags'), value: (p) => p.tags, text: (p) => tagsText(p.tags) },
    ],
    rows: parties,
  };
}

function eventDetail(e: DisputeEvent): string {
  const parts: string[] = [];
  if (e.performed !== null) parts.push(t('dispute.detail.performed', { value: t(`bool.${e.performed}`) }));
  if (e.satisfied !== null) parts.push(t('dispute.detail.satisfied', { value: t(`bool.${e.satisfied}`) }));
  if (e.escalated_to) parts.push(t('dispute.detail.escalated_to', { body: e.escalated_to }));
  if (e.revisit_due) parts.push(t('dispute.detail.revisit_due', { date: e.revisit_due }));
  return parts.join('; ');
}

export function timelineListing(events: DisputeEvent[]): Listing<DisputeEvent> {
  return {
    title: t('dispute.title.timeline'),
    columns: [
      { key: 'date', header: t('col.date'), value: (e) => e.date },
      { key: 'kind', header: t('dispute.col.event'), value: (e) => e.kind, text: (e) => label('dispute_event', e.kind) },
      {
        key: 'to_status',
        header: t('col.status'),
        value: (e) => e.to_status,
        text: (e) =>
          e.to_status === null
            ? ''
            : e.from_status === null || e.from_status === e.to_status
              ? label('dispute_status', e.to_status)
              : `${label('dispute_status', e.from_status)} → ${label('dispute_status', e.to_status)}`,
      },
      { key: 'note', header: t('col.note'), value: (e) => e.note, maxWidth: 40 },
      { key: 'participants', header: t('dispute.col.with'), value: (e) => e.participants, text: (e) => joinList(e.participants) },
      { key: 'detail', header: t('dispute.col.detail'), value: (e) => eventDetail(e) },
    ],
    rows: events,
    json: (e) => e,
  };
}
