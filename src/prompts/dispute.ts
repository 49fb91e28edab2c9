// The questions of `fs dispute add` and of each step, pre-filled with whatever flags were given.
import {
  DISPUTE_CATEGORIES,
  DISPUTE_SOURCES,
  PETITION_CHANNELS,
  RISK_FLAGS,
  RISK_LEVELS,
  type DisputeCategory,
  type DisputeSource,
  type PetitionChannel,
  type RiskFlag,
  type RiskLevel,
} from '../domain/dispute.js';
import { label, t } from '../i18n/index.js';
import { parseDate, type IsoDate } from '../time/dates.js';
import { accepts, ask, optionalText } from './index.js';

type Inquirer = typeof import('@inquirer/prompts');

export interface DisputeAnswers {
  title: string;
  category: DisputeCategory;
  source: DisputeSource;
  channel: PetitionChannel | null;
  /** Names or ids as typed; resolved against the roster afterwards. */
  parties: string[];
  risk: RiskLevel | null;
  flags: RiskFlag[];
  date: IsoDate;
  description: string | null;
  /** The visit in which it was found (source "visit"), or null. */
  visit_id?: number | null;
}

export interface DisputeQuestions {
  /** `fs dispute edit` keeps the registration date (the timeline starts there). */
  askDate?: boolean;
  /** Checks a typed visit id against the ledger: true, or why not. */
  checkVisit?: (id: number) => true | string;
  /** The date of a visit chosen here: the default registration date, unless --date gave one. */
  visitDate?: (id: number) => IsoDate;
}

const validDate = (today: IsoDate) => accepts((v) => parseDate(v, today));

async function askDate(p: Inquirer, message: string, known: IsoDate | undefined, today: IsoDate, optional = false): Promise<IsoDate | null> {
  const text = await p.input({ message, default: known ?? (optional ? undefined : today), validate: (v) => (optional && v.trim() === '') || validDate(today)(v) });
  return optional && text.trim() === '' ? null : parseDate(text, today);
}

async function askRequired(p: Inquirer, message: string, known: string | undefined): Promise<string> {
  return (await p.input({ message, default: known, validate: (v) => v.trim() !== '' || t('dispute.err.empty') })).trim();
}

