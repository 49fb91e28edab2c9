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

/** One command's changes (migration 0006): history and undo speak in these. */
export interface ChangeSet {
  id: number;
  at: string;
  /** "visit add"; "" for rows written through the library or before change sets. */
  command: string;
  /** The flags given, without their values. */
  flags: string;
  /** An undo's set: the set it reverted (undoing an undo set redoes that set). */
  undoes: number | null;
}

/**
 * Which of these sets are still in effect, walking newest first: an undo set in effect cancels
 * the set it undid; a cancelled undo set (a redo undid it) cancels nothing, so its target is in
 * effect again. Returns the ids cancelled and, per undo set in effect, its target.
 */
export function cancelledSets(newestFirst: Iterable<Pick<ChangeSet, 'id' | 'undoes'>>): Set<number> {
  const cancelled = new Set<number>();
  for (const s of newestFirst) if (!cancelled.has(s.id) && s.undoes !== null) cancelled.add(s.undoes);
  return cancelled;
}

/** What `fs undo` reverts: the newest set in effect that is not itself an undo (so undo walks back in time). */
export function pickUndoSet(newestFirst: Iterable<Pick<ChangeSet, 'id' | 'undoes'>>): number | undefined {
  const cancelled = new Set<number>();
  for (const s of newestFirst) {
    if (cancelled.has(s.id)) continue;
    if (s.undoes !== null) cancelled.add(s.undoes);
    else return s.id;
  }
  return undefined;
}

/**
 * The later sets that still count against undoing `target`: those in effect, except an undo and the
 * set it undid when both came after `target` (together they changed nothing).
 */
export function laterInEffect(target: number, newestFirst: Iterable<Pick<ChangeSet, 'id' | 'undoes'>>): number[] {
  const cancelled = new Set<number>();
  const out: number[] = [];
  for (const s of newestFirst) {
    if (s.id <= target) break;
    if (cancelled.has(s.id)) continue;
    if (s.undoes !== null && s.undoes > target) cancelled.add(s.undoes);
    else out.push(s.id);
  }
  return out;
}
