// The questions of `fs pair add|edit|log|end`, pre-filled with whatever flags were given.
import { parseCadence } from '../domain/pair.js';
import { t } from '../i18n/index.js';
import { parseDate, type IsoDate } from '../time/dates.js';
import { accepts, ask, optionalText } from './index.js';

type Inquirer = Parameters<Parameters<typeof ask>[0]>[0];

const required = (what: string) => (v: string) => v.trim() !== '' || t('err.pair_text_empty', { what });

/** A date answer: a valid date, and not before `min` when given (the pairing's start). */
function dateQuestion(p: Inquirer, message: string, known: IsoDate, today: IsoDate, min?: { date: IsoDate; error: (d: IsoDate) => string }) {
  return p
    .input({
      message,
      default: known,
      validate: accepts((v) => {
        const d = parseDate(v, today);
        if (min && d < min.date) throw new Error(min.error(d));
      }),
    })
    .then((v) => parseDate(v, today));
}

/** Whom to pair with; `check` says whether the roster knows them (a message when not). */
export async function askPairPerson(check: (ref: string) => true | string): Promise<string> {
  return ask(async (p) =>
    (await p.input({ message: t('prompt.pair_person'), validate: (v) => (v.trim() === '' ? false : check(v.trim())) })).trim(),
  );
}

export interface PairAnswers {
  needs: string;
  measures: string | null;
  helper: string;
  cadence_days: number;
  started_on: IsoDate;
}

export async function askPair(known: Partial<PairAnswers> & { cadence_days: number; started_on: IsoDate }, today: IsoDate): Promise<PairAnswers> {
  return ask(async (p) => {
    const needs = (await p.input({ message: t('prompt.needs'), default: known.needs, validate: required(t('what.needs')) })).trim();
    const measures = optionalText(await p.input({ message: t('prompt.measures'), default: known.measures ?? undefined }));
    const helper = (await p.input({ message: t('prompt.helper'), default: known.helper || undefined, validate: required(t('what.helper')) })).trim();
    const cadence = await p.input({
      message: t('prompt.cadence'),
      default: String(known.cadence_days),
      validate: (v) => parseCadence(v) !== undefined || t('err.bad_cadence', { value: v }),
    });
    const started_on = await dateQuestion(p, t('prompt.start_date'), known.started_on, today);
    return { needs, measures, helper, cadence_days: parseCadence(cadence)!, started_on };
  });
}

export async function askPairEdit(known: { needs: string; measures: string | null; cadence_days: number }) {
  return ask(async (p) => {
    const needs = (await p.input({ message: t('prompt.needs'), default: known.needs, validate: required(t('what.needs')) })).trim();
    const measures = optionalText(await p.input({ message: t('prompt.measures'), default: known.measures ?? undefined }));
    const cadence = await p.input({
      message: t('prompt.cadence'),
      default: String(known.cadence_days),
      validate: (v) => parseCadence(v) !== undefined || t('err.bad_cadence', { value: v }),
    });
    return { needs, measures, cadence_days: parseCadence(cadence)! };
  });
}

export interface DatedAnswers {
  date: IsoDate;
  text: string;
  /** The optional second text (a help entry's result); undefined when not asked. */
  extra?: string | null;
}

/**
 * A dated entry: `fs pair log` (date, what was done, what came of it) or `fs pair end` (date, outcome).
 * `min` keeps the date from falling before the pairing started.
 */
export async function askDated(
  kind: 'log' | 'end',
  known: { date?: IsoDate; text?: string; extra?: string | null },
  today: IsoDate,
  min: { date: IsoDate; error: (d: IsoDate) => string },
): Promise<DatedAnswers> {
  return ask(async (p) => {
    const date = await dateQuestion(p, t(kind === 'log' ? 'prompt.date' : 'prompt.end_date'), known.date ?? today, today, min);
    const what = t(kind === 'log' ? 'what.action' : 'what.outcome');
    const text = (await p.input({ message: t(kind === 'log' ? 'prompt.action' : 'prompt.outcome'), default: known.text, validate: required(what) })).trim();
    if (kind === 'end') return { date, text };
    const extra = optionalText(await p.input({ message: t('prompt.result'), default: known.extra ?? undefined }));
    return { date, text, extra };
  });
}
