// Settings kept in the database (`fs config`). One registry: key, default, validation.
// Every feature's settings are listed here, so `fs config list` shows them all.
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isIsoDate } from '../time/dates.js';
import { DEFAULT_FREQUENCY, FREQUENCIES, frequencySettingKey, MEETING_TYPES } from './meeting.js';

export interface SettingSpec {
  key: string;
  default: string;
  /** Returns the normalised value or throws a UsageError. */
  parse: (value: string) => string;
}

export function positiveInt(key: string) {
  return (value: string): string => {
    // At most 9 digits: 99999999999999999999 would otherwise be stored as 1e20.
    if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < 1) {
      throw new UsageError('err.bad_setting', { key, value, hint: t('hint.positive_int') });
    }
    return String(Number(value));
  };
}

export function choice(key: string, choices: readonly string[]) {
  return (value: string): string => {
    if (!choices.includes(value.trim())) {
      throw new UsageError('err.bad_setting', { key, value, hint: choices.join(', ') });
    }
    return value.trim();
  };
}

const text = (value: string) => value.trim();

/** A calendar date, or empty for "derived" (ledger.start: the date of the first record). */
function dateOrEmpty(key: string) {
  return (value: string): string => {
    const v = value.trim();
    if (v !== '' && !isIsoDate(v)) throw new UsageError('err.bad_setting', { key, value, hint: t('hint.date_or_empty') });
    return v;
  };
}

const specs: SettingSpec[] = [
  { key: 'village', default: '', parse: text },
  { key: 'secretary', default: '', parse: text },
  { key: 'concern.due_days', default: '30', parse: positiveInt('concern.due_days') },
  { key: 'visit.stale_days', default: '90', parse: positiveInt('visit.stale_days') },
  { key: 'dispute.mediation_days', default: '30', parse: positiveInt('dispute.mediation_days') },
  { key: 'dispute.revisit_days', default: '15', parse: positiveInt('dispute.revisit_days') },
  { key: 'pair.max', default: '10', parse: positiveInt('pair.max') },
  { key: 'pair.cadence_days', default: '30', parse: positiveInt('pair.cadence_days') },
  { key: 'presence.month_min', default: '20', parse: positiveInt('presence.month_min') },
  { key: 'presence.year_min', default: '200', parse: positiveInt('presence.year_min') },
  { key: 'presence.approval_days', default: '5', parse: positiveInt('presence.approval_days') },
  { key: 'presence.max_leave_days', default: '30', parse: positiveInt('presence.max_leave_days') },
  { key: 'presence.business_counts', default: 'yes', parse: choice('presence.business_counts', ['yes', 'no']) },
  // Empty: the date of the first record. Nothing is due or missing before it (meeting check, agenda).
  { key: 'ledger.start', default: '', parse: dateOrEmpty('ledger.start') },
  { key: 'decision.stall_days', default: '30', parse: positiveInt('decision.stall_days') },
  ...MEETING_TYPES.map((type) => ({ key: frequencySettingKey(type), default: DEFAULT_FREQUENCY[type], parse: choice(frequencySettingKey(type), FREQUENCIES) })),
];

export function settingSpecs(): readonly SettingSpec[] {
  return specs;
}

export function settingSpec(key: string): SettingSpec {
  const spec = specs.find((s) => s.key === key);
  if (!spec) throw new UsageError('err.unknown_setting', { key, keys: specs.map((s) => s.key).join(', ') });
  return spec;
}
