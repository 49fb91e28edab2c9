// fs meeting: meetings and party-life events (三会一课 and the rest), with attendance and quorum.
import { Command } from 'commander';
import { manyOf } from '../domain/keys.js';
import { MEETING_TYPES, ROSTER_TAG_FOR_TYPE, type AttendanceEntry, type Meeting, type MeetingType } from '../domain/meeting.js';
import { stepsAtMeeting } from '../db/decisions.js';
import { deleteMeeting, getAttendance, getMeeting, insertMeeting, listMeetings, updateMeeting, type MeetingInput } from '../db/meetings.js';
import type { Db } from '../db/open.js';
import { listPeople } from '../db/people.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { askMeeting, type MeetingAnswers } from '../prompts/meeting.js';
import { stepListing } from '../render/decisions.js';
import { label, t } from '../i18n/index.js';
import { oneLine } from '../render/escape.js';
import { absenteeListing, attendeeListing, decisionTextListing, meetingFields, meetingListing } from '../render/meetings.js';
import { recordListing } from '../render/output.js';
import { action } from './shared/action.js';
import { confirmOrYes } from './shared/confirm.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, addRangeOptions, collect, emitDocument, emitListing, emitRecord, parseId, requireFlags, resolveRange, type OutputOptions, type RangeOptions } from './shared/options.js';
import { checkCommand } from './meeting-check.js';
import { addMeetingOptions, countsOrThrow, parseMeetingFlags, quorumOrThrow, resolveAttendance, voteProblem, type MeetingFlags } from './meeting-input.js';

const rosterFor = (db: Db) => (type: MeetingType) => {
  const tag = ROSTER_TAG_FOR_TYPE[type];
  return tag ? listPeople(db, { tag }) : [];
};

/** Questions on a terminal, then the counts and the quorum: the record to write. */
async function settle(
  ctx: Context,
  db: Db,
  base: MeetingAnswers & { attendance: AttendanceEntry[] },
  asking: boolean,
  attendanceGiven: boolean,
  allowForce: boolean,
): Promise<{ meeting: MeetingInput; attendance: AttendanceEntry[] }> {
  let answers = base;
  // Attendance ticked on the roster checklist: the counts come from it alone.
  let ticked: AttendanceEntry[] | null = null;
  if (asking) {
    const a = await askMeeting(base, ctx.today, rosterFor(db), attendanceGiven, voteProblem);
    ticked = a.attendance;
    answers = { ...a, attendance: a.attendance ?? base.attendance };
  }
  const counts = countsOrThrow(ticked ? { expected: null, present: null } : answers, answers.attendance);
  const { attendance, force, ...fields } = answers;
  const meeting = { ...fields, ...counts, forced: false };
  meeting.forced = await quorumOrThrow(ctx, meeting, allowForce || Boolean(force));
  return { meeting, attendance };
}

async function addMeeting(ctx: Context, o: MeetingFlags): Promise<void> {
  const f = parseMeetingFlags(o, ctx);
  const asking = ctx.interactive && (f.type === undefined || f.date === undefined);
  if (!asking) requireFlags([f.type === undefined && '--type', f.date === undefined && '--date'].filter((x): x is string => Boolean(x)));
  const db = await ctx.db();
  const base = {
    type: f.type ?? MEETING_TYPES[0],
    date: f.date ?? ctx.today,
    topic: f.topic ?? null,
    place: f.place ?? null,
    chair: f.chair ?? null,
    recorder: f.recorder ?? null,
    minutes: f.minutes ?? null,
    expected: f.expected ?? null,
    present: f.present ?? null,
    vote: Boolean(o.vote),
    decisions: f.decisions ?? [],
    attendance: await resolveAttendance(db, ctx, f.refs),
  };
  const { meeting, attendance } = await settle(ctx, db, base, asking, f.attendanceGiven, Boolean(o.force));
  const id = write(db, () => insertMeeting(db, meeting, attendance));
  if (meeting.forced) writeErr(t('msg.forced_recorded', { id }));
  if (asking) {
    const count = meeting.expected !== null && meeting.present !== null ? t('msg.saved_count', { expected: meeting.expected, present: meeting.present }) : '';
    writeErr(oneLine(t('msg.saved_meeting', { id, type: label('meeting_type', meeting.type), date: meeting.date, count })));
  }
  emitRecord(id, () => getMeeting(db, id), o);
}

/**
 * Flags change what they name. New --attendee/--absent lists replace the named attendance and the
 * counts are derived again (with any numbers given); numbers alone must fit the attendance kept.
 */
