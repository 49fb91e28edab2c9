// What `fs meeting add` and `fs meeting edit` share: their flags, turning attendance references
// into roster people, deriving the counts, and the quorum check that refuses a vote without one.
import type { Command } from 'commander';
import { oneOf } from '../domain/keys.js';
import { checkQuorum, deriveCounts, MEETING_TYPES, splitAbsent, type AttendanceEntry, type MeetingType } from '../domain/meeting.js';
import type { Db } from '../db/open.js';
import { UsageError } from '../errors.js';
import { askForce } from '../prompts/meeting.js';
import { label, t } from '../i18n/index.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { collect, parseWholeNumber, pastDate, type OutputOptions } from './shared/options.js';
import { resolvePerson } from './shared/person.js';

export interface MeetingFlags extends OutputOptions {
  type?: string;
  date?: string;
  topic?: string;
  place?: string;
  expected?: string;
  present?: string;
  attendee?: string[];
  absent?: string[];
  decision?: string[];
  minutes?: string;
  chair?: string;
  recorder?: string;
  vote?: boolean;
  force?: boolean;
}

export function addMeetingOptions(cmd: Command): Command {
  return cmd
    .option('--type <key>', t('opt.meeting_type'))
    .option('--date <date>', t('opt.meeting_date'))
    .option('--topic <text>', t('opt.topic_text'))
    .option('--place <place>', t('opt.place'))
    .option('--expected <n>', t('opt.expected'))
    .option('--present <n>', t('opt.present'))
    .option('--attendee <name-or-id>', t('opt.attendee'), collect)
    .option('--absent <name-or-id[:reason]>', t('opt.absent'), collect)
    .option('--decision <text>', t('opt.meeting_decision'), collect)
    .option('--minutes <text>', t('opt.minutes'))
    .option('--chair <name>', t('opt.chair'))
    .option('--recorder <name>', t('opt.recorder'))
    .option('--force', t('opt.force'));
}

const text = (v: string | undefined) => (v === undefined ? undefined : v.trim() || null);

/** Every flag checked before the database is opened or a question asked. */
export function parseMeetingFlags(o: MeetingFlags, ctx: Context) {
  const decisions = o.decision?.map((d) => d.trim());
  if (decisions?.some((d) => d === '')) throw new UsageError('err.decision_text_empty');
  const refs = [...(o.attendee ?? []).map((v) => ({ ref: v.trim(), reason: null, present: true })), ...(o.absent ?? []).map((v) => ({ ...splitAbsent(v), present: false }))];
  if (refs.some((r) => r.ref === '')) throw new UsageError('err.attendee_empty');
  return {
    type: o.type === undefined ? undefined : oneOf(MEETING_TYPES, o.type, t('what.meeting_type')),
    date: pastDate(o.date, ctx),
    topic: text(o.topic),
    place: text(o.place),
    chair: text(o.chair),
    recorder: text(o.recorder),
    minutes: text(o.minutes),
    expected: o.expected === undefined ? undefined : parseWholeNumber(o.expected, '--expected'),
    present: o.present === undefined ? undefined : parseWholeNumber(o.present, '--present'),
    decisions,
    refs,
    attendanceGiven: refs.length > 0,
  };
}

export type ParsedMeetingFlags = ReturnType<typeof parseMeetingFlags>;

/**
 * Each reference to a roster person (id or name; ambiguity asks on a terminal, else exit 2; an
 * unknown id is exit 1). A name not on the roster is kept as a plain name, with a notice: members
 * registered elsewhere and visiting officials attend too.
 */
export async function resolveAttendance(db: Db, ctx: Context, refs: ParsedMeetingFlags['refs']): Promise<AttendanceEntry[]> {
  const entries: AttendanceEntry[] = [];
  for (const r of refs) {
    const person = await resolvePerson(db, ctx, r.ref, true);
    if (!person) writeErr(t('msg.attendee_not_on_roster', { name: r.ref }));
    entries.push({ person_id: person?.id ?? null, name: person?.name ?? r.ref, present: r.present, reason: r.present ? null : r.reason });
  }
  return entries;
}

function noQuorumMessage(m: { type: MeetingType; expected: number | null; present: number | null }): string {
  const rule = checkQuorum(m.type, true, m.expected, m.present);
  return t(rule.needed && rule.rule === 'two-thirds' ? 'err.no_quorum_two_thirds' : 'err.no_quorum_half', { type: label('meeting_type', m.type), present: m.present!, expected: m.expected! });
}

/**
 * For the questions, right after the counts: why a vote at this meeting would be refused (no
 * quorum, or no counts to check it), or null. Counts that don't add up are left to countsOrThrow.
 */
export function voteProblem(type: MeetingType, given: { expected: number | null; present: number | null }, entries: readonly AttendanceEntry[]): string | null {
  const r = deriveCounts(given, entries);
  if (!r.ok) return null;
  const q = checkQuorum(type, true, r.expected, r.present);
  if (!q.needed) return null;
  if ('missingCounts' in q) return t('err.vote_needs_counts', { type: label('meeting_type', type) });
  return q.met ? null : noQuorumMessage({ type, expected: r.expected, present: r.present });
}

/** The counts from the named attendance and the numbers, or a one-line usage error. */
export function countsOrThrow(given: { expected: number | null; present: number | null }, entries: AttendanceEntry[]): { expected: number | null; present: number | null } {
  const r = deriveCounts(given, entries);
  if (r.ok) return { expected: r.expected, present: r.present };
  const named = entries.filter((e) => e.present).length;
  if (r.error === 'duplicate_attendee') throw new UsageError('err.duplicate_attendee');
  if (r.error === 'present_exceeds_expected') throw new UsageError('err.present_exceeds_expected', { present: given.present ?? named, expected: given.expected ?? '' });
  throw new UsageError('err.lists_exceed_counts', { named, absent: entries.length - named, present: given.present ?? '-', expected: given.expected ?? '-' });
}

/**
 * Whether the record is a forced vote. Refuses (exit 2, nothing written) a vote without its
 * quorum unless `allowForce` (the --force flag, a forced record left as it was, or a yes on a terminal).
 */
export async function quorumOrThrow(
  ctx: Context,
  m: { type: MeetingType; vote: boolean; expected: number | null; present: number | null },
  allowForce: boolean,
): Promise<boolean> {
  const q = checkQuorum(m.type, m.vote, m.expected, m.present);
  if (!q.needed) return false;
  if ('missingCounts' in q) throw new UsageError('err.vote_needs_counts', { type: label('meeting_type', m.type) });
  if (q.met) return false;
  const message = noQuorumMessage(m);
  if (allowForce) return true;
  if (ctx.interactive && (await askForce(t('prompt.force', { message })))) return true;
  throw new UsageError('err.no_quorum_refused', { message });
}
