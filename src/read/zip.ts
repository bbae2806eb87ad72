/**
 * Just enough of the zip format to read an XLSX by its parts: the central directory (read from
 * the end of the file, where the EOCD record points to it), the extraction of a few small entries
 * (workbook.xml and its rels), and any entry as a stream (a sheet), inflated by Node's zlib.
 * Reads only the bytes needed: the file may be large and is never loaded whole.
 */
import * as fs from 'fs';
import type { FileHandle } from 'fs/promises';
import * as zlib from 'zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else we cannot unpack. */
  method: number;
  compressedSize: number;
  /** As declared by the central directory (the guard's input; a liar is caught elsewhere, see zip-guard.ts). */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface EndOfCentralDirectory {
  entryCount: number;
  cdOffset: number;
  cdSize: number;
  /** Where the (ZIP64) end records start: the central directory must end before. */
  endOffset: number;
}

/** The file is not a well-formed zip (truncated, damaged, multi-volume). */
export class ZipFormatError extends Error {}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export async function readEndOfCentralDirectory(fh: FileHandle, fileSize: number): Promise<EndOfCentralDirectory> {
  const tailLength = Math.min(fileSize, EOCD_MIN + MAX_COMMENT);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(fh, tailStart, tailLength, fileSize);
  let at = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_MIN + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('no end-of-central-directory record (truncated zip?)');
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw new ZipFormatError('multi-volume zip');

  let entryCount = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  let endOffset = tailStart + at;
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: a locator just before the EOCD points at the 64-bit end record.
    if (at < 20 || tail.readUInt32LE(at - 20) !== ZIP64_LOCATOR_SIG) throw new ZipFormatError('ZIP64 locator missing');
    const z64At = num64(tail, at - 20 + 8);
    const z64 = await readAt(fh, z64At, 56, fileSize);
    if (z64.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new ZipFormatError('ZIP64 end record missing');
    entryCount = num64(z64, 32);
    cdSize = num64(z64, 40);
    cdOffset = num64(z64, 48);
    endOffset = z64At;
  }
  if (cdOffset + cdSize > endOffset) throw new ZipFormatError('central directory outside the file (truncated zip?)');
  return { entryCount, cdOffset, cdSize, endOffset };
}

/** Parses the central directory. Call after the guard has accepted `eocd.entryCount` and `eocd.cdSize`. */
export async function readCentralDirectory(fh: FileHandle, fileSize: number, eocd: EndOfCentralDirectory): Promise<ZipEntry[]> {
  const cd = await readAt(fh, eocd.cdOffset, eocd.cdSize, fileSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < eocd.entryCount; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) throw new ZipFormatError('damaged central directory');
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) throw new ZipFormatError('damaged central directory');
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);

    // ZIP64 extra field: the 64-bit values of the fields saturated at 0xffffffff, in this order.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = cd.readUInt16LE(x);
      const size = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const take = (): number => {
          if (q + 8 > x + 4 + size) throw new ZipFormatError('damaged ZIP64 field');
          const v = num64(cd, q);
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      x += 4 + size;
    }

    // The entry's data must lie before the central directory: otherwise the file was cut short.
    if (localHeaderOffset + 30 + nameLength + compressedSize > eocd.cdOffset) {
      throw new ZipFormatError(`entry ${name} extends past the central directory (truncated zip?)`);
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = end;
  }
  return entries;
}

/** An entry and where its data starts (after its local header): what entryChunks streams. */
export interface ZipPart extends ZipEntry {
  dataStart: number;
}

/** Where the entry's data starts, from its local header (whose name and extra lengths may differ from the central directory's). */
export async function locate(fh: FileHandle, fileSize: number, entry: ZipEntry): Promise<ZipPart> {
  const lfh = await readAt(fh, entry.localHeaderOffset, 30, fileSize);
  if (lfh.readUInt32LE(0) !== LFH_SIG) throw new ZipFormatError(`damaged local header of ${entry.name}`);
  const dataStart = entry.localHeaderOffset + 30 + lfh.readUInt16LE(26) + lfh.readUInt16LE(28);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method} for ${entry.name}`);
  return { ...entry, dataStart };
}

/** Unpacks one (small) entry. `maxBytes` bounds the declared size; the inflater output is checked too. */
export async function readEntry(fh: FileHandle, fileSize: number, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw new ZipFormatError(`${entry.name} is too large`);
  const { dataStart } = await locate(fh, fileSize, entry);
  const data = await readAt(fh, dataStart, entry.compressedSize, fileSize);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else {
    try {
      // The same zlib as entryChunks; never more than the declared size is produced.
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (e) {
      throw new ZipFormatError(`cannot inflate ${entry.name}: ${(e as Error).message}`);
    }
  }
  if (out.length !== entry.uncompressedSize) throw new ZipFormatError(`${entry.name} has a wrong size`);
  return out;
}

/**
 * One entry's bytes, streamed from the file and inflated by zlib as they are read. A zip that
 * declares fewer bytes than the entry holds (the guard judged the declared sizes) fails here as
 * soon as it goes beyond; one that ends short fails at its end. Stopping early closes the file.
 */
export async function* entryChunks(file: string, part: ZipPart): AsyncGenerator<Buffer> {
  if (part.compressedSize === 0 && part.uncompressedSize === 0) return;
  const raw = fs.createReadStream(file, { start: part.dataStart, end: part.dataStart + part.compressedSize - 1, highWaterMark: 256 * 1024 });
  const inflate = part.method === 8 ? zlib.createInflateRaw() : null;
  const source = inflate ? raw.pipe(inflate) : raw;
  // A read error must end the inflater's iteration too, not leave it waiting.
  if (inflate) raw.on('error', (e) => inflate.destroy(e));
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > part.uncompressedSize) throw new ZipFormatError(`${part.name} has a wrong size`);
      yield chunk;
    }
  } catch (e) {
    throw e instanceof ZipFormatError ? e : new ZipFormatError(`cannot read ${part.name}: ${(e as Error).message}`);
  } finally {
    raw.destroy();
    inflate?.destroy();
  }
  if (total !== part.uncompressedSize) throw new ZipFormatError(`${part.name} has a wrong size`);
}

function num64(buf: Buffer, offset: number): number {
  const v = buf.readBigUInt64LE(offset);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 value out of range');
  return Number(v);
}

async function readAt(fh: FileHandle, position: number, length: number, fileSize: number): Promise<Buffer> {
  if (position < 0 || position + length > fileSize) throw new ZipFormatError('read beyond end of file (truncated zip?)');
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipFormatError('short read');
    done += bytesRead;
  }
  return buf;
}
