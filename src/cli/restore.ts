// fs restore: put a backup back, after checking it and keeping a copy of what it replaces.
import { Command } from 'commander';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { backupDirFor, canOpen, refuseForeign, copyDamaged, inspectDatabaseFile, isSqliteFile, listBackups, newBackupPath, openForBackup, restoreDatabase } from '../db/backup.js';
import { latestVersion } from '../db/open.js';
import { restoreLocked } from '../db/restore-locked.js';
import { DataError, UsageError } from '../errors.js';
import { askBackup } from '../prompts/safety.js';
import { t } from '../i18n/index.js';
import { localTime } from '../render/safety.js';
import { backupNow } from './backup.js';
import { action } from './shared/action.js';
import { confirmOrYes } from './shared/confirm.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { requireFlags } from './shared/options.js';

async function chooseFile(ctx: Context, file: string | undefined): Promise<string> {
  if (file !== undefined) return resolve(file);
  const backups = listBackups(backupDirFor(ctx.dbPath), ctx.dbPath);
  if (!ctx.interactive) requireFlags(['FILE']);
  if (backups.length === 0) throw new DataError('err.no_backups', { dir: backupDirFor(ctx.dbPath) });
  return askBackup(backups.map((p) => ({ path: p, label: `${basename(p)}  (${localTime(statSync(p).mtime.toISOString())})` })));
}

const samePath = (a: string, b: string) => existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);

/** A healthy fs database that SQLite opens: restored in place, under its own lock. */
function usable(dbPath: string): boolean {
  if (!existsSync(dbPath) || statSync(dbPath).size === 0 || !isSqliteFile(dbPath) || !canOpen(dbPath)) return false;
  try {
    return inspectDatabaseFile(dbPath).problems.length === 0;
  } catch {
    return false;
  }
}

/**
 * Keep what is about to be replaced. A healthy database goes through the backup API; one SQLite
 * cannot read is copied byte for byte. A file that is not an fs database is never replaced.
 */
async function keepCurrent(dbPath: string): Promise<{ path: string; usable: boolean } | undefined> {
  if (!existsSync(dbPath) || statSync(dbPath).size === 0) return undefined;
  if (!isSqliteFile(dbPath)) throw new DataError('err.not_fs_db', { path: dbPath });
  if (canOpen(dbPath)) {
    const db = openForBackup(dbPath);
    try {
      return { path: await backupNow(dbPath, db), usable: true };
    } catch {
      // fall through: the copy failed on a damaged page; keep the bytes instead
    } finally {
      db.close();
    }
  }
  const dest = newBackupPath(backupDirFor(dbPath), dbPath).replace(/\.db$/, '-damaged.db');
  copyDamaged(dbPath, dest);
  return { path: dest, usable: false };
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description(t('cmd.restore'))
    .argument('[file]', t('arg.restore_file'))
    .option('-y, --yes', t('opt.yes'))
    .addHelpText('after', '\nExamples:\n  fs restore                      # on a terminal: choose one of the backups\n  fs restore ~/.local/share/fs/backups/fs-2026-11-27T10-30-00.000Z.db --yes')
    .action(
      action(async (ctx, file: string | undefined, o: { yes?: boolean }) => {
        const source = await chooseFile(ctx, file);
        if (samePath(source, ctx.dbPath)) throw new UsageError('err.restore_same', { path: source });
        refuseForeign(source, latestVersion());
        const info = inspectDatabaseFile(source);
        if (info.version > latestVersion()) throw new DataError('err.newer_db', { path: source, found: info.version, known: latestVersion() });
        if (info.problems.length) throw new DataError('err.restore_check_failed', { path: source, detail: info.problems.slice(0, 3).join('; ') });
        await confirmOrYes(ctx, o.yes, t('prompt.confirm_restore', { file: source, db: ctx.dbPath }), t('action.restore'));
        if (usable(ctx.dbPath)) {
          // The copy of what is replaced and the replacement under one write lock: no write in between is lost.
          const keep = newBackupPath(backupDirFor(ctx.dbPath), ctx.dbPath);
          restoreLocked(source, ctx.dbPath, keep);
          writeErr(t('msg.restore_kept', { path: keep }));
        } else {
          // Missing or damaged: nothing writes to it; its bytes are kept and it is replaced by rename.
          const kept = await keepCurrent(ctx.dbPath);
          if (kept) writeErr(t('msg.restore_kept', { path: kept.path }));
          await restoreDatabase(source, ctx.dbPath, kept?.usable ?? true);
        }
        const after = inspectDatabaseFile(ctx.dbPath);
        if (after.problems.length) throw new DataError('err.restore_check_failed', { path: ctx.dbPath, detail: after.problems.slice(0, 3).join('; ') });
        writeErr(t('msg.restored', { file: source, db: ctx.dbPath }));
      }),
    );
}
