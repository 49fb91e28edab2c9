// Meetings and party-life events (DOMAIN.md "Meetings and party-life events"). Pure rules:
// the types, their default required frequencies, quorum, and how attendance turns into counts.
import type { PersonTag } from './people.js';

/** DOMAIN.md order: the branch's own meetings, then the village's disclosures and meetings. */
export const MEETING_TYPES = [
  'branch-general',
  'branch-committee',
  'party-group',
  'party-lesson',
  'theme-day',
  'org-life',
  'democratic-review',
  'cadre-review',
  'affairs-disclosure',
  'finance-disclosure',
  'two-committees',
  'villager-reps',
  'villagers',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const FREQUENCIES = ['monthly', 'quarterly', 'yearly', 'none'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** "At least once a ..." per DOMAIN.md; changed per type with `fs config set meeting.frequency.<type>`. */
export const DEFAULT_FREQUENCY: Record<MeetingType, Frequency> = {
  'branch-general': 'quarterly', // 支部工作条例 art. 11
  'branch-committee': 'monthly', // art. 12
  'party-group': 'monthly', // art. 13
  'party-lesson': 'yearly', // art. 16 (many localities: quarterly)
  'theme-day': 'monthly', // art. 16
  'org-life': 'yearly', // art. 17, usually Q4
  'democratic-review': 'yearly',
  'cadre-review': 'yearly', // 双述双评, local practice
  'affairs-disclosure': 'quarterly', // 村民委员会组织法 art. 30
  'finance-disclosure': 'monthly', // art. 30, where transactions are frequent
  'two-committees': 'none',
  'villager-reps': 'none',
  villagers: 'none',
};

export function frequencySettingKey(type: MeetingType): string {
  return `meeting.frequency.${type}`;
}

/** Whose names a terminal offers as a checklist: the people entitled to attend, by roster tag. */
export const ROSTER_TAG_FOR_TYPE: Partial<Record<MeetingType, PersonTag>> = {
  'branch-general': 'party-member',
  'branch-committee': 'party-member',
  'party-group': 'party-member',
  'party-lesson': 'party-member',
  'theme-day': 'party-member',
  'org-life': 'party-member',
  'democratic-review': 'party-member',
  'two-committees': 'cadre',
  'villager-reps': 'village-rep',
};

export type QuorumRule = 'more-than-half' | 'two-thirds';

/**
 * Meetings whose votes need a quorum: a branch general meeting more than half of the members
 * entitled (条例 art. 11), a villagers' representatives meeting at least two thirds (组织法 art. 26).
 * A villagers' meeting (art. 22: half of adults OR two thirds of households) can't be judged from
 * two counts, so it is left unchecked.
 */
export const VOTE_QUORUM: Partial<Record<MeetingType, QuorumRule>> = {
  'branch-general': 'more-than-half',
  'villager-reps': 'two-thirds',
};

/** Integer arithmetic, no floating point at the boundary: 15 of 30 is not more than half. */
export function moreThanHalf(n: number, of: number): boolean {
  return of > 0 && 2 * n > of;
}

/** 20 of 30 is two thirds; 19 of 30 is not. */
export function atLeastTwoThirds(n: number, of: number): boolean {
  return of > 0 && 3 * n >= 2 * of;
}

export function meetsRule(rule: QuorumRule, n: number, of: number): boolean {
  return rule === 'more-than-half' ? moreThanHalf(n, of) : atLeastTwoThirds(n, of);
}

export type QuorumCheck =
  | { needed: false }
  | { needed: true; rule: QuorumRule; met: boolean }
  | { needed: true; rule: QuorumRule; missingCounts: true };

/** Whether a meeting's vote has its quorum. Only meetings that vote and have a rule are checked. */
export function checkQuorum(type: MeetingType, vote: boolean, expected: number | null, present: number | null): QuorumCheck {
  const rule = VOTE_QUORUM[type];
  if (!vote || !rule) return { needed: false };
  if (expected === null || present === null) return { needed: true, rule, missingCounts: true };
  return { needed: true, rule, met: meetsRule(rule, present, expected) };
}

/** present / expected, rounded to 3 places; null without both counts. */
export function attendanceRate(expected: number | null, present: number | null): number | null {
  if (expected === null || present === null || expected === 0) return null;
  return Math.round((present / expected) * 1000) / 1000;
}

export interface AttendanceEntry {
  person_id: number | null;
  name: string;
  present: boolean;
  reason: string | null;
}

export type CountsError = 'present_exceeds_expected' | 'lists_exceed_counts' | 'duplicate_attendee';

/**
 * The counts of a meeting from its named attendance and any numbers given. The lists name
 * people; the numbers are totals. Without numbers the totals are the lists' lengths; with only
 * --expected, everyone not named absent counts as present (so naming just the absentees with
 * their reasons is enough); the lists can never name more people than the totals leave room for.
 */
export function deriveCounts(
  given: { expected: number | null; present: number | null },
  entries: readonly AttendanceEntry[],
): { ok: true; expected: number | null; present: number | null } | { ok: false; error: CountsError } {
  const keys = entries.map((e) => (e.person_id !== null ? `#${e.person_id}` : `=${e.name}`));
  if (new Set(keys).size !== keys.length) return { ok: false, error: 'duplicate_attendee' };
  const named = entries.filter((e) => e.present).length;
  const absent = entries.length - named;
  let { expected, present } = given;
  if (entries.length > 0) {
    present ??= expected !== null ? expected - absent : named;
    expected ??= present + absent;
  }
  if (expected !== null && present !== null && present > expected) return { ok: false, error: 'present_exceeds_expected' };
  const fits =
    (present === null || (present >= 0 && named <= present)) &&
    (expected === null || entries.length <= expected) &&
    (expected === null || present === null || absent <= expected - present);
  if (!fits) return { ok: false, error: 'lists_exceed_counts' };
  return { ok: true, expected, present };
}

/** `NAME_OR_ID[:REASON]`: the reason after the first colon (ASCII or full-width, as typed in Chinese). */
export function splitAbsent(value: string): { ref: string; reason: string | null } {
  const m = /^([^:：]*)[:：](.*)$/s.exec(value);
  if (!m) return { ref: value.trim(), reason: null };
  return { ref: m[1]!.trim(), reason: m[2]!.trim() || null };
}

export interface Meeting {
  id: number;
  uid: string;
  type: MeetingType;
  date: string;
  topic: string | null;
  place: string | null;
  chair: string | null;
  recorder: string | null;
  expected: number | null;
  present: number | null;
  attendance_rate: number | null;
  vote: boolean;
  /** Recorded with --force although the vote had no quorum. */
  forced: boolean;
  decisions: string[];
  minutes: string | null;
  attendees: Array<{ person_id: number | null; name: string }>;
  absentees: Array<{ person_id: number | null; name: string; reason: string | null }>;
  created_at: string;
  updated_at: string;
}
