// fs handover: what a successor receives at the term's end — the village's state and every open
// promise — as a document, a workbook or JSON; with --bundle, the ledger itself beside the lists.
import { Command } from 'commander';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { backupDatabase } from '../db/backup.js';
import { listDueItems } from '../db/due.js';
import { rosterFigures } from '../db/handover.js';
import type { Db } from '../db/open.js';
import { listPlans } from '../db/plans.js';
import { getSetting, listSettings } from '../db/settings.js';
import { exportRecords } from '../db/transfer.js';
import type { DocumentTree } from '../domain/document.js';
import { buildHandover, openItems, type HandoverBasics } from '../domain/handover.js';
import { UsageError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { renderDocumentMarkdown } from '../render/document-md.js';
import { documentSheets, writeWorkbook } from '../render/xlsx.js';
import type { IsoDate } from '../time/dates.js';
import { action } from './shared/action.js';
import type { Context } from './shared/context.js';
import { outputSink, streamOutput, writeErr } from './shared/io.js';
import { emit } from './shared/options.js';

const FORMATS = ['md', 'docx', 'xlsx', 'json'] as const;
type HandoverFormat = (typeof FORMATS)[number];

/** Open items over the whole term: every promise, however far off its deadline. */
const TERM_DAYS = 3 * 366;

interface HandoverFlags {
  format?: string;
  output?: string;
  bundle?: string;
}

function basicsOf(db: Db, today: IsoDate): HandoverBasics {
  return {
    village: getSetting(db, 'village'),
    secretary: getSetting(db, 'secretary'),
    roster: rosterFigures(db),
    plans: listPlans(db, today).filter((p) => p.status !== 'dropped'),
    settings: listSettings(db).map((s) => ({ key: s.key, value: s.value, default: !s.is_set })),
  };
}

function formatOf(o: HandoverFlags): HandoverFormat {
  const f = o.format ?? (o.output ? extname(o.output).slice(1).toLowerCase() : 'md');
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError('err.handover_format', { value: f });
  return f as HandoverFormat;
}

async function write(format: HandoverFormat, tree: DocumentTree, json: unknown, output: string | undefined): Promise<void> {
  if (format === 'json') return emit(`${JSON.stringify(json, null, 2)}\n`, { output });
  if (format === 'md') return emit(renderDocumentMarkdown(tree), { output });
  await streamOutput(output, async (stream) => {
    if (format === 'xlsx') await writeWorkbook(stream, documentSheets(tree));
    else {
      const { renderDocumentDocx } = await import('../render/document-docx.js');
      stream.end(await renderDocumentDocx(tree));
    }
  });
  if (output) writeErr(t('msg.wrote_file', { path: output }));
}

/** The lists (docx, and JSON for scripts), the export file and a backup, in a new folder, for the successor. */
async function bundle(ctx: Context, db: Db, dir: string, tree: DocumentTree, json: unknown): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError('err.bundle_exists', { path: dir });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = (key: 'handover.file.lists' | 'handover.file.export' | 'handover.file.backup', ext: string) => join(dir, `${t(key)}-${ctx.today}.${ext}`);
  const files = [name('handover.file.lists', 'docx'), name('handover.file.lists', 'json'), name('handover.file.export', 'ndjson'), name('handover.file.backup', 'db')];
  await write('docx', tree, json, files[0]);
  await write('json', tree, json, files[1]);
  const sink = outputSink(files[2]);
  exportRecords(db, (line) => sink.write(`${line}\n`));
  sink.finish();
  await backupDatabase(db, files[3]!);
  writeErr(t('msg.bundle_written', { path: dir, files: files.map((f) => f.slice(dir.length + 1)).join(', ') }));
}

export function handoverCommand(): Command {
  return new Command('handover')
    .description(t('cmd.handover'))
    .option('--format <format>', t('opt.handover_format'))
    .option('-o, --output <file>', t('opt.output'))
    .option('--bundle <dir>', t('opt.bundle'))
    .addHelpText('after', '\nExamples:\n  fs handover -o 交接清单.docx\n  fs handover --format json | jq \'.open_items | length\'\n  fs handover --bundle 交接材料')
    .action(
      action(async (ctx, o: HandoverFlags) => {
        const format = formatOf(o);
        if ((format === 'docx' || format === 'xlsx') && !o.output && !o.bundle && ctx.stdoutIsTTY) throw new UsageError('err.handover_binary_tty', { format });
        const db = await ctx.db();
        const basics = basicsOf(db, ctx.today);
        const items = openItems(listDueItems(db, ctx.today, TERM_DAYS));
        const tree = buildHandover(basics, items, ctx.today, getLang());
        const json = { today: ctx.today, basics, open_items: items };
        if (o.bundle) return bundle(ctx, db, o.bundle, tree, json);
        await write(format, tree, json, o.output);
      }),
    );
}
