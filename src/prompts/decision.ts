// The questions of `fs decision add` and `fs decision step` on a terminal.
import { DECISION_KINDS, DECISION_STEPS, VOTE_STEPS, type DecisionKind, type DecisionStep } from '../domain/decision.js';
import { label, t } from '../i18n/index.js';
import { parseDate, type IsoDate } from '../time/dates.js';
import { accepts, ask, optionalText } from './index.js';

const validDate = (today: IsoDate) => accepts((v) => parseDate(v, today));

const whole = (v: string): true | string => /^\d{1,9}$/.test(v.trim()) || t('err.bad_int', { what: t('what.count'), value: v });

export async function askDecision(known: { matter?: string; kind: DecisionKind; date: IsoDate }, today: IsoDate): Promise<{ matter: string; kind: DecisionKind; date: IsoDate }> {
  return ask(async (p) => {
    const matter = (await p.input({ message: t('prompt.matter'), default: known.matter, validate: (v) => v.trim() !== '' || t('err.matter_empty') })).trim();
    const kind = await p.select({ message: t('prompt.decision_kind'), default: known.kind, choices: DECISION_KINDS.map((k) => ({ name: label('decision_kind', k), value: k })) });
    const date = parseDate(await p.input({ message: t('prompt.date'), default: known.date, validate: validDate(today) }), today);
    return { matter, kind, date };
  });
}

export interface StepAnswers {
  step: DecisionStep;
  date: IsoDate;
  expected: number | null;
  present: number | null;
  votes_for: number | null;
  note: string | null;
}

/** Pre-filled with the next step, the linked meeting's date and counts. */
export async function askStep(known: StepAnswers, today: IsoDate): Promise<StepAnswers> {
  return ask(async (p) => {
    const step = await p.select({ message: t('prompt.step'), default: known.step, choices: DECISION_STEPS.map((k) => ({ name: label('decision_step', k), value: k })) });
    const date = parseDate(await p.input({ message: t('prompt.date'), default: known.date, validate: validDate(today) }), today);
    let { expected, present, votes_for } = known;
    if (VOTE_STEPS.includes(step)) {
      const num = async (message: string, v: number | null) => Number((await p.input({ message, default: v === null ? undefined : String(v), validate: whole })).trim());
      expected = await num(t('prompt.expected'), expected);
      present = await num(t('prompt.present'), present);
      votes_for = await num(t('prompt.votes_for'), votes_for);
    } else {
      expected = present = votes_for = null;
    }
    const note = optionalText(await p.input({ message: t('prompt.note'), default: known.note ?? undefined }));
    return { step, date, expected, present, votes_for, note };
  });
}
