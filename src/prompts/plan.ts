// The questions of `fs plan add` / `fs plan edit` (pre-filled with the flags or the current values),
// and the one-value questions the other plan commands ask when a required flag is missing.
import { parseBudget, PLAN_AREAS, PLAN_KINDS, type PlanInput } from '../domain/plan.js';
import { label, t } from '../i18n/index.js';
import { parseDate, type IsoDate } from '../time/dates.js';
import { accepts, ask, optionalText } from './index.js';

/** A validator from a parser: true, or the parser's one-line message. */

export async function askPlan(known: Partial<PlanInput>, today: IsoDate): Promise<PlanInput> {
  return ask(async (p) => {
    const title = (await p.input({ message: t('prompt.plan_title'), default: known.title, validate: (v) => v.trim() !== '' || t('err.plan_title_empty') })).trim();
    const area = await p.select({
      message: t('prompt.plan_area'),
      default: known.area,
      choices: PLAN_AREAS.map((k) => ({ name: label('plan_area', k), value: k })),
    });
    const kind = await p.select({
      message: t('prompt.plan_kind'),
      default: known.kind ?? 'goal',
      choices: PLAN_KINDS.map((k) => ({ name: label('plan_kind', k), value: k })),
    });
    const target = optionalText(await p.input({ message: t('prompt.plan_target'), default: known.target ?? undefined }));
    const measures = optionalText(await p.input({ message: t('prompt.plan_measures'), default: known.measures ?? undefined }));
    const owner = optionalText(await p.input({ message: t('prompt.plan_owner'), default: known.owner ?? undefined }));
    const optionalDate = (v: string) => (v.trim() === '' ? null : parseDate(v, today));
    const start_on = optionalDate(await p.input({ message: t('prompt.plan_start'), default: known.start_on ?? undefined, validate: accepts(optionalDate) }));
    const due_on = optionalDate(
      await p.input({
        message: t('prompt.plan_due'),
        default: known.due_on ?? undefined,
        validate: (v) => {
          const ok = accepts(optionalDate)(v);
          if (ok !== true) return ok;
          const due = optionalDate(v);
          return !start_on || !due || due >= start_on || t('err.plan_due_before_start', { due, start: start_on });
        },
      }),
    );
    const optionalBudget = (v: string) => (v.trim() === '' ? null : parseBudget(v));
    const budget = optionalBudget(
      await p.input({ message: t('prompt.plan_budget'), default: known.budget == null ? undefined : String(known.budget), validate: accepts(optionalBudget) }),
    );
    return { title, area, kind, target, measures, owner, start_on, due_on, budget };
  });
}

/** One required line of text. */
export async function askText(message: string, known?: string): Promise<string> {
  return ask(async (p) => (await p.input({ message, default: known, validate: (v) => v.trim() !== '' || t('err.plan_text_empty') })).trim());
}

/** One date, pre-filled (usually today). */
export async function askDate(message: string, known: IsoDate, today: IsoDate): Promise<IsoDate> {
  return ask(async (p) => parseDate(await p.input({ message, default: known, validate: accepts((v) => parseDate(v, today)) }), today));
}
