// How meetings, their attendance and the compliance check look.
import type { ComplianceRow } from '../domain/compliance.js';
import type { Meeting } from '../domain/meeting.js';
import { c } from './color.js';
import { label, t } from '../i18n/index.js';
import type { Field, Listing } from './output.js';
import { recordStamps } from './output.js';

export function rateText(rate: number | null): string {
  return rate === null ? '' : `${Math.round(rate * 1000) / 10}%`;
}

/** "yes", "yes (forced: no quorum)" or "no". */
export function voteText(m: Pick<Meeting, 'vote' | 'forced'>): string {
  if (!m.vote) return t('bool.false');
  return m.forced ? t('msg.vote_forced') : t('bool.true');
}

const countsText = (m: Meeting) => (m.expected === null && m.present === null ? '' : `${m.present ?? '?'}/${m.expected ?? '?'}`);

export function meetingListing(meetings: Meeting[]): Listing<Meeting> {
  return {
    columns: [
      { key: 'id', header: t('col.id'), value: (m) => m.id },
      { key: 'date', header: t('col.date'), value: (m) => m.date },
      { key: 'type', header: t('col.meeting_type'), value: (m) => m.type, text: (m) => label('meeting_type', m.type) },
      { key: 'topic', header: t('col.topic'), value: (m) => m.topic, maxWidth: 30 },
      { key: 'expected', header: t('col.expected'), value: (m) => m.expected },
      { key: 'present', header: t('col.present'), value: (m) => m.present },
      { key: 'attendance_rate', header: t('col.attendance_rate'), value: (m) => m.attendance_rate, text: (m) => rateText(m.attendance_rate) },
      { key: 'absent', header: t('col.absent'), value: (m) => m.absentees.length },
      { key: 'vote', header: t('col.vote'), value: (m) => m.vote, text: voteText, paint: (m) => (m.forced ? c().red : undefined) },
      { key: 'forced', header: t('col.forced'), value: (m) => m.forced, text: (m) => (m.forced ? t('bool.true') : '') },
      { key: 'decisions', header: t('col.decisions'), value: (m) => m.decisions.length },
    ],
    rows: meetings,
    json: (m) => m,
    empty: t('msg.no_meetings'),
  };
}

export function meetingFields(m: Meeting): Field[] {
  return [
    { key: 'id', label: t('col.id'), value: m.id },
    { key: 'type', label: t('col.meeting_type'), value: m.type, text: label('meeting_type', m.type) },
    { key: 'date', label: t('col.date'), value: m.date },
    { key: 'topic', label: t('col.topic'), value: m.topic },
    { key: 'place', label: t('col.place'), value: m.place },
    { key: 'chair', label: t('col.chair'), value: m.chair },
    { key: 'recorder', label: t('col.recorder'), value: m.recorder },
    { key: 'expected', label: t('col.expected'), value: m.expected },
    { key: 'present', label: t('col.present'), value: m.present, text: countsText(m) },
    { key: 'attendance_rate', label: t('col.attendance_rate'), value: m.attendance_rate, text: rateText(m.attendance_rate) },
    { key: 'vote', label: t('col.vote'), value: m.vote, text: voteText(m) },
    { key: 'forced', label: t('col.forced'), value: m.forced, text: m.forced ? t('msg.forced_long') : t('bool.false') },
    { key: 'minutes', label: t('col.minutes'), value: m.minutes },
    ...recordStamps(m),
  ];
}

type Absentee = Meeting['absentees'][number];
type Attendee = Meeting['attendees'][number];

export function absenteeListing(m: Meeting): Listing<Absentee> {
  return {
    title: t('title.absentees'),
    columns: [
      { key: 'person_id', header: t('col.person_id'), value: (a) => a.person_id },
      { key: 'name', header: t('col.name'), value: (a) => a.name },
      { key: 'reason', header: t('col.reason'), value: (a) => a.reason },
    ],
    rows: m.absentees,
    empty: t('msg.no_absentees'),
  };
}

export function attendeeListing(m: Meeting): Listing<Attendee> {
  return {
    title: t('title.attendees'),
    columns: [
      { key: 'person_id', header: t('col.person_id'), value: (a) => a.person_id },
      { key: 'name', header: t('col.name'), value: (a) => a.name },
    ],
    rows: m.attendees,
    empty: t('msg.not_named'),
  };
}

export function decisionTextListing(m: Meeting): Listing<string> {
  return {
    title: t('title.meeting_decisions'),
    columns: [{ key: 'decision', header: t('col.decision'), value: (d) => d }],
    rows: m.decisions,
    empty: t('msg.none'),
  };
}

export function complianceListing(rows: ComplianceRow[], title: string): Listing<ComplianceRow> {
  return {
    title,
    columns: [
      { key: 'type', header: t('col.meeting_type'), value: (r) => r.type, text: (r) => label('meeting_type', r.type) },
      { key: 'interval', header: t('col.interval'), value: (r) => r.interval },
      { key: 'from', header: t('col.from'), value: (r) => r.from },
      { key: 'to', header: t('col.to'), value: (r) => r.to },
      { key: 'required', header: t('col.required'), value: (r) => r.required },
      { key: 'held', header: t('col.held'), value: (r) => r.held },
      {
        key: 'status',
        header: t('col.status'),
        value: (r) => r.status,
        text: (r) => (r.status === 'ok' ? t('msg.ok') : r.status === 'pending' ? t('meeting.msg.pending') : t('msg.missing')),
        paint: (r) => (r.status === 'missing' ? c().red : r.status === 'pending' ? c().yellow : undefined),
      },
    ],
    rows,
    // `ok` kept for scripts written before `status`: a pending interval is not ok yet.
    json: (r) => ({ type: r.type, interval: r.interval, from: r.from, to: r.to, required: r.required, held: r.held, ok: r.ok, status: r.status }),
    empty: t('msg.nothing_due'),
  };
}
