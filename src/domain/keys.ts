// Validation of canonical keys (DOMAIN.md). Every list of keys is a const array in its domain file;
// this turns a typed value into a member of that list or a UsageError naming the choices.
// A value may be the key or its label in either language (`--tag 党员`, `--status 已转办`): each list
// is tied here, once, to the catalogue prefix of its labels, so flags, prompts and help agree.
import { UsageError } from '../errors.js';
import { getLang, label, type Lang } from '../i18n/index.js';
import { CONCERN_STATUSES } from './concerns.js';
import { DECISION_KINDS, DECISION_STATUSES, DECISION_STEPS } from './decision.js';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUSES, PETITION_CHANNELS, RISK_FLAGS, RISK_LEVELS, YES_NO } from './dispute.js';
import { MEETING_TYPES } from './meeting.js';
import { PAIR_PERSON_KINDS, PAIR_STATUSES } from './pair.js';
import { PERSON_TAGS } from './people.js';
import { LEAVE_TYPES, PRESENCE_STATUSES } from './presence.js';
import { PLAN_AREAS, PLAN_KINDS, PLAN_STATUSES } from './plan.js';
import { REPORT_BY, REPORT_SECTIONS } from './report.js';
import { SEARCH_KINDS } from './search.js';
import { VISIT_CATEGORIES, VISIT_TOPICS } from './visits.js';

/** Each key list and the catalogue prefix of its labels (`person_tag` → `person_tag.poor`). */
const LABEL_KINDS = new Map<readonly string[], string>([
  [PERSON_TAGS, 'person_tag'],
  [VISIT_CATEGORIES, 'visit_category'],
  [VISIT_TOPICS, 'visit_topic'],
  [CONCERN_STATUSES, 'concern_status'],
  [DISPUTE_CATEGORIES, 'dispute_category'],
  [DISPUTE_SOURCES, 'dispute_source'],
  [PETITION_CHANNELS, 'petition_channel'],
  [RISK_LEVELS, 'dispute_risk'],
  [RISK_FLAGS, 'dispute_flag'],
  [DISPUTE_STATUSES, 'dispute_status'],
  [YES_NO, 'yes_no'],
  [MEETING_TYPES, 'meeting_type'],
  [PAIR_PERSON_KINDS, 'pair_kind'],
  [PAIR_STATUSES, 'pair_status'],
  [DECISION_KINDS, 'decision_kind'],
  [DECISION_STEPS, 'decision_step'],
  [DECISION_STATUSES, 'decision_status'],
  [PLAN_AREAS, 'plan_area'],
  [PLAN_KINDS, 'plan_kind'],
  [PLAN_STATUSES, 'plan_status'],
  [REPORT_SECTIONS, 'report_section'],
  [REPORT_BY, 'report_by'],
  [PRESENCE_STATUSES, 'presence_status'],
  [LEAVE_TYPES, 'leave_type'],
  [SEARCH_KINDS, 'entity'],
]);

/** For a key list defined elsewhere (a new command's `--kind`): its labels become accepted input too. */
export function registerLabels(list: readonly string[], kind: string): void {
  LABEL_KINDS.set(list, kind);
}

export function labelKind(list: readonly string[]): string | undefined {
  return LABEL_KINDS.get(list);
}

/** Case, width (全角) and spacing do not matter when matching a typed value. */
function normalize(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The forms a key may be typed in: itself, each label, each part of a label like 困难户/脱贫户/监测户. */
export function spellings(list: readonly string[], key: string): string[] {
  const kind = LABEL_KINDS.get(list);
  const out = new Set([normalize(key)]);
  if (kind) {
    for (const lang of ['en', 'zh'] as const) {
      const text = label(kind, key, lang);
      if (text === key) continue;
      const whole = normalize(text);
      out.add(whole);
      // "双述双评 (村干部述职述廉、评议)" may be typed without its gloss, "宅基地/房屋" as either part.
      const bare = normalize(whole.replace(/\s*[(（][^)）]*[)）]\s*$/, ''));
      out.add(bare);
      for (const part of bare.split(/[/／]/)) if (part.trim()) out.add(normalize(part));
    }
  }
  return [...out];
}

/** The key `value` names in `list`, by key or label; undefined when none (or, impossibly, several). */
export function matchKey<T extends string>(list: readonly T[], value: string): T | undefined {
  const v = normalize(value);
  if (v === '') return undefined;
  const exact = list.find((k) => k === v);
  if (exact) return exact;
  const hits = list.filter((k) => spellings(list, k).includes(v));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The keys, "open, referred, resolved" in English, with their labels in Chinese ("open（跟踪中）、..."): for help and errors. */
export function describeChoices(list: readonly string[], lang: Lang): string {
  if (lang === 'en') return list.join(', ');
  const kind = LABEL_KINDS.get(list);
  const one = (k: string) => {
    const l = kind ? label(kind, k, lang) : k;
    return l === k ? k : `${k}（${l}）`;
  };
  return list.map(one).join('、');
}

export function oneOf<T extends string>(list: readonly T[], value: string, what: string): T {
  const k = matchKey(list, value);
  if (k !== undefined) return k;
  throw new UsageError('err.bad_choice', { what, value, choices: describeChoices(list, getLang()) });
}

/** Several keys: repeated flags, and each value may itself be a list (`visits,concerns`, `党员，村干部`, `党员、村干部`). */
export function manyOf<T extends string>(list: readonly T[], values: readonly string[], what: string): T[] {
  const out: T[] = [];
  for (const value of values) {
    const parts = splitList([value]);
    if (parts.length === 0) oneOf(list, value, what);
    for (const v of parts) {
      const k = oneOf(list, v, what);
      if (!out.includes(k)) out.push(k);
    }
  }
  return out;
}

/** `a,b`, `a，b`, `a、b` → [a, b]; empty pieces dropped. */
export function splitList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(/[,，、]/)).map((s) => s.trim()).filter((s) => s !== '');
}
