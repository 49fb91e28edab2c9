// Typed errors: deep code throws these; only src/main.ts turns them into a message and an exit code.

export class FsError extends Error {
  readonly exitCode: number = 1;
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
