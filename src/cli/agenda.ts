// fs agenda: the secretary's morning question, "what is due or overdue?", in one list.
// load the state (SQL) → dueItems (pure, src/domain/due.ts) → render (a listing, or ics).
import { extname } from 'node:path';
import { Command } from 'commander';
import { DUE_KINDS, type DueKind } from '../domain/due.js';
import { listDueItems } from '../db/due.js';
import { getSetting } from '../db/settings.js';
import { UsageError } from '../errors.js';
import { getLang, label, t } from '../i18n/index.js';
import { agendaListing } from '../render/agenda.js';
import { renderIcs } from '../render/ics.js';
import { FORMATS } from '../render/output.js';
import { addDays } from '../time/dates.js';
import { action } from './shared/action.js';
import { outputSink, writeErr } from './shared/io.js';
import { collect, emitListing, type OutputOptions } from './shared/options.js';

interface AgendaOptions extends OutputOptions {
  days?: string;
  kind?: string[];
}

/** The horizon in days: a whole number, 0 (today only) to ten years. */
export function parseDays(value: string | undefined): number {
  if (value === undefined) return 7;
  const s = value.trim();
  if (!/^\d{1,4}$/.test(s) || Number(s) > 3660) throw new UsageError('err.agenda_days', { value });
  return Number(s);
}

/** A kind by its key or its label in either language (`meeting`, `会议`). */
function kindOf(value: string): DueKind | undefined {
  return DUE_KINDS.find((k) => k === value || label('due_kind', k, 'en') === value || label('due_kind', k, 'zh') === value);
}

/** `--kind concern --kind dispute,pair`: every value checked, duplicates dropped. */
export function parseKinds(values: readonly string[] = []): DueKind[] {
  const out: DueKind[] = [];
  for (const v of values.flatMap((x) => x.split(/[,，、]/)).map((x) => x.trim()).filter(Boolean)) {
    const kind = kindOf(v);
    if (!kind) throw new UsageError('err.agenda_kind', { value: v, kinds: kindList() });
    if (!out.includes(kind)) out.push(kind);
  }
  return out;
}

/** The keys, each with its Chinese label under --lang zh. */
const kindList = () => DUE_KINDS.map((k) => (getLang() === 'zh' ? `${k}（${label('due_kind', k)}）` : k)).join(', ');

const isIcs = (o: OutputOptions) => o.format === 'ics' || (o.format === undefined && o.output !== undefined && extname(o.output).toLowerCase() === '.ics');

export function agendaCommand(): Command {
  // The shared output options, with ics added to --format's help.
  return new Command('agenda')
    .description(t('cmd.agenda'))
    .option('--days <n>', t('opt.agenda_days'))
    .option('--kind <kind>', t('opt.agenda_kind', { kinds: kindList() }), collect)
    .option('--format <format>', t('opt.agenda_format'))
    .option('-o, --output <file>', t('opt.agenda_output'))
    .addHelpText(
      'after',
      '\nExamples:\n  fs agenda\n  fs agenda --days 30 --kind concern,dispute\n  fs agenda --format json\n  fs agenda --days 31 --format ics -o ~/agenda.ics',
    )
    .action(
      action(async (ctx, o: AgendaOptions) => {
        const days = parseDays(o.days);
        const kinds = parseKinds(o.kind);
        const ics = isIcs(o);
        // Checked before the database is opened: a bad format changes nothing.
        if (!ics && o.format !== undefined && !(FORMATS as readonly string[]).includes(o.format)) {
          throw new UsageError('err.bad_format', { value: o.format, choices: [...FORMATS, 'ics'].join(', ') });
        }
        const db = await ctx.db();
        const items = listDueItems(db, ctx.today, days, kinds);
        const last = addDays(ctx.today, days);
        if (!ics) return emitListing(agendaListing(items, ctx.today, last), o, ctx);
        const village = getSetting(db, 'village');
        const text = renderIcs(items, ctx.today, new Date(), village ? `${village} · fs` : 'fs');
        // Written beside the file and renamed: a calendar polling the file never reads half of it.
        const sink = outputSink(o.output);
        sink.write(text);
        sink.finish();
        if (o.output) writeErr(t('msg.wrote_file', { path: o.output }));
      }),
    );
}
