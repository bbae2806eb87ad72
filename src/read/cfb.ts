/**
 * A look inside a Compound File Binary (OLE2) container, the envelope of Excel 97-2003 .xls
 * files and also of password-protected .xlsx files (which Excel wraps in CFB with an
 * `EncryptionInfo` and an `EncryptedPackage` stream). Only the directory's stream names are
 * read: that is enough to send a workbook to the SheetJS adapter or to tell the clerk which
 * problem they have.
 */
import type { FileHandle } from 'fs/promises';
import type { UnreadableReason } from './types';

/** An .xls to read (a `Workbook` or `Book` stream), or why the container cannot be read. */
export type CfbVerdict = { kind: 'xls' } | { kind: 'unreadable'; reason: UnreadableReason; detail: string };

const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'];
/** BIFF8 (Excel 97-2003) keeps its records in `Workbook`, BIFF5 (Excel 5.0/95) in `Book`. */
const WORKBOOK_STREAMS = ['Workbook', 'Book'];
const MAX_SECT = 0xfffffffa; // sector numbers at or above this are markers (end of chain, free, ...)
const MAX_DIRECTORY_SECTORS = 4096; // real directories are a few sectors; a loop or garbage stops here

/**
 * What this CFB file is. Reads the directory properly (header → FAT → directory chain); when
 * that fails (truncated or hand-made file), falls back to looking for the UTF-16LE stream names
 * of an encrypted workbook in the bytes already read, and otherwise calls the container a
 * damaged .xls: a partial read of a truncated file would lose rows without a word. Never throws.
 */
export async function inspectCfb(fh: FileHandle, fileSize: number, head: Uint8Array): Promise<CfbVerdict> {
  let names: string[];
  try {
    names = await readDirectoryNames(fh, fileSize);
  } catch (e) {
    names = ENCRYPTION_STREAMS.filter((n) => Buffer.from(head).includes(Buffer.from(n, 'utf16le')));
    if (names.length === 0) return { kind: 'unreadable', reason: 'xls-corrupt', detail: `compound file: ${(e as Error).message}` };
  }
  return classify(names);
}

export function classify(names: string[]): CfbVerdict {
  if (names.some((n) => ENCRYPTION_STREAMS.includes(n))) return { kind: 'unreadable', reason: 'encrypted', detail: 'cfb-encrypted-ooxml' };
  if (names.some((n) => WORKBOOK_STREAMS.includes(n))) return { kind: 'xls' };
  if (names.includes('WordDocument')) return { kind: 'unreadable', reason: 'not-spreadsheet', detail: 'doc' };
  if (names.includes('PowerPoint Document')) return { kind: 'unreadable', reason: 'not-spreadsheet', detail: 'ppt' };
  // An Outlook .msg, an installer, a Works file...: a container, but no workbook in it.
  return { kind: 'unreadable', reason: 'not-spreadsheet', detail: 'cfb' };
}

/** Names of all storages and streams in the directory. Throws on anything malformed. */
export async function readDirectoryNames(fh: FileHandle, fileSize: number): Promise<string[]> {
  const header = await readAt(fh, 0, 512, fileSize);
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new Error('bad sector size');
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const fatCount = header.readUInt32LE(0x2c);
  const firstDir = header.readUInt32LE(0x30);
  if (fatCount > fileSize / sectorSize + 1) throw new Error('bad FAT count');

  // Where the FAT sectors are: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(header.readUInt32LE(0x4c + i * 4));
  let difat = header.readUInt32LE(0x44);
  for (let guard = 0; fatSectors.length < fatCount && difat < MAX_SECT; guard++) {
    if (guard > fatCount) throw new Error('DIFAT loop');
    const s = await readSector(fh, difat, sectorSize, fileSize);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(s.readUInt32LE(i * 4));
    difat = s.readUInt32LE((perSector - 1) * 4);
  }

  const fatCache = new Map<number, Buffer>();
  const nextSector = async (sector: number): Promise<number> => {
    const fatIndex = Math.floor(sector / perSector);
    if (fatIndex >= fatSectors.length) throw new Error('sector outside FAT');
    let fat = fatCache.get(fatIndex);
    if (!fat) {
      fat = await readSector(fh, fatSectors[fatIndex], sectorSize, fileSize);
      fatCache.set(fatIndex, fat);
    }
    return fat.readUInt32LE((sector % perSector) * 4);
  };

  const names: string[] = [];
  const visited = new Set<number>();
  for (let sector = firstDir; sector < MAX_SECT; sector = await nextSector(sector)) {
    if (visited.has(sector) || visited.size >= MAX_DIRECTORY_SECTORS) throw new Error('directory chain loop');
    visited.add(sector);
    const dir = await readSector(fh, sector, sectorSize, fileSize);
    for (let off = 0; off + 128 <= dir.length; off += 128) {
      const type = dir[off + 0x42]; // 1 storage, 2 stream, 5 root; 0 unused
      const nameBytes = dir.readUInt16LE(off + 0x40); // including the terminating NUL
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(dir.toString('utf16le', off, off + nameBytes - 2));
    }
  }
  if (names.length === 0) throw new Error('empty directory');
  return names;
}

function readSector(fh: FileHandle, sector: number, sectorSize: number, fileSize: number): Promise<Buffer> {
  return readAt(fh, (sector + 1) * sectorSize, sectorSize, fileSize);
}

async function readAt(fh: FileHandle, position: number, length: number, fileSize: number): Promise<Buffer> {
  if (position + length > fileSize) throw new Error('beyond end of file');
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new Error('short read');
  return buf;
}
