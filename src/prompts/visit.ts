// The questions of `fs visit add` / `fs visit edit`, pre-filled with whatever flags were given.
import { VISIT_CATEGORIES, VISIT_TOPICS, type VisitCategory, type VisitTopic } from '../domain/visits.js';
import { label, t } from '../i18n/index.js';
import { parseDate, type IsoDate } from '../time/dates.js';
import { accepts, ask, optionalText } from './index.js';

export interface VisitAnswers {
  date: IsoDate;
  category: VisitCategory;
  topics: VisitTopic[];
  notes: string | null;
  place: string | null;
  concerns: string[];
}

export async function askPersonRef(known?: string): Promise<string> {
  return ask(async (p) => (await p.input({ message: t('prompt.person'), default: known, validate: (v) => v.trim() !== '' })).trim());
}

export async function askCreatePerson(name: string): Promise<boolean> {
  return ask((p) => p.confirm({ message: t('prompt.create_person', { name }), default: true }));
}

export async function askVisit(known: Omit<VisitAnswers, 'concerns'> & { concerns?: string[] }, today: IsoDate, withConcerns: boolean): Promise<VisitAnswers> {
  return ask(async (p) => {
    const dateText = await p.input({
      message: t('prompt.date'),
      default: known.date,
      validate: accepts((v) => {
        const date = parseDate(v, today);
        if (date > today) throw new Error(t('err.date_in_future', { date, today }));
      }),
    });
    const category = await p.select({
      message: t('prompt.category'),
      default: known.category,
      choices: VISIT_CATEGORIES.map((k) => ({ name: label('visit_category', k), value: k })),
    });
    const topics = await p.checkbox({
      message: t('prompt.topics'),
      choices: VISIT_TOPICS.map((k) => ({ name: label('visit_topic', k), value: k, checked: known.topics.includes(k) })),
    });
    const notes = optionalText(await p.input({ message: t('prompt.heard'), default: known.notes ?? undefined }));
    const place = optionalText(await p.input({ message: t('prompt.place'), default: known.place ?? undefined }));
    const concerns = [...(known.concerns ?? [])];
    if (withConcerns) {
      for (;;) {
        const c = optionalText(await p.input({ message: t('prompt.concern') }));
        if (!c) break;
        concerns.push(c);
      }
    }
    return { date: parseDate(dateText, today), category, topics, notes, place, concerns };
  });
}
