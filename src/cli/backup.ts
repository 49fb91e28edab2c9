// fs backup: an online, consistent copy of the database (also from cron while fs is in use).
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupDatabase, backupDirFor, newBackupPath, openForBackup, pruneBackups } from '../db/backup.js';
import type { Db } from '../db/open.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { action } from './shared/action.js';
import { writeErr, writeOut } from './shared/io.js';
import { parseWholeNumber } from './shared/options.js';

/** A backup into backups/ beside the database; returns its path. */
export async function backupNow(dbPath: string, db: Db): Promise<string> {
  const dest = newBackupPath(backupDirFor(dbPath), dbPath);
  await backupDatabase(db, dest);
  return dest;
}

export function backupCommand(): Command {
  return new Command('backup')
    .description(t('cmd.backup'))
    .argument('[file]', t('arg.backup_file'))
    .option('--keep <n>', t('opt.keep'))
    .addHelpText('after', '\nExamples:\n  fs backup\n  fs backup --keep 30            # e.g. daily from cron: 0 21 * * * fs backup --keep 30\n  fs backup /media/usb/fs-2026-11-27.db')
    .action(
      action(async (ctx, file: string | undefined, o: { keep?: string }) => {
        const keep = o.keep === undefined ? undefined : parseWholeNumber(o.keep, t('what.keep'), 1);
        if (file !== undefined && file.trim() === '') throw new UsageError('err.bad_path', { value: file });
        const dest = file === undefined ? newBackupPath(backupDirFor(ctx.dbPath), ctx.dbPath) : resolve(file);
        if (existsSync(dest)) throw new UsageError('err.backup_exists', { path: dest });
        const db = openForBackup(ctx.dbPath);
        try {
          await backupDatabase(db, dest);
        } finally {
          db.close();
        }
        writeOut(`${dest}\n`);
        if (keep !== undefined) for (const p of pruneBackups(dirname(dest), ctx.dbPath, keep)) writeErr(t('msg.backup_pruned', { path: p }));
      }),
    );
}