export async function askDispute(known: Partial<DisputeAnswers>, today: IsoDate, questions: DisputeQuestions = {}): Promise<DisputeAnswers> {
  return ask(async (p) => {
    const title = await askRequired(p, t('dispute.prompt.title'), known.title);
    const category = await p.select({
      message: t('dispute.prompt.category'),
      default: known.category,
      choices: DISPUTE_CATEGORIES.map((k) => ({ name: label('dispute_category', k), value: k })),
    });
    const source = await p.select({
      message: t('dispute.prompt.source'),
      default: known.source,
      choices: DISPUTE_SOURCES.map((k) => ({ name: label('dispute_source', k), value: k })),
    });
    const channel =
      source === 'petition'
        ? await p.select({
            message: t('dispute.prompt.channel'),
            default: known.channel ?? undefined,
            choices: PETITION_CHANNELS.map((k) => ({ name: label('petition_channel', k), value: k })),
          })
        : null;
    // Found in a visit: which one (its id, as `fs visit list` shows; empty for none).
    let visit_id = known.visit_id ?? null;
    if (source === 'visit' && questions.checkVisit) {
      const check = questions.checkVisit;
      const text = await p.input({
        message: t('prompt.dispute_visit'),
        default: visit_id === null ? undefined : String(visit_id),
        validate: (v) => {
          const s = v.trim().replace(/^#/, '');
          if (s === '') return true;
          return /^\d{1,9}$/.test(s) ? check(Number(s)) : t('err.visit_id_shape');
        },
      });
      const s = text.trim().replace(/^#/, '');
      visit_id = s === '' ? null : Number(s);
    } else if (source !== 'visit') visit_id = null;
    const parties = [...(known.parties ?? [])];
    for (;;) {
      const more = optionalText(
        await p.input({
          message: parties.length ? t('dispute.prompt.more_party') : t('dispute.prompt.party'),
          validate: (v) => parties.length > 0 || v.trim() !== '' || t('dispute.err.no_party'),
        }),
      );
      if (!more) break;
      parties.push(more);
    }
    const risk = await p.select<RiskLevel | ''>({
      message: t('dispute.prompt.risk'),
      default: known.risk ?? '',
      choices: [{ name: t('dispute.msg.not_assessed'), value: '' }, ...RISK_LEVELS.map((k) => ({ name: label('dispute_risk', k), value: k }))],
    });
    const flags = await p.checkbox({
      message: t('dispute.prompt.flags'),
      choices: RISK_FLAGS.map((k) => ({ name: label('dispute_flag', k), value: k, checked: known.flags?.includes(k) ?? false })),
    });
    const dateDefault = visit_id !== null && questions.visitDate && visit_id !== known.visit_id ? questions.visitDate(visit_id) : known.date;
    const date = questions.askDate === false ? known.date! : (await askDate(p, t('dispute.prompt.date'), dateDefault, today))!;
    const description = optionalText(await p.input({ message: t('dispute.prompt.description'), default: known.description ?? undefined }));
    return { title, category, source, channel, parties, risk: risk || null, flags, date, description, visit_id };
  });
}

export async function askTagPetitioner(name: string, first: boolean): Promise<boolean> {
  return ask((p) => p.confirm({ message: t('dispute.prompt.tag_petitioner', { name }), default: first }));
}

export interface LogAnswers {
  date: IsoDate;
  note: string;
  participants: string[];
}

export async function askLog(known: Partial<LogAnswers>, today: IsoDate): Promise<LogAnswers> {
  return ask(async (p) => {
    const date = (await askDate(p, t('dispute.prompt.step_date'), known.date, today))!;
    const note = await askRequired(p, t('dispute.prompt.note'), known.note);
    const withText = await p.input({ message: t('dispute.prompt.with'), default: known.participants?.join(', ') || undefined });
    const participants = withText.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
    return { date, note, participants };
  });
}

export interface ResolveAnswers {
  date: IsoDate;
  agreement: string;
  responsibility: string | null;
  perform_by: IsoDate | null;
  court_confirmation: boolean;
}

export async function askResolve(known: Partial<ResolveAnswers>, today: IsoDate): Promise<ResolveAnswers> {
  return ask(async (p) => {
    const date = (await askDate(p, t('dispute.prompt.agreed_on'), known.date, today))!;
    const agreement = await askRequired(p, t('dispute.prompt.agreement'), known.agreement);
    const responsibility = optionalText(await p.input({ message: t('dispute.prompt.responsibility'), default: known.responsibility ?? undefined }));
    const perform_by = await askDate(p, t('dispute.prompt.perform_by'), known.perform_by ?? undefined, today, true);
    const court_confirmation = await p.confirm({ message: t('dispute.prompt.court_confirmation'), default: known.court_confirmation ?? false });
    return { date, agreement, responsibility, perform_by, court_confirmation };
  });
}

export interface RevisitAnswers {
  date: IsoDate;
  performed: boolean;
  satisfied: boolean | null;
  note: string | null;
}

export async function askRevisit(known: Partial<RevisitAnswers>, today: IsoDate): Promise<RevisitAnswers> {
  return ask(async (p) => {
    const date = (await askDate(p, t('dispute.prompt.revisit_date'), known.date, today))!;
    const performed = await p.confirm({ message: t('dispute.prompt.performed'), default: known.performed ?? true });
    const satisfied = await p.select<boolean | null>({
      message: t('dispute.prompt.satisfied'),
      default: known.satisfied ?? null,
      choices: [
        { name: t('bool.true'), value: true },
        { name: t('bool.false'), value: false },
        { name: t('dispute.msg.unknown'), value: null },
      ],
    });
    const note = optionalText(await p.input({ message: t('dispute.prompt.optional_note'), default: known.note ?? undefined }));
    return { date, performed, satisfied, note };
  });
}

export interface EndAnswers {
  date: IsoDate;
  to: string | null;
  note: string | null;
}

/** Escalate (asks to whom) or withdraw. */
export async function askEnd(known: Partial<EndAnswers>, today: IsoDate, askTo: boolean): Promise<EndAnswers> {
  return ask(async (p) => {
    const to = askTo ? await askRequired(p, t('dispute.prompt.escalate_to'), known.to ?? undefined) : null;
    const date = (await askDate(p, t('dispute.prompt.date'), known.date, today))!;
    const note = optionalText(await p.input({ message: t('dispute.prompt.optional_note'), default: known.note ?? undefined }));
    return { date, to, note };
  });
}
