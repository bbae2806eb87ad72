/** Inputs for the reader tests, built on the fly in a temp folder. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { openTables } from '../../src/read/open';
import type { RawRow, ReadNotice } from '../../src/read/types';

/** A fresh temp folder, removed after the calling file's (or describe block's) tests. Call at collection time, not inside a test. */
export function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-read-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function write(dir: string, name: string, data: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
}

export interface CollectedTable {
  file: string;
  sheet: string | null;
  encoding: string | null;
  rows: RawRow[];
}

/** Reads every table of a file the way the checker will: each table's rows fully before the next. */
export async function collect(file: string): Promise<{ tables: CollectedTable[]; notices: ReadNotice[] }> {
  const notices: ReadNotice[] = [];
  const tables: CollectedTable[] = [];
  for await (const t of openTables(file, (n) => notices.push(n))) {
    const rows: RawRow[] = [];
    for await (const r of t.rows) rows.push(r);
    tables.push({ file: t.file, sheet: t.sheet, encoding: t.encoding, rows });
  }
  return { tables, notices };
}

/** The cells of the only table, by row number. */
export function byRow(rows: RawRow[]): Map<number, unknown[]> {
  return new Map(rows.map((r) => [r.row, r.cells]));
}

export interface RawZipEntry {
  name: string;
  /** Bytes as stored in the zip (already deflated when method is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** An entry compressed by zlib (fast, unlike fflate at high levels). */
export function deflated(name: string, data: Uint8Array | string): RawZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return { name, stored: zlib.deflateRawSync(bytes), method: 8, crc: zlib.crc32(bytes), size: bytes.length };
}

/**
 * `size` bytes of zeros, deflated without ever holding them: one megabyte compressed with a
 * sync flush (a byte-aligned, non-final block) repeated, then an empty final block. A real
 * zip bomb in milliseconds, where deflating 300 MB would take seconds.
 */
export function deflatedZeros(name: string, size: number): RawZipEntry {
  const MB = 1024 * 1024;
  if (size % MB !== 0) throw new Error('whole megabytes only');
  const zeros = Buffer.alloc(MB);
  const block = zlib.deflateRawSync(zeros, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < size / MB; i++) {
    parts.push(block);
    crc = zlib.crc32(zeros, crc);
  }
  parts.push(Buffer.from([0x03, 0x00])); // final empty fixed-Huffman block
  return { name, stored: Buffer.concat(parts), method: 8, crc, size };
}

/** A plain zip writer (local headers, central directory, EOCD), so tests control every byte. */
export function buildZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lfh = Buffer.alloc(30);
    lfh.writeUInt32LE(0x04034b50, 0);
    lfh.writeUInt16LE(20, 4);
    lfh.writeUInt16LE(0x800, 6);
    lfh.writeUInt16LE(e.method, 8);
    lfh.writeUInt32LE(e.crc >>> 0, 14);
    lfh.writeUInt32LE(e.stored.length, 18);
    lfh.writeUInt32LE(e.size, 22);
    lfh.writeUInt16LE(name.length, 26);
    locals.push(lfh, name, Buffer.from(e.stored));
    const cdh = Buffer.alloc(46);
    cdh.writeUInt32LE(0x02014b50, 0);
    cdh.writeUInt16LE(20, 4);
    cdh.writeUInt16LE(20, 6);
    cdh.writeUInt16LE(0x800, 8);
    cdh.writeUInt16LE(e.method, 10);
    cdh.writeUInt32LE(e.crc >>> 0, 16);
    cdh.writeUInt32LE(e.stored.length, 20);
    cdh.writeUInt32LE(e.size, 24);
    cdh.writeUInt16LE(name.length, 28);
    cdh.writeUInt32LE(offset, 42);
    central.push(cdh, name);
    offset += 30 + name.length + e.stored.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/**
 * A small but well-formed Compound File: header, one FAT sector, one directory sector
 * holding a root entry and the given stream names.
 */
export function buildCfb(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT itself
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1 (directory) ends its chain

  const dir = Buffer.alloc(512, 0);
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, i) => {
    const off = i * 128;
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(dir, off);
    dir.writeUInt16LE(n.length, off + 0x40);
    dir[off + 0x42] = i === 0 ? 5 : 2;
    dir.writeUInt32LE(0xffffffff, off + 0x44);
    dir.writeUInt32LE(0xffffffff, off + 0x48);
    dir.writeUInt32LE(0xffffffff, off + 0x4c);
  });
  return Buffer.concat([header, fat, dir]);
}