async function editMeeting(ctx: Context, idArg: string, o: MeetingFlags): Promise<void> {
  const id = parseId(idArg);
  const f = parseMeetingFlags(o, ctx);
  const db = await ctx.db();
  const cur = getMeeting(db, id);
  const flagsGiven = [f.type, f.date, f.topic, f.place, f.chair, f.recorder, f.minutes, f.expected, f.present, f.decisions, o.vote].some((v) => v !== undefined) || f.attendanceGiven;
  if (!flagsGiven && !ctx.interactive) throw new UsageError('err.nothing_to_change', { flags: '--type, --date, --topic, --place, --expected, --present, --attendee, --absent, --decision, --minutes, --chair, --recorder, --vote, --no-vote' });
  const attendance = f.attendanceGiven ? await resolveAttendance(db, ctx, f.refs) : getAttendance(db, id);
  const keepNumbers = !f.attendanceGiven;
  const base = {
    type: f.type ?? cur.type,
    date: f.date ?? cur.date,
    topic: f.topic !== undefined ? f.topic : cur.topic,
    place: f.place !== undefined ? f.place : cur.place,
    chair: f.chair !== undefined ? f.chair : cur.chair,
    recorder: f.recorder !== undefined ? f.recorder : cur.recorder,
    minutes: f.minutes !== undefined ? f.minutes : cur.minutes,
    expected: f.expected ?? (keepNumbers ? cur.expected : null),
    present: f.present ?? (keepNumbers ? cur.present : null),
    vote: o.vote ?? cur.vote,
    decisions: f.decisions ?? cur.decisions,
    attendance,
  };
  // A vote already recorded as forced stays allowed while nothing that decides its quorum changes.
  const quorumUntouched = base.type === cur.type && base.vote === cur.vote && f.expected === undefined && f.present === undefined && !f.attendanceGiven;
  const { meeting, attendance: final } = await settle(ctx, db, base, !flagsGiven, f.attendanceGiven, Boolean(o.force) || (cur.forced && quorumUntouched));
  write(db, () => updateMeeting(db, id, meeting, final));
  emitRecord(id, () => getMeeting(db, id), o);
}

function showMeeting(ctx: Context, db: Db, m: Meeting, o: OutputOptions): void {
  const fields = meetingFields(m);
  const steps = stepsAtMeeting(db, m.id);
  emitDocument(
    {
      parts: [
        { kind: 'fields', title: `${t('entity.meeting')} #${m.id}`, fields },
        { kind: 'listing', listing: absenteeListing(m) },
        { kind: 'listing', listing: attendeeListing(m) },
        { kind: 'listing', listing: decisionTextListing(m) },
        ...(steps.length ? [{ kind: 'listing' as const, listing: { ...stepListing(steps), title: t('title.decision_steps_here') } }] : []),
      ],
      json: { ...m, decision_steps: steps },
      primary: recordListing(fields),
    },
    o,
    ctx,
  );
}

export function meetingCommand(): Command {
  const cmd = new Command('meeting').description(t('cmd.meeting'));

  addOutputOptions(addMeetingOptions(cmd.command('add').description(t('cmd.meeting.add'))).option('--vote', t('opt.vote')))
    .addHelpText(
      'after',
      '\nExamples:\n  fs meeting add\n  fs meeting add --type theme-day --date 2026-11-05 --topic "study session" --attendee 王秀英 --attendee 12 --absent "李四:ill"\n  fs meeting add --type branch-general --date 2026-11-20 --expected 30 --present 22 --vote --decision "admit 张三 as a probationary member"',
    )
    .action(action(addMeeting));

  addOutputOptions(addRangeOptions(cmd.command('list').description(t('cmd.meeting.list'))).option('--type <key>', t('opt.filter_meeting_type'), collect))
    .addHelpText('after', '\nExamples:\n  fs meeting list --period this-year\n  fs meeting list --type party-lesson --type theme-day --period 2026-Q4 --format csv -o meetings.csv')
    .action(
      action(async (ctx, o: RangeOptions & OutputOptions & { type?: string[] }) => {
        const range = resolveRange(o, ctx);
        const types = manyOf(MEETING_TYPES, o.type ?? [], t('what.meeting_type'));
        const db = await ctx.db();
        emitListing(meetingListing(listMeetings(db, { types, from: range.from, to: range.to })), o, ctx);
      }),
    );

  addOutputOptions(cmd.command('show').description(t('cmd.meeting.show')).argument('<id>'))
    .addHelpText('after', '\nExample:\n  fs meeting show 7 --format json')
    .action(
      action(async (ctx, idArg: string, o: OutputOptions) => {
        const id = parseId(idArg);
        const db = await ctx.db();
        showMeeting(ctx, db, getMeeting(db, id), o);
      }),
    );

  addOutputOptions(addMeetingOptions(cmd.command('edit').description(t('cmd.meeting.edit')).argument('<id>')).option('--vote', t('opt.vote')).option('--no-vote', t('opt.no_vote')))
    .addHelpText('after', '\nExamples:\n  fs meeting edit 7 --topic "Q4 review" --absent "李四:working away"\n  fs meeting edit 7 --expected 30 --present 21')
    .action(action(editMeeting));

  cmd
    .command('rm')
    .description(t('cmd.meeting.rm'))
    .argument('<id>')
    .option('-y, --yes', t('opt.yes'))
    .addHelpText('after', '\nExample:\n  fs meeting rm 7 --yes')
    .action(
      action(async (ctx, idArg: string, o: { yes?: boolean }) => {
        const id = parseId(idArg);
        const db = await ctx.db();
        const m = getMeeting(db, id);
        await confirmOrYes(ctx, o.yes, t('prompt.confirm_rm', { what: `${t('entity.meeting')} #${id} (${m.date})` }), t('action.rm'));
        write(db, () => deleteMeeting(db, id));
        writeErr(t('msg.meeting_removed', { id }));
      }),
    );

  cmd.addCommand(checkCommand());
  return cmd;
}
