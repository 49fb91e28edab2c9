// fs undo: revert the last command — every change it made, as one change set — again and again,
// back in time; `--id N` reverts an older set that no later one depends on. Itself a change set.
import { Command } from 'commander';
import { findUndoSet, planSetUndo, rehearseUndo, undoSet } from '../db/change-sets.js';
import { write } from '../db/store.js';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { describeSet } from '../render/safety.js';
import { action } from './shared/action.js';
import { confirmOrYes } from './shared/confirm.js';
import { writeErr } from './shared/io.js';
import { parseId } from './shared/options.js';

export function undoCommand(): Command {
  return new Command('undo')
    .description(t('cmd.undo'))
    .option('--id <n>', t('opt.undo_id'))
    .option('-y, --yes', t('opt.yes'))
    .addHelpText(
      'after',
      '\nExamples:\n  fs undo                 # the last command: a visit with its concerns, a meeting with its attendance\n  fs undo --yes\n  fs history --limit 5    # change sets, newest first\n  fs undo --id 12 --yes   # an older command, if nothing later changed the same records',
    )
    .action(
      action(async (ctx, o: { yes?: boolean; id?: string }) => {
        const chosen = o.id === undefined ? undefined : parseId(o.id);
        const db = await ctx.db();
        const id = chosen ?? findUndoSet(db);
        if (id === undefined) throw new DataError('err.nothing_to_undo');
        const plan = rehearseUndo(db, id);
        const what = describeSet(plan.set, plan.entries);
        await confirmOrYes(ctx, o.yes, t('prompt.confirm_undo', { change: what }), t('action.undo'));
        write(db, () => {
          // Another fs may have written while we asked: undo only what was shown.
          if (chosen === undefined && findUndoSet(db) !== id) throw new DataError('err.undo_changed_since');
          undoSet(db, id);
        });
        writeErr(t('msg.undone', { change: what }));
      }),
    );
}
