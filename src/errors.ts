// Typed errors: deep code throws these with a catalogue key and its values; only src/main.ts
// turns them into a message in the user's language and an exit code.
import { t, type Message, type MessageKey, type Params } from './i18n/index.js';

export class FsError extends Error {
  readonly exitCode: number = 1;
  readonly key: MessageKey;
  readonly params: Params;
  constructor(key: MessageKey | Message, params: Params = {}) {
    const m = typeof key === 'string' ? { key, params } : key;
    // The message is for stacks and logs; the edge translates key and params itself.
    super(t(m.key, m.params));
    this.key = m.key;
    this.params = m.params;
  }

  /** The one line a user reads, in their language. */
  describe(): string {
    return t(this.key, this.params);
  }
}

/** Bad flag, bad value, missing input, refused transition: exit 2. */
export class UsageError extends FsError {
  override readonly exitCode = 2;
}

/** An id or name that matches nothing: exit 1. */
export class NotFoundError extends FsError {
  override readonly exitCode = 1;
}

/** The data or the database refuses (foreign file, newer schema, limit reached): exit 1. */
export class DataError extends FsError {
  override readonly exitCode = 1;
}

/** The user cancelled a prompt (Ctrl-C) or declined a confirmation: exit 130, nothing written. */
export class CancelledError extends FsError {
  override readonly exitCode = 130;
}
