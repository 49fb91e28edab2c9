// The questions of `fs concern add` and of `fs concern update ID` without flags, pre-filled.
import { CONCERN_STATUSES, type ConcernStatus } from '../domain/concerns.js';
import { label, t } from '../i18n/index.js';
import { parseDate, type IsoDate } from '../time/dates.js';
import { accepts, ask, optionalText } from './index.js';

export interface ConcernAddAnswers {
  person: string;
  text: string;
  raised_on: IsoDate;
  due_on: IsoDate | null;
}

/** A date not after today (something that has happened). */
const pastDay = (today: IsoDate) =>
  accepts((v) => {
    const d = parseDate(v, today);
    if (d > today) throw new Error(t('err.date_in_future', { date: d, today }));
  });

/**
 * Who, what, when, answer by. `checkPerson` says whether the roster knows a name (a message when
 * not, and the question is asked again). An empty answer date keeps the default
 * (concern.due_days after the day raised), computed by the caller.
 */
export async function askConcernAdd(
  known: { person?: string; text?: string; raised_on: IsoDate; due_on?: IsoDate },
  today: IsoDate,
  checkPerson: (ref: string) => true | string,
  defaultDue: (raised: IsoDate) => IsoDate,
): Promise<ConcernAddAnswers> {
  return ask(async (p) => {
    const person =
      known.person ?? (await p.input({ message: t('prompt.concern_person'), validate: (v) => (v.trim() === '' ? false : checkPerson(v.trim())) })).trim();
    const text = (await p.input({ message: t('prompt.concern_text'), default: known.text, validate: (v) => v.trim() !== '' })).trim();
    const raised_on = parseDate(await p.input({ message: t('prompt.concern_date'), default: known.raised_on, validate: pastDay(today) }), today);
    const dueText = await p.input({
      message: t('prompt.concern_due'),
      default: known.due_on ?? defaultDue(raised_on),
      validate: accepts((v) => {
        const d = parseDate(v, today);
        if (d < raised_on) throw new Error(t('err.concern_due_before_raised', { due: d, raised: raised_on }));
      }),
    });
    return { person, text, raised_on, due_on: parseDate(dueText, today) };
  });
}

export interface ConcernUpdateAnswers {
  status: ConcernStatus;
  referred_to: string | null;
  due_on: IsoDate | null;
  feedback_on: IsoDate | null;
  note: string | null;
}

/** Every field of a concern, each pre-filled with what is stored. The department is asked only when referred. */
export async function askConcernUpdate(current: ConcernUpdateAnswers & { raised_on: IsoDate }, today: IsoDate): Promise<ConcernUpdateAnswers> {
  return ask(async (p) => {
    const status = await p.select({
      message: t('prompt.concern_status'),
      default: current.status,
      choices: CONCERN_STATUSES.map((k) => ({ name: label('concern_status', k), value: k })),
    });
    const referred_to =
      status === 'referred'
        ? (await p.input({ message: t('prompt.concern_referred_to'), default: current.referred_to ?? undefined, validate: (v) => v.trim() !== '' })).trim()
        : current.referred_to;
    const dueText = optionalText(
      await p.input({ message: t('prompt.concern_due'), default: current.due_on ?? undefined, validate: (v) => v.trim() === '' || accepts((x) => parseDate(x, today))(v) }),
    );
    const feedbackText = optionalText(
      await p.input({
        message: t('prompt.concern_feedback_on'),
        default: current.feedback_on ?? undefined,
        validate: (v) =>
          v.trim() === '' ||
          accepts((x) => {
            const d = parseDate(x, today);
            if (d > today) throw new Error(t('err.date_in_future', { date: d, today }));
            if (d < current.raised_on) throw new Error(t('err.feedback_before_raised', { date: d, raised: current.raised_on }));
          })(v),
      }),
    );
    const note = optionalText(await p.input({ message: t('prompt.concern_note'), default: current.note ?? undefined }));
    return {
      status,
      referred_to,
      due_on: dueText === null ? current.due_on : parseDate(dueText, today),
      feedback_on: feedbackText === null ? current.feedback_on : parseDate(feedbackText, today),
      note,
    };
  });
}
