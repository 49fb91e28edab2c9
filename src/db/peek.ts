// What a SQLite file says about itself (application_id, user_version, an empty schema), read from
// its bytes without SQLite: opening a file to refuse it would change it (closing the last
// connection checkpoints a pending -wal into it and deletes the -wal; a read-only open leaves a
// -wal and -shm behind). A refused file stays byte-identical, with its -wal.
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

export interface FileHeader {
  applicationId: number;
  userVersion: number;
  /** The schema holds no table, index or view (a new, empty database). */
  emptySchema: boolean;
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return n === length ? buf : buf.subarray(0, n);
}

/** The newest committed copy of page 1 in a -wal (frames after a salt change or a torn write are ignored), or undefined. */
function walPageOne(walPath: string, pageSize: number): Buffer | undefined {
  if (!existsSync(walPath)) return undefined;
  const fd = openSync(walPath, 'r');
  try {
    const size = fstatSync(fd).size;
    const header = readAt(fd, 32, 0);
    if (header.length < 32) return undefined;
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return undefined;
    const walPage = header.readUInt32BE(8);
    if (walPage !== (pageSize === 1 ? 65536 : pageSize)) return undefined;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    let committed: Buffer | undefined;
    let pending: Buffer | undefined;
    // Frames are read many at a time: a -wal left by a crash can hold thousands.
    const frameSize = 24 + walPage;
    const perRead = Math.max(1, Math.floor((4 << 20) / frameSize));
    scan: for (let off = 32; off + frameSize <= size; ) {
      const n = Math.min(perRead, Math.floor((size - off) / frameSize));
      const block = readAt(fd, n * frameSize, off);
      for (let i = 0; i < n; i++) {
        const f = i * frameSize;
        if (block.readUInt32BE(f + 8) !== salt1 || block.readUInt32BE(f + 12) !== salt2) break scan;
        if (block.readUInt32BE(f) === 1) pending = Buffer.from(block.subarray(f + 24, f + frameSize));
        // A commit frame carries the database size in pages: what came before it is committed.
        if (block.readUInt32BE(f + 4) !== 0 && pending) committed = pending;
      }
      off += n * frameSize;
    }
    return committed;
  } finally {
    closeSync(fd);
  }
}

/** The header of a SQLite file as SQLite would see it (the -wal's committed page 1 if there is one). Undefined for a non-SQLite or empty file. */
export function peekHeader(path: string): FileHeader | undefined {
  if (!existsSync(path)) return undefined;
  const fd = openSync(path, 'r');
  let page: Buffer;
  let pageSize: number;
  try {
    const head = readAt(fd, 100, 0);
    if (head.length < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') return undefined;
    pageSize = head.readUInt16BE(16);
    page = readAt(fd, pageSize === 1 ? 65536 : pageSize, 0);
  } finally {
    closeSync(fd);
  }
  const fromWal = walPageOne(`${path}-wal`, pageSize);
  if (fromWal) page = fromWal;
  // Page 1 is the schema's b-tree root: a leaf (0x0D) with no cells is an empty schema.
  const emptySchema = page.length > 105 && page[100] === 0x0d && page.readUInt16BE(103) === 0;
  return { applicationId: page.readUInt32BE(68), userVersion: page.readUInt32BE(60), emptySchema };
}

/** An fs ledger, or a new empty SQLite file fs may make one of. */
export function isFsOrEmpty(h: FileHeader, fsApplicationId: number): boolean {
  return h.applicationId === fsApplicationId || (h.applicationId === 0 && h.userVersion === 0 && h.emptySchema);
}
