// The change log read as history, and the rules of undo. Pure.

/** One row of change_log, its JSON parsed. */
export interface ChangeEntry {
  id: number;
  at: string;
  entity: string;
  entity_id: number;
  entity_uid: string | null;
  op: string;
  changes: Record<string, unknown>;
}

/** An undo is logged as its own row (op 'undo', changes.undoes = the reverted row's id). */
export const UNDO_OP = 'undo';
/** An import is logged as one row; it is not undone row by row (restore the backup taken before it). */
export const IMPORT_OP = 'import';

/** The row an undo reverted, or undefined. */
export function undoneId(entry: ChangeEntry): number | undefined {
  if (entry.op !== UNDO_OP) return undefined;
  const id = entry.changes.undoes;
  return typeof id === 'number' ? id : undefined;
}

/**
 * The change `fs undo` reverts: the newest one that is not itself an undo and was not undone yet.
 * `newestFirst` may be a lazy iterator: it stops at the answer. Undoing repeatedly walks back in time.
 */
export function pickUndoTarget(newestFirst: Iterable<ChangeEntry>): ChangeEntry | undefined {
  const undone = new Set<number>();
  for (const e of newestFirst) {
    const u = undoneId(e);
    if (u !== undefined) undone.add(u);
    else if (!undone.has(e.id)) return e;
  }
  return undefined;
}

export interface FieldChange {
  field: string;
  after: unknown;
  before: unknown;
  /** False when the log has no "before" for this field (e.g. topics written with a new visit). */
  hasBefore: boolean;
}

/** An update's logged fields: those that are columns of the table, and the rest (for undo hooks). */
export function splitUpdate(changes: Record<string, unknown>, columns: readonly string[]): { columns: FieldChange[]; other: FieldChange[] } {
  const before = (changes.before && typeof changes.before === 'object' ? changes.before : {}) as Record<string, unknown>;
  const all = Object.keys(changes)
    .filter((k) => k !== 'before')
    .map((field) => ({ field, after: changes[field], before: before[field], hasBefore: field in before }));
  return { columns: all.filter((f) => columns.includes(f.field)), other: all.filter((f) => !columns.includes(f.field)) };
}

/** The same stored value, allowing for SQLite's type affinity ('5' in a TEXT column written as 5). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}
