// The questions of fs presence add on a terminal: the status, and for leave its type and approver.
import type { LeaveType, PresenceStatus } from '../domain/presence.js';
import { LEAVE_TYPES, PRESENCE_STATUSES } from '../domain/presence.js';
import { label, t } from '../i18n/index.js';
import { ask, optionalText } from './index.js';

export async function askPresence(known: { status?: PresenceStatus; leave_type?: LeaveType | null }): Promise<{ status: PresenceStatus; leave_type: LeaveType | null; approved_by: string | null }> {
  return ask(async (p) => {
    const status = known.status ?? (await p.select({ message: t('what.presence_status'), choices: PRESENCE_STATUSES.map((k) => ({ value: k, name: label('presence_status', k) })) }));
    if (status !== 'leave') return { status, leave_type: null, approved_by: null };
    const leave_type = known.leave_type ?? (await p.select({ message: t('what.leave_type'), choices: LEAVE_TYPES.map((k) => ({ value: k, name: label('leave_type', k) })) }));
    const approved_by = optionalText(await p.input({ message: t('col.approved_by') }));
    return { status, leave_type, approved_by };
  });
}
