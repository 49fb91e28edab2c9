// The questions of `fs meeting add` / `fs meeting edit` on a terminal, pre-filled with whatever
// flags (or the current record) gave. For meetings of the branch the roster's party members are
// offered as a checklist: tick who came, give a reason for each one who did not.
import { MEETING_TYPES, ROSTER_TAG_FOR_TYPE, VOTE_QUORUM, type AttendanceEntry, type MeetingType } from '../domain/meeting.js';
import type { Person } from '../domain/people.js';
import { label, t } from '../i18n/index.js';
import { parseDate, type IsoDate } from '../time/dates.js';
import { accepts, ask, optionalText } from './index.js';

export interface MeetingAnswers {
  type: MeetingType;
  date: IsoDate;
  topic: string | null;
  place: string | null;
  expected: number | null;
  present: number | null;
  /** null: attendance not asked by name (keep what flags or the record had). */
  attendance: AttendanceEntry[] | null;
  chair: string | null;
  recorder: string | null;
  vote: boolean;
  decisions: string[];
  minutes: string | null;
  /** A vote without its quorum, recorded anyway (flagged as forced) after being asked. */
  force?: boolean;
}

/** Why a vote would be refused with these counts (see meeting-input's voteProblem), or null. */
export type VoteProblem = (type: MeetingType, given: { expected: number | null; present: number | null }, entries: readonly AttendanceEntry[]) => string | null;

type Inquirer = typeof import('@inquirer/prompts');

const validDate = (today: IsoDate) => accepts((v) => parseDate(v, today));

const wholeOrEmpty = (v: string): true | string => v.trim() === '' || /^\d{1,9}$/.test(v.trim()) || t('err.bad_int', { what: t('what.count'), value: v });

async function askCount(p: Inquirer, message: string, known: number | null): Promise<number | null> {
  const v = (await p.input({ message, default: known === null ? undefined : String(known), validate: wholeOrEmpty })).trim();
  return v === '' ? null : Number(v);
}

/** Tick who came among the people entitled; a reason for each one absent. */
async function askRosterAttendance(p: Inquirer, roster: readonly Person[], known: readonly AttendanceEntry[]): Promise<AttendanceEntry[]> {
  const before = new Map(known.filter((e) => e.person_id !== null).map((e) => [e.person_id!, e]));
  const came = await p.checkbox({
    message: t('prompt.who_came'),
    pageSize: 15,
    choices: roster.map((r) => ({ name: `${r.name}${r.group ? ` (${r.group})` : ''}`, value: r.id, checked: before.get(r.id)?.present ?? false })),
  });
  const entries: AttendanceEntry[] = [];
  for (const r of roster) {
    if (came.includes(r.id)) {
      entries.push({ person_id: r.id, name: r.name, present: true, reason: null });
    } else {
      const reason = optionalText(await p.input({ message: t('prompt.absent_reason', { name: r.name }), default: before.get(r.id)?.reason ?? undefined }));
      entries.push({ person_id: r.id, name: r.name, present: false, reason });
    }
  }
  // People named before who are not on this roster (typed by name, or no longer tagged) stay.
  const onRoster = new Set(roster.map((r) => r.id));
  return [...entries, ...known.filter((e) => e.person_id === null || !onRoster.has(e.person_id))];
}

/**
 * `rosterFor(type)` gives the people entitled to attend a type (party members for the branch's
 * meetings), loaded by the caller. `attendanceGiven`: the flags named attendance, so don't ask it.
 */
export async function askMeeting(
  known: MeetingAnswers & { attendance: AttendanceEntry[] },
  today: IsoDate,
  rosterFor: (type: MeetingType) => Person[],
  attendanceGiven: boolean,
  voteProblem?: VoteProblem,
): Promise<MeetingAnswers> {
  return ask(async (p) => {
    const type = await p.select({
      message: t('prompt.meeting_type'),
      default: known.type,
      pageSize: MEETING_TYPES.length,
      choices: MEETING_TYPES.map((k) => ({ name: label('meeting_type', k), value: k })),
    });
    const date = parseDate(await p.input({ message: t('prompt.date'), default: known.date, validate: validDate(today) }), today);
    const topic = optionalText(await p.input({ message: t('prompt.topic'), default: known.topic ?? undefined }));
    const place = optionalText(await p.input({ message: t('prompt.place'), default: known.place ?? undefined }));
    let attendance: AttendanceEntry[] | null = null;
    let { expected, present } = known;
    const tag = ROSTER_TAG_FOR_TYPE[type];
    const roster = tag && !attendanceGiven ? rosterFor(type) : [];
    if (roster.length > 0 && (await p.confirm({ message: t('prompt.attendance_by_name', { n: roster.length, who: label('person_tag', tag!) }), default: true }))) {
      attendance = await askRosterAttendance(p, roster, known.attendance);
      expected = null;
      present = null;
    } else if (!attendanceGiven) {
      expected = await askCount(p, t('prompt.expected'), expected);
      present = await askCount(p, t('prompt.present'), present);
    }
    // The vote and its quorum right after the counts: a vote that would be refused is settled now,
    // before anything else is typed (record the meeting without the vote, or flag it as forced).
    let vote = VOTE_QUORUM[type] ? await p.confirm({ message: t('prompt.vote'), default: known.vote }) : known.vote;
    let force = false;
    const problem = vote && voteProblem ? voteProblem(type, attendance ? { expected: null, present: null } : { expected, present }, attendance ?? known.attendance) : null;
    if (problem) {
      const choice = await p.select({
        message: t('prompt.vote_refused', { message: problem }),
        default: 'without',
        choices: [
          { name: t('choice.record_without_vote'), value: 'without' },
          { name: t('choice.record_forced'), value: 'force' },
        ],
      });
      if (choice === 'without') vote = false;
      else force = true;
    }
    const chair = optionalText(await p.input({ message: t('prompt.chair'), default: known.chair ?? undefined }));
    const recorder = optionalText(await p.input({ message: t('prompt.recorder'), default: known.recorder ?? undefined }));
    const decisions = [...known.decisions];
    for (;;) {
      const d = optionalText(await p.input({ message: t('prompt.decision') }));
      if (!d) break;
      decisions.push(d);
    }
    const minutes = optionalText(await p.input({ message: t('prompt.minutes'), default: known.minutes ?? undefined }));
    return { type, date, topic, place, expected, present, attendance, chair, recorder, vote, decisions, minutes, force };
  });
}

/** No quorum on a terminal: record anyway, flagged as forced? */
export async function askForce(message: string): Promise<boolean> {
  return ask((p) => p.confirm({ message, default: false }));
}
