// fs dispute log / resolve / revisit / escalate / withdraw: one action on a case, checked against
// the workflow (src/domain/dispute.ts) before anything is asked or written.
import { allowedActions, planStep, YES_NO, type Dispute, type DisputeAction, type StepInput, type StepRefusal } from '../domain/dispute.js';
import { oneOf } from '../domain/keys.js';
import { applyStep, getDispute } from '../db/dispute.js';
import { getNumberSetting } from '../db/settings.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { askEnd, askLog, askResolve, askRevisit } from '../prompts/dispute.js';
import { label, msg, t, type Message } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { emitRecord, optionalDate, parseId, requireFlags, type OutputOptions } from './shared/options.js';
import { disputeRecord } from './dispute-view.js';

export interface StepFlags extends OutputOptions {
  date?: string;
  note?: string;
  with?: string[];
  agreement?: string;
  responsibility?: string;
  performBy?: string;
  courtConfirmation?: boolean;
  performed?: string;
  satisfied?: string;
  to?: string;
}

/** The one line that says why, and what the case allows instead. */
export function refusalMessage(id: number, action: DisputeAction, r: StepRefusal, date: IsoDate, today: IsoDate, performBy?: IsoDate | null): Message {
  switch (r.kind) {
    case 'transition': {
      const status = label('dispute_status', r.status);
      return r.allowed.length
        ? msg('dispute.err.transition', { action, id, status, allowed: r.allowed.join(', ') })
        : msg('dispute.err.transition_final', { action, id, status });
    }
    case 'after_today':
      return msg('dispute.err.after_today', { date, today });
    case 'before_registration':
      return msg('dispute.err.before_registration', { date, registered: r.registered_on });
    case 'before_status':
      return msg('dispute.err.before_status', { date, status: label('dispute_status', r.status), since: r.status_on });
    case 'perform_by_before_agreement':
      return msg('dispute.err.perform_by_before_agreement', { perform_by: performBy ?? '', date });
  }
}

const yesNo = (v: string | undefined, what: string) => (v === undefined ? undefined : oneOf(YES_NO, v.trim(), what) === 'yes');
const trimmed = (v: string | undefined) => (v === undefined ? undefined : v.trim() || undefined);

/** Flags → a partial step; `missing` names the required flags not given. */
function readFlags(action: DisputeAction, o: StepFlags, ctx: Context): { input: Partial<StepInput>; missing: string[] } {
  const input: Partial<StepInput> = { action, date: optionalDate(o.date, ctx), note: trimmed(o.note) };
  const need: Array<[string, unknown]> = [['--date', input.date]];
  if (action === 'log') {
    input.participants = (o.with ?? []).map((s) => s.trim()).filter(Boolean);
    need.push(['--note', input.note]);
  } else if (action === 'resolve') {
    input.agreement = trimmed(o.agreement);
    input.responsibility = trimmed(o.responsibility) ?? null;
    input.perform_by = optionalDate(o.performBy, ctx) ?? null;
    input.court_confirmation = Boolean(o.courtConfirmation);
    need.push(['--agreement', input.agreement]);
  } else if (action === 'revisit') {
    input.performed = yesNo(o.performed, '--performed');
    input.satisfied = yesNo(o.satisfied, '--satisfied') ?? null;
    need.push(['--performed', input.performed]);
  } else if (action === 'escalate') {
    input.escalated_to = trimmed(o.to);
    need.push(['--to', input.escalated_to]);
  }
  return { input, missing: need.filter(([, v]) => v === undefined).map(([flag]) => flag) };
}

/** On a terminal: the action's questions, pre-filled with the flags given. */
async function askStep(action: DisputeAction, k: Partial<StepInput>, today: IsoDate): Promise<StepInput> {
  switch (action) {
    case 'log': {
      const a = await askLog({ date: k.date, note: k.note ?? undefined, participants: k.participants }, today);
      return { action, ...a };
    }
    case 'resolve': {
      const a = await askResolve({ ...k, agreement: k.agreement }, today);
      return { action, ...a };
    }
    case 'revisit': {
      const a = await askRevisit({ date: k.date, performed: k.performed, satisfied: k.satisfied, note: k.note }, today);
      return { action, ...a };
    }
    case 'escalate':
    case 'withdraw': {
      const a = await askEnd({ date: k.date, to: k.escalated_to, note: k.note }, today, action === 'escalate');
      return { action, date: a.date, note: a.note, escalated_to: a.to ?? undefined };
    }
  }
}

export async function runStep(ctx: Context, action: DisputeAction, idArg: string, o: StepFlags): Promise<void> {
  const id = parseId(idArg);
  const { input, missing } = readFlags(action, o, ctx);
  if (!ctx.interactive) requireFlags(missing);
  const db = await ctx.db();
  const current: Dispute = getDispute(db, id);
  // Refuse before asking anything: the questions are pointless if the workflow says no.
  if (!allowedActions(current.status).includes(action)) {
    throw new UsageError(refusalMessage(id, action, { kind: 'transition', status: current.status, allowed: allowedActions(current.status) }, '', ctx.today));
  }
  const step = missing.length ? await askStep(action, input, ctx.today) : (input as StepInput);
  const plan = planStep(current, step, ctx.today, getNumberSetting(db, 'dispute.revisit_days'));
  if (!plan.ok) throw new UsageError(refusalMessage(id, action, plan.refusal, step.date, ctx.today, step.perform_by));
  write(db, () => applyStep(db, id, plan.changes, plan.event));
  writeErr(
    plan.event.to_status === null || plan.event.to_status === current.status
      ? t('dispute.msg.recorded', { id, event: label('dispute_event', plan.event.kind) })
      : t('dispute.msg.now', { id, status: label('dispute_status', plan.status) }),
  );
  if (plan.event.revisit_due) writeErr(t('dispute.msg.revisit_due_on', { date: plan.event.revisit_due }));
  emitRecord(id, () => disputeRecord(db, id, ctx.today), o);
}
