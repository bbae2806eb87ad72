/**
 * Writes a zip of in-memory parts with Node's own zlib: deflate and CRC-32 in native code, on
 * libuv's threads. The zip libraries on npm compute CRC-32 in JavaScript (0.6 s for a national
 * report's 90 MB sheet) and deflate a part on one thread; here a large part is cut into slices
 * deflated side by side and joined into one deflate stream, the way pigz does.
 *
 * Only what OOXML packages need: stored and deflated entries, UTF-8 names, one fixed time, no
 * zip64 (a part over 4 GB or more than 65,535 parts is refused).
 */
import * as zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** 0 stores the bytes as they are; 1–9 deflates them at that level. */
  level: number;
}

/** Slices of a large part deflated in parallel. Each is a sync-flushed deflate block sequence. */
const SLICE = 4 * 1024 * 1024;
const MAX_32 = 0xffffffff;

function deflate(data: Uint8Array, level: number, last: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zlib.deflateRaw(data, { level, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }, (err, out) => (err ? reject(err) : resolve(out))),
  );
}

/**
 * The part deflated as one stream: every slice but the last ends on a sync flush (byte-aligned,
 * not final), so the slices concatenate into a valid stream. The slicing is fixed, so the same
 * part gives the same bytes.
 */
async function deflated(data: Uint8Array, level: number): Promise<Buffer[]> {
  const jobs: Promise<Buffer>[] = [];
  for (let at = 0; at < data.length || at === 0; at += SLICE) {
    const end = Math.min(at + SLICE, data.length);
    jobs.push(deflate(data.subarray(at, end), level, end === data.length));
  }
  return Promise.all(jobs);
}

/** DOS date and time fields from the UTC fields of `d` (so no time zone enters the bytes), 1980–2107. */
function dosTime(d: Date): { time: number; date: number } {
  if (Number.isNaN(d.getTime())) throw new Error('zip: the entries’ time is not a valid date');
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800;
const VERSION = 20;

/** The zip of `entries`, in their order, every entry stamped with `mtime`. */
export async function writeZip(entries: readonly ZipEntry[], mtime: Date): Promise<Buffer> {
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} parts, more than a zip without zip64 holds`);
  const { time, date } = dosTime(mtime);
  const bodies = await Promise.all(entries.map((e) => (e.level > 0 ? deflated(e.data, e.level) : [Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength)])));
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name, 'utf8');
    const size = bodies[i].reduce((n, b) => n + b.length, 0);
    if (e.data.length > MAX_32 || size > MAX_32 || offset > MAX_32) throw new Error(`zip: ${e.name} is beyond 4 GB`);
    const crc = zlib.crc32(e.data);
    const method = e.level > 0 ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    local.copy(record, 8, 6, 28); // flags, method, time, date, crc, sizes, name length: as in the local header
    record.writeUInt32LE(offset, 42);
    out.push(local, name, ...bodies[i]);
    central.push(record, name);
    offset += local.length + name.length + size;
  });
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  if (offset > MAX_32) throw new Error('zip: the package is beyond 4 GB');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}
