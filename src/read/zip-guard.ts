/**
 * Zip-bomb guard: judge an XLSX by its central directory, before anything inflates a byte. A
 * 300 KB upload that unpacks to gigabytes must be refused up front, not after it has filled the
 * memory.
 *
 * The declared sizes are what is checked here. A zip whose central directory lies about them
 * gets past this guard, but no further: zip.ts stops inflating a part at its declared size, and
 * limits.ts caps each part's declared size.
 */
import type { FileHandle } from 'fs/promises';
import { readCentralDirectory, readEndOfCentralDirectory, ZipFormatError, type ZipEntry } from './zip';

export interface ZipLimits {
  /** Sum of all entries' uncompressed sizes. */
  maxTotalUncompressed: number;
  maxEntries: number;
  /** An entry above this uncompressed/compressed ratio is suspicious... */
  maxRatio: number;
  /** ...when it also unpacks to more than this (small entries compress absurdly well: that is fine). */
  ratioMinSize: number;
  /** Bytes of central directory we are willing to parse. */
  maxCentralDirectory: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 1024 * MiB,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioMinSize: 50 * MiB,
  maxCentralDirectory: 32 * MiB,
};

export type ZipVerdict =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'corrupt' | 'too-large'; detail: string };

/** Reads the central directory of an opened zip and applies the limits. Never throws. */
export async function inspectZip(fh: FileHandle, fileSize: number, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipVerdict> {
  try {
    const eocd = await readEndOfCentralDirectory(fh, fileSize);
    // Refuse absurd counts before parsing anything per entry.
    if (eocd.entryCount > limits.maxEntries) {
      return { ok: false, reason: 'too-large', detail: `${eocd.entryCount} entries (limit ${limits.maxEntries})` };
    }
    if (eocd.cdSize > limits.maxCentralDirectory) {
      return { ok: false, reason: 'too-large', detail: `central directory of ${eocd.cdSize} bytes` };
    }
    const entries = await readCentralDirectory(fh, fileSize, eocd);
    return checkEntries(entries, limits);
  } catch (e) {
    if (e instanceof ZipFormatError) return { ok: false, reason: 'corrupt', detail: e.message };
    return { ok: false, reason: 'corrupt', detail: (e as Error)?.message ?? String(e) };
  }
}

/** The size policy alone, on entries already read. */
export function checkEntries(entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipVerdict {
  if (entries.length > limits.maxEntries) {
    return { ok: false, reason: 'too-large', detail: `${entries.length} entries (limit ${limits.maxEntries})` };
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > limits.ratioMinSize && e.uncompressedSize > limits.maxRatio * Math.max(e.compressedSize, 1)) {
      const ratio = Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1));
      return { ok: false, reason: 'too-large', detail: `${e.name} unpacks ${ratio}× to ${e.uncompressedSize} bytes` };
    }
  }
  if (total > limits.maxTotalUncompressed) {
    return { ok: false, reason: 'too-large', detail: `unpacks to ${total} bytes (limit ${limits.maxTotalUncompressed})` };
  }
  return { ok: true, entries };
}
