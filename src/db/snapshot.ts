// Reading one state of the ledger from more than one connection (a report split over threads).
// In WAL mode each connection's read transaction sees the last commit made before its first read.
// Holding the write lock on a third connection while the readers take their first read means no
// commit can fall between them: every reader sees the same commit. Writers wait (busy timeout)
// only until the readers have started, not for the whole report.
import { loadSqlite, type Db } from './open.js';

/** Start a read transaction on `db` and take its snapshot now (BEGIN alone defers it). */
export function beginRead(db: Db): void {
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

/** End the read transaction begun by beginRead (a no-op if none is open). */
export function endRead(db: Db): void {
  if (db.inTransaction) db.exec('COMMIT');
}

/** Take the ledger's write lock on a connection of its own; call the result to let writers go. */
export function holdWrites(path: string): () => void {
  const { Sqlite, nativeBinding } = loadSqlite();
  const lock = new Sqlite(path, { timeout: 5000, nativeBinding, fileMustExist: true });
  try {
    lock.exec('BEGIN IMMEDIATE');
  } catch (e) {
    lock.close();
    throw e;
  }
  return () => {
    if (!lock.open) return;
    try {
      lock.exec('ROLLBACK');
    } finally {
      lock.close();
    }
  };
}
