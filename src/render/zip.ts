// A zip archive written in one piece, deflated by Node's zlib: the container of a .docx. The
// document's parts come from the docx library (src/render/document-docx.ts), whose own packer
// deflates them in JavaScript (jszip's pako), which costs more than the rest of the docx path.
import * as zlib from 'node:zlib';

export interface ZipMember {
  /** The path inside the archive; a folder's ends with "/". */
  name: string;
  /** The member's bytes; undefined for a folder. */
  data?: Uint8Array;
  /** Modification time (stored as a DOS date and time in UTC, as jszip does). */
  date: Date;
}

let table: Int32Array | undefined;

/** CRC-32 (IEEE) by table, for Node before 20.15 (no zlib.crc32). */
export function crc32Table(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const nodeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The CRC-32 a zip member carries. */
export function crc32(data: Uint8Array): number {
  return nodeCrc32 ? nodeCrc32(data) : crc32Table(data);
}

/** The archive's bytes: each member deflated (folders stored), then the central directory. */
export function zipArchive(members: ZipMember[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const raw = m.data ?? new Uint8Array(0);
    const folder = m.data === undefined;
    const body = folder ? Buffer.alloc(0) : zlib.deflateRawSync(raw);
    const d = m.date;
    const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
    const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
    // Fields shared by the local header (from its offset 4) and the central record (from offset 6).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(folder ? 10 : 20, 0); // version needed: 1.0 to store, 2.0 to deflate
    common.writeUInt16LE(/[^\x00-\x7f]/.test(m.name) ? 0x0800 : 0, 2); // UTF-8 name
    common.writeUInt16LE(folder ? 0 : 8, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(folder ? 0 : crc32(raw), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(raw.length, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    chunks.push(local, common, name, body);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: MS-DOS, zip 2.0
    common.copy(record, 6);
    // comment length, disk number, internal attributes: 0; external: the DOS folder bit.
    record.writeUInt32LE(folder ? 0x10 : 0, 38);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += 30 + name.length + body.length;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
