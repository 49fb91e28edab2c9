// What a stored value may be, column by column: one registry read by the import (every value of a
// file goes through the CLI's own checks) and by the generator of migration 0007's CHECK
// constraints (test/db/constraints.test.ts proves the shipped SQL is what this registry makes).
// Pure: no IO. The key lists are the domain's own arrays, never copies.
import { t } from '../i18n/index.js';
import { fromDate, isIsoDate } from '../time/dates.js';
import { CONCERN_STATUSES } from './concerns.js';
import { DECISION_KINDS, DECISION_STATUSES, DECISION_STEPS } from './decision.js';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUSES, EVENT_KINDS, PETITION_CHANNELS, RISK_FLAGS, RISK_LEVELS } from './dispute.js';
import { MEETING_TYPES } from './meeting.js';
import { PERSON_TAGS } from './people.js';
import { MILESTONE_STATUSES, PLAN_AREAS, PLAN_KINDS } from './plan.js';
import { settingSpec, settingSpecs } from './settings.js';
import { VISIT_CATEGORIES } from './visits.js';

export type Rule =
  /** A calendar date, 'YYYY-MM-DD'. */
  | { kind: 'date' }
  /** One canonical key of the list. */
  | { kind: 'key'; keys: readonly string[] }
  /** A JSON array of canonical keys (person tags, risk flags). */
  | { kind: 'keys'; keys: readonly string[] }
  /** A whole number in [min, max]. */
  | { kind: 'int'; min: number; max?: number }
  /** 0 or 1. */
  | { kind: 'bool' }
  /** A number ≥ 0 (an amount of yuan). */
  | { kind: 'amount' };

const date: Rule = { kind: 'date' };
const key = (keys: readonly string[]): Rule => ({ kind: 'key', keys });
const count: Rule = { kind: 'int', min: 0 };
const bool: Rule = { kind: 'bool' };

/** The states a person declares on a plan (done, dropped); NULL means derived (0005). */
const DECLARED_PLAN_STATUSES = ['done', 'dropped'] as const;

export const COLUMN_RULES: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  households: { added_on: date },
  people: { tags: { kind: 'keys', keys: PERSON_TAGS }, added_on: date },
  visits: { date, category: key(VISIT_CATEGORIES), topics: { kind: 'int', min: 0, max: 31 } },
  concerns: { raised_on: date, status: key(CONCERN_STATUSES), due_on: date, resolved_on: date, feedback_on: date },
  disputes: {
    category: key(DISPUTE_CATEGORIES),
    source: key(DISPUTE_SOURCES),
    channel: key(PETITION_CHANNELS),
    risk: key(RISK_LEVELS),
    flags: { kind: 'keys', keys: RISK_FLAGS },
    registered_on: date,
    status: key(DISPUTE_STATUSES),
    status_on: date,
    agreed_on: date,
    perform_by: date,
    court_confirmation: bool,
    revisit_due: date,
  },
  dispute_parties: { position: count },
  dispute_events: {
    date,
    kind: key(EVENT_KINDS),
    from_status: key(DISPUTE_STATUSES),
    to_status: key(DISPUTE_STATUSES),
    performed: bool,
    satisfied: bool,
    revisit_due: date,
  },
  pairs: { cadence_days: { kind: 'int', min: 1 }, started_on: date, ended_on: date },
  pair_logs: { date },
  meetings: { type: key(MEETING_TYPES), date, expected: count, present: count, vote: bool, forced: bool },
  meeting_attendance: { present: bool },
  decisions: { kind: key(DECISION_KINDS), date, status: key(DECISION_STATUSES) },
  decision_steps: { step: key(DECISION_STEPS), date, expected: count, present: count, votes_for: count, passed: bool, combined: bool },
  plans: {
    kind: key(PLAN_KINDS),
    area: key(PLAN_AREAS),
    start_on: date,
    due_on: date,
    budget: { kind: 'amount' },
    status: key(DECLARED_PLAN_STATUSES),
    done_on: date,
    dropped_on: date,
    added_on: date,
  },
  plan_milestones: { due_on: date, status: key(MILESTONE_STATUSES), done_on: date, dropped_on: date },
  plan_progress: { date, percent: { kind: 'int', min: 0, max: 100 } },
};

/** Why `value` breaks `rule`, or undefined when it is fine. NULL is the NOT NULL constraint's business. */
export function ruleProblem(rule: Rule, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (rule.kind) {
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? undefined : t('why.date');
    case 'key':
      return typeof value === 'string' && rule.keys.includes(value) ? undefined : t('why.key', { choices: rule.keys.join(', ') });
    case 'keys': {
      let list: unknown;
      try {
        list = typeof value === 'string' ? JSON.parse(value) : undefined;
      } catch {
        list = undefined;
      }
      const ok = Array.isArray(list) && list.every((k) => typeof k === 'string' && rule.keys.includes(k));
      return ok ? undefined : t('why.keys', { choices: rule.keys.join(', ') });
    }
    case 'int': {
      const ok = typeof value === 'number' && Number.isInteger(value) && value >= rule.min && (rule.max === undefined || value <= rule.max);
      return ok ? undefined : rule.max === undefined ? t('why.int_min', { min: rule.min }) : t('why.int_range', { min: rule.min, max: rule.max });
    }
    case 'bool':
      return value === 0 || value === 1 || typeof value === 'boolean' ? undefined : t('why.bool');
    case 'amount':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : t('why.amount');
  }
}

/** A stored setting (key, value) as `fs config set` would accept it: the normalised value, or why not. */
export function settingProblem(keyName: unknown, value: unknown): { value?: string; problem?: string; secret?: true } {
  if (typeof keyName !== 'string') return { problem: t('why.setting_key') };
  if (typeof value !== 'string') return { problem: t('why.setting_text') };
  // A key this version does not know is carried as it is and never read (the CHECK lets it by too).
  if (!settingSpecs().some((s) => s.key === keyName)) return { value };
  const spec = settingSpec(keyName);
  // A connection string with a password never travels in a file: it would be written into settings.
  if (spec.secret) return { problem: t('county.why.secret_setting', { key: keyName }), secret: true };
  try {
    return { value: spec.parse(value) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

/**
 * A record from an export older than migration 0007 has no added_on: it gets the local day of its
 * created_at, as the migration backfilled this database's own rows.
 */
export function fillAddedOn(table: string, record: Record<string, unknown>): void {
  if (!COLUMN_RULES[table]?.added_on || 'added_on' in record || typeof record.created_at !== 'string') return;
  const at = new Date(record.created_at);
  if (!Number.isNaN(at.getTime())) record.added_on = fromDate(at);
}

export interface ValueProblem {
  field: string;
  value: string;
  reason: string;
}

/**
 * The first value of a record (a row of `table`, as JSON values) that the CLI would refuse.
 * Settings are checked by the settings rules; a setting's value is normalised in place.
 */
export function recordProblem(table: string, record: Record<string, unknown>): ValueProblem | undefined {
  if (table === 'settings') {
    const r = settingProblem(record.key, record.value);
    // A secret's value is not repeated in the message: it is a password in a connection string.
    if (r.problem !== undefined) return { field: 'value', value: r.secret ? '***' : show(record.value), reason: r.problem };
    record.value = r.value;
    return undefined;
  }
  const rules = COLUMN_RULES[table];
  if (!rules) return undefined;
  for (const field in record) {
    const rule = rules[field];
    if (!rule) continue;
    const reason = ruleProblem(rule, record[field]);
    if (reason !== undefined) return { field, value: show(record[field]), reason };
  }
  return undefined;
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
