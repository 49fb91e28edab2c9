// fs doctor's rules: what each check may say and what the verdict is. Pure.

export const DOCTOR_CHECKS = ['database', 'schema', 'integrity', 'foreign_keys', 'permissions', 'backups'] as const;
export type DoctorCheckKey = (typeof DOCTOR_CHECKS)[number];

export const CHECK_STATUSES = ['ok', 'warn', 'problem'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface DoctorCheck {
  check: DoctorCheckKey;
  status: CheckStatus;
  detail: string;
}

/** Group or other permission bits: someone else on the machine could read the ledger. */
export function tooOpen(mode: number): boolean {
  return (mode & 0o077) !== 0;
}

/**
 * The owner cannot both read and write: for the database and its -wal/-shm that means every change
 * fails with "attempt to write a readonly database" (a -shm left 0400 by a read-only open).
 */
export function notWritable(mode: number): boolean {
  return (mode & 0o600) !== 0o600;
}

/** POSIX shell quoting for a path in a printed command. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command that removes group and other bits: files 600, directories 700. */
export function chmodCommand(files: string[], dirs: string[]): string {
  const parts: string[] = [];
  if (files.length) parts.push(`chmod 600 ${files.map(shellQuote).join(' ')}`);
  if (dirs.length) parts.push(`chmod 700 ${dirs.map(shellQuote).join(' ')}`);
  return parts.join(' && ');
}

export function problemCount(checks: readonly DoctorCheck[]): number {
  return checks.filter((c) => c.status === 'problem').length;
}

/** Schema version compared with what this build knows. */
export function schemaStatus(version: number, known: number): CheckStatus {
  if (version > known) return 'problem';
  return version < known ? 'warn' : 'ok';
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
