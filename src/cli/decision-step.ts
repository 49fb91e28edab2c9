// fs decision step: take the next step of 四议两公开, refused when out of order, backwards in
// time, or a vote without its quorum; a failed vote is recorded and rejects the decision.
import { Command } from 'commander';
import { DECISION_STEPS, planStep, VOTE_STEPS, type DecisionStep, type StepError } from '../domain/decision.js';
import { oneOf } from '../domain/keys.js';
import type { Meeting } from '../domain/meeting.js';
import { getDecision, recordSteps } from '../db/decisions.js';
import { getMeeting } from '../db/meetings.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { askStep } from '../prompts/decision.js';
import { label, msg, t, type Message } from '../i18n/index.js';
import { action } from './shared/action.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, emitRecord, parseId, parseWholeNumber, pastDate, requireFlags, type OutputOptions } from './shared/options.js';

interface StepFlags extends OutputOptions {
  step?: string;
  date?: string;
  meeting?: string;
  expected?: string;
  present?: string;
  for?: string;
  note?: string;
  combined?: boolean;
}

function stepErrorMessage(e: StepError, c: { id: number; step: DecisionStep; date: string; expected: number | null; present: number | null; votes_for: number | null; meeting?: Meeting }): Message {
  const step = label('decision_step', c.step);
  switch (e.error) {
    case 'closed':
      return msg('err.decision_closed', { id: c.id, status: label('decision_status', e.status) });
    case 'out_of_order':
      return msg(c.step === 'consultation' && e.expected === 'proposal' ? 'err.step_out_of_order_combined' : 'err.step_out_of_order', {
        step,
        next: e.expected ? `${label('decision_step', e.expected)} (${e.expected})` : '-',
      });
    case 'combined_not_here':
      return msg('err.combined_not_here');
    case 'date_backwards':
      return msg('err.step_date_backwards', { date: c.date, previous: e.previous });
    case 'counts_not_a_vote':
      return msg('err.counts_not_a_vote', { step });
    case 'counts_missing':
      return msg('err.vote_counts_missing', { step });
    case 'counts_invalid':
      return msg('err.vote_counts_invalid', { expected: c.expected ?? '-', present: c.present ?? '-', for: c.votes_for ?? '-' });
    case 'wrong_meeting':
      return msg('err.step_wrong_meeting', { id: c.meeting!.id, type: label('meeting_type', c.meeting!.type), step, allowed: e.allowed.map((k) => label('meeting_type', k)).join(' / ') });
    case 'no_quorum':
      return msg(e.rule === 'more-than-half' ? 'err.step_no_quorum_half' : 'err.step_no_quorum_two_thirds', { step, present: c.present!, expected: c.expected! });
  }
}

async function takeStep(ctx: Context, idArg: string, o: StepFlags): Promise<void> {
  const id = parseId(idArg);
  let step = o.step === undefined ? undefined : oneOf(DECISION_STEPS, o.step, t('what.step'));
  const count = (v: string | undefined, flag: string) => (v === undefined ? null : parseWholeNumber(v, flag));
  let expected = count(o.expected, '--expected');
  let present = count(o.present, '--present');
  let votes_for = count(o.for, '--for');
  let date = pastDate(o.date, ctx);
  let note = o.note?.trim() || null;
  const meetingId = o.meeting === undefined ? undefined : parseId(o.meeting);
  const asking = ctx.interactive && (step === undefined || (date === undefined && meetingId === undefined));
  if (!asking) requireFlags([step === undefined && '--step', date === undefined && meetingId === undefined && '--date'].filter((x): x is string => Boolean(x)));
  const db = await ctx.db();
  const decision = getDecision(db, id);
  const meeting = meetingId === undefined ? undefined : getMeeting(db, meetingId);
  if (asking) {
    const fromMeeting = step === undefined || VOTE_STEPS.includes(step) ? meeting : undefined;
    const a = await askStep(
      {
        step: step ?? decision.next_step ?? 'proposal',
        date: date ?? meeting?.date ?? ctx.today,
        expected: expected ?? fromMeeting?.expected ?? null,
        present: present ?? fromMeeting?.present ?? null,
        votes_for,
        note,
      },
      ctx.today,
    );
    ({ step, date, expected, present, votes_for, note } = a);
  }
  // A vote taken at a recorded meeting takes that meeting's counts unless given.
  if (meeting && VOTE_STEPS.includes(step!)) {
    expected ??= meeting.expected;
    present ??= meeting.present;
  }
  const input = { step: step!, date: (date ?? meeting?.date)!, combined: Boolean(o.combined), meeting_id: meeting?.id ?? null, meeting_type: meeting?.type ?? null, expected, present, votes_for, note };
  const plan = planStep(decision.steps, decision.status, input);
  if (!plan.ok) throw new UsageError(stepErrorMessage(plan, { ...input, id, meeting }));
  write(db, () => recordSteps(db, id, plan.rows, plan.status));
  const taken = plan.rows.map((r) => label('decision_step', r.step)).join(' + ');
  if (plan.status === 'rejected') writeErr(t('msg.vote_failed', { id, step: taken, for: votes_for!, present: present!, expected: expected! }));
  else writeErr(t('msg.step_recorded', { id, step: taken, status: label('decision_status', plan.status) }));
  emitRecord(id, () => getDecision(db, id), o);
}

export function stepCommand(): Command {
  return addOutputOptions(
    new Command('step')
      .description(t('cmd.decision.step'))
      .argument('<id>')
      .option('--step <key>', t('opt.step'))
      .option('--date <date>', t('opt.step_date'))
      .option('--meeting <meeting-id>', t('opt.step_meeting'))
      .option('--expected <n>', t('opt.step_expected'))
      .option('--present <n>', t('opt.step_present'))
      .option('--for <n>', t('opt.votes_for'))
      .option('--note <text>', t('opt.note'))
      .option('--combined', t('opt.combined')),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  fs decision step 3 --step proposal --date 2026-09-02 --combined\n  fs decision step 3 --step members-review --date 2026-09-10 --expected 30 --present 24 --for 20\n  fs decision step 3 --step resolution --meeting 12 --for 25',
    )
    .action(action(takeStep));
}
