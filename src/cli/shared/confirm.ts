import { CancelledError, UsageError } from '../../errors.js';
import { ask } from '../../prompts/index.js';
import { t } from '../../i18n/index.js';
import type { Context } from './context.js';

/**
 * A destructive step goes ahead with --yes; on a terminal it asks; without one and without --yes
 * it refuses (exit 2) rather than guess.
 */
export async function confirmOrYes(ctx: Context, yes: boolean | undefined, question: string, action: string): Promise<void> {
  if (yes) return;
  if (!ctx.interactive) throw new UsageError('err.confirm_needs_yes', { action });
  const ok = await ask((p) => p.confirm({ message: question, default: false }));
  if (!ok) throw new CancelledError('err.cancelled');
}
