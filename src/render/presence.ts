// Presence days and where the secretary stands, in every format.
import type { HolidayCorrection, PresenceDay, PresenceSummary } from '../domain/presence.js';
import { label, t } from '../i18n/index.js';
import type { Document, Field, Listing } from './output.js';

export function presenceListing(days: PresenceDay[]): Listing<PresenceDay> {
  return {
    columns: [
      { key: 'date', header: t('col.date'), value: (d) => d.date },
      { key: 'status', header: t('col.presence_status'), value: (d) => d.status, text: (d) => label('presence_status', d.status) },
      { key: 'leave_type', header: t('col.leave_type'), value: (d) => d.leave_type, text: (d) => (d.leave_type ? label('leave_type', d.leave_type) : '') },
      { key: 'approved_by', header: t('col.approved_by'), value: (d) => d.approved_by },
      { key: 'note', header: t('col.notes'), value: (d) => d.note, maxWidth: 40 },
    ],
    rows: days,
    empty: t('msg.no_presence'),
  };
}

export function holidayListing(days: HolidayCorrection[]): Listing<HolidayCorrection> {
  return {
    columns: [
      { key: 'date', header: t('col.date'), value: (d) => d.date },
      { key: 'workday', header: t('col.workday'), value: (d) => d.workday, text: (d) => t(d.workday ? 'holiday.workday' : 'holiday.holiday') },
      { key: 'note', header: t('col.notes'), value: (d) => d.note },
    ],
    rows: days,
    empty: t('msg.no_holidays'),
  };
}

/** The projection line: what is still needed by the period's end, or that it is met or out of reach. */
export function projectionText(s: PresenceSummary, settings: { month_min: number; year_min: number }): string {
  if (s.target === null) return t('presence.no_target', { month: settings.month_min, year: settings.year_min });
  if (s.target_met) return t('presence.projection_met', { target: s.target, counted: s.days_counted });
  const params = { target: s.target, to: s.to, needed: s.needed!, left: s.days_left, working: s.working_days_left };
  return t(s.out_of_reach ? 'presence.projection_out_of_reach' : 'presence.projection', params);
}

export function presenceSummaryDocument(s: PresenceSummary, periodLabel: string, settings: { month_min: number; year_min: number }): Document {
  const yes = (b: boolean | null) => (b === null ? '—' : t(b ? 'prompt.yes' : 'prompt.no'));
  const fields: Field[] = [
    { key: 'days_in_village', label: t('presence.days_in_village'), value: s.days_in_village },
    { key: 'days_counted', label: t('presence.days_counted'), value: s.days_counted },
    { key: 'days_business', label: t('presence.days_business'), value: s.days_business },
    { key: 'days_training', label: t('presence.days_training'), value: s.days_training },
    { key: 'days_absent', label: t('presence.days_absent'), value: s.days_absent },
    ...(['personal', 'sick', 'annual', 'other'] as const).map((k) => ({ key: `leave_${k}`, label: label('leave_type', k), value: s.leave_days[k] })),
    { key: 'leave_total', label: t('presence.leave_total'), value: s.leave_days.total },
    { key: 'working_days', label: t('presence.working_days'), value: s.working_days },
    { key: 'unrecorded_working_days', label: t('presence.unrecorded_working_days'), value: s.unrecorded_working_days },
    { key: 'target', label: t('presence.target'), value: s.target, text: s.target === null ? '—' : String(s.target) },
    { key: 'target_met', label: t('presence.target_met'), value: s.target_met, text: yes(s.target_met) },
    { key: 'needed', label: t('presence.needed'), value: s.needed, text: s.needed === null ? '—' : String(s.needed) },
    { key: 'days_left', label: t('presence.days_left'), value: s.days_left },
    { key: 'year_leave_days', label: t('presence.year_leave_days'), value: s.year_leave_days },
  ];
  const { from, to, ...figures } = s;
  return {
    parts: [
      { kind: 'fields', title: t('presence.title', { label: periodLabel, from, to }), fields },
      { kind: 'text', text: projectionText(s, settings) },
    ],
    json: { period: { label: periodLabel, from, to }, ...figures, projection: projectionText(s, settings) },
    primary: { columns: fields.map((f) => ({ key: f.key, header: f.label, value: () => f.value })), rows: [null] },
  };
}
