// Help under --lang zh names each key with its Chinese label ("party-member（党员）、cadre（村干部）").
// Each option whose value is a key is tied here to its key list, by its description's catalogue key.
import { describeChoices, labelKind } from '../../domain/keys.js';
import { CONCERN_STATUSES } from '../../domain/concerns.js';
import { DECISION_KINDS, DECISION_STATUSES, DECISION_STEPS } from '../../domain/decision.js';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUSES, PETITION_CHANNELS, RISK_FLAGS, RISK_LEVELS, YES_NO } from '../../domain/dispute.js';
import { MEETING_TYPES } from '../../domain/meeting.js';
import { PERSON_TAGS } from '../../domain/people.js';
import { PLAN_AREAS, PLAN_KINDS, PLAN_STATUSES } from '../../domain/plan.js';
import { REPORT_BY, REPORT_SECTIONS } from '../../domain/report.js';
import { VISIT_CATEGORIES, VISIT_TOPICS } from '../../domain/visits.js';
import { label, t, type Lang, type MessageKey } from '../../i18n/index.js';

const OPTION_LISTS: Array<[MessageKey, readonly string[]]> = [
  ['opt.tag', PERSON_TAGS],
  ['opt.filter_tag', PERSON_TAGS],
  ['opt.add_tag', PERSON_TAGS],
  ['opt.remove_tag', PERSON_TAGS],
  ['opt.category', VISIT_CATEGORIES],
  ['opt.filter_category', VISIT_CATEGORIES],
  ['opt.topic', VISIT_TOPICS],
  ['opt.concern_status', CONCERN_STATUSES],
  ['opt.meeting_type', MEETING_TYPES],
  ['opt.filter_meeting_type', MEETING_TYPES],
  ['opt.decision_kind', DECISION_KINDS],
  ['opt.decision_status', DECISION_STATUSES],
  ['opt.step', DECISION_STEPS],
  ['dispute.opt.category', DISPUTE_CATEGORIES],
  ['dispute.opt.source', DISPUTE_SOURCES],
  ['dispute.opt.filter_source', DISPUTE_SOURCES],
  ['dispute.opt.channel', PETITION_CHANNELS],
  ['dispute.opt.risk', RISK_LEVELS],
  ['dispute.opt.flag', RISK_FLAGS],
  ['dispute.opt.status', DISPUTE_STATUSES],
  ['dispute.opt.performed', YES_NO],
  ['dispute.opt.satisfied', YES_NO],
  ['opt.plan_area', PLAN_AREAS],
  ['opt.plan_kind', PLAN_KINDS],
  ['opt.plan_kind_filter', PLAN_KINDS],
  ['opt.plan_status', PLAN_STATUSES],
  ['opt.section', REPORT_SECTIONS],
  ['opt.by', REPORT_BY],
];

let byDescription: Map<string, readonly string[]> | undefined;

/**
 * An option's help text with its keys labelled in Chinese: each key named in the text gets its
 * label after it; a text that names none gets the labelled list appended. English help is unchanged.
 */
export function labelledDescription(description: string, lang: Lang): string {
  if (lang !== 'zh') return description;
  byDescription ??= new Map(OPTION_LISTS.map(([key, list]) => [t(key, {}, 'zh'), list]));
  const list = byDescription.get(description);
  const kind = list && labelKind(list);
  if (!list || !kind) return description;
  const keys = [...list].sort((a, b) => b.length - a.length).map((k) => k.replace(/[-]/g, '\\-'));
  const pattern = new RegExp(`(?<![\\w-])(${keys.join('|')})(?![\\w-]|（)`, 'g');
  let named = false;
  const out = description.replace(pattern, (k: string) => {
    named = true;
    const l = label(kind, k, 'zh');
    return l === k ? k : `${k}（${l}）`;
  });
  return named ? out : `${description}：${describeChoices(list, 'zh')}`;
}
