// fs undo: revert the most recent change (again and again, back in time), itself logged.
import { Command } from 'commander';
import type { ChangeEntry } from '../domain/history.js';
import { findUndoTarget, undoChange } from '../db/history.js';
import type { Db } from '../db/open.js';
import { write } from '../db/store.js';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { describeChange } from '../render/safety.js';
import { action } from './shared/action.js';
import { confirmOrYes } from './shared/confirm.js';
import { writeErr } from './shared/io.js';

/** Try the undo and roll it back: a change that cannot be reverted is refused before asking. */
function rehearse(db: Db, target: ChangeEntry): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    undoChange(db, target);
  } finally {
    db.exec('ROLLBACK');
  }
}

export function undoCommand(): Command {
  return new Command('undo')
    .description(t('cmd.undo'))
    .option('-y, --yes', t('opt.yes'))
    .addHelpText('after', '\nExamples:\n  fs undo\n  fs undo --yes\n  fs history --limit 5   # what the next undo would revert is the newest change not undone')
    .action(
      action(async (ctx, o: { yes?: boolean }) => {
        const db = await ctx.db();
        const target = findUndoTarget(db);
        if (!target) throw new DataError('err.nothing_to_undo');
        rehearse(db, target);
        const what = describeChange(target);
        await confirmOrYes(ctx, o.yes, t('prompt.confirm_undo', { change: what }), t('action.undo'));
        write(db, () => {
          // Another fs may have written while we asked: undo only what was shown.
          if (findUndoTarget(db)?.id !== target.id) throw new DataError('err.undo_changed_since');
          undoChange(db, target);
        });
        writeErr(t('msg.undone', { change: what }));
      }),
    );
}
