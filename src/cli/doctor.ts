// fs doctor: is the ledger healthy, private and backed up? Repairs nothing unless asked.
import { Command } from 'commander';
import { problemCount } from '../domain/doctor.js';
import { runDoctor } from '../db/doctor.js';
import { latestVersion } from '../db/open.js';
import { DataError } from '../errors.js';
import { t } from '../i18n/index.js';
import { doctorListing } from '../render/safety.js';
import { action } from './shared/action.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, emitListing, type OutputOptions } from './shared/options.js';

export function doctorCommand(): Command {
  return addOutputOptions(
    new Command('doctor')
      .description(t('cmd.doctor'))
      .option('--full', t('opt.full'))
      .option('--fix-permissions', t('opt.fix_permissions')),
  )
    .addHelpText('after', '\nExamples:\n  fs doctor\n  fs doctor --full --format json\n  fs doctor --fix-permissions')
    .action(
      action(async (ctx, o: OutputOptions & { full?: boolean; fixPermissions?: boolean }) => {
        const checks = runDoctor(ctx.dbPath, { full: Boolean(o.full), fixPermissions: Boolean(o.fixPermissions), knownSchema: latestVersion() });
        emitListing(doctorListing(checks), o, ctx);
        const n = problemCount(checks);
        if (n > 0) throw new DataError('doctor.verdict_bad', { n });
        writeErr(t('doctor.verdict_ok'));
      }),
    );
}
