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
  /** What parse accepts, for the database's CHECK (migration 0007); free text has none. */
  shape?: { kind: 'positive-int' } | { kind: 'choice'; choices: readonly string[] };
  /**
   * Kept in ledger_secret, never in settings (src/db/county/secret.ts): it carries a password, and
   * settings travel (fs export, the change log, fs history, fs push). Shown masked by fs config.
   */
  secret?: true;
}

const posInt = (key: string, dflt: string): SettingSpec => ({ key, default: dflt, parse: positiveInt(key), shape: { kind: 'positive-int' } });

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
  posInt('concern.due_days', '30'),
  posInt('visit.stale_days', '90'),
  posInt('dispute.mediation_days', '30'),
  posInt('dispute.revisit_days', '15'),
  posInt('pair.max', '10'),
  posInt('pair.cadence_days', '30'),
  posInt('presence.month_min', '20'),
  posInt('presence.year_min', '200'),
  posInt('presence.approval_days', '5'),
  posInt('presence.max_leave_days', '30'),
  { key: 'presence.business_counts', default: 'yes', parse: choice('presence.business_counts', ['yes', 'no']), shape: { kind: 'choice', choices: ['yes', 'no'] } },
  // Empty: the date of the first record. Nothing is due or missing before it (meeting check, agenda).
  { key: 'ledger.start', default: '', parse: dateOrEmpty('ledger.start') },
  posInt('decision.stall_days', '30'),
  // The county database this ledger pushes to (fs push), as printed by fs county add-ledger. Checked by
  // fs config (a postgresql:// URL; empty clears it).
  { key: 'county.url', default: '', parse: text, secret: true },
  ...MEETING_TYPES.map(
    (type): SettingSpec => ({
      key: frequencySettingKey(type),
      default: DEFAULT_FREQUENCY[type],
      parse: choice(frequencySettingKey(type), FREQUENCIES),
      shape: { kind: 'choice', choices: FREQUENCIES },
    }),
  ),
];

export function settingSpecs(): readonly SettingSpec[] {
  return specs;
}

export function settingSpec(key: string): SettingSpec {
  const spec = specs.find((s) => s.key === key);
  if (!spec) throw new UsageError('err.unknown_setting', { key, keys: specs.map((s) => s.key).join(', ') });
  return spec;
}
