/** What a file is, judged from its first bytes only (never from its name: clerks rename freely). */
import type { FileHandle } from 'fs/promises';
import type { SheetjsFormat, UnreadableReason } from './types';
import { readEntry, type ZipEntry } from './zip';

export type Sniffed =
  | { kind: 'csv' }
  | { kind: 'zip' }
  /** A Compound File (OLE2) container: old .xls, or an encrypted OOXML workbook; cfb.ts looks inside. */
  | { kind: 'cfb' }
  /** Markup a spreadsheet program opens: an HTML table saved as .xls, or Excel's XML Spreadsheet 2003. */
  | { kind: 'sheetjs'; format: Extract<SheetjsFormat, 'html' | 'xml2003'> }
  | { kind: 'unreadable'; reason: UnreadableReason; detail?: string };

/** How much of the head the text/binary decision looks at. */
export const SNIFF_BYTES = 64 * 1024;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Other formats clerks attach by mistake, named so the message can say what the file really is. */
const FOREIGN_MAGIC: ReadonlyArray<{ bytes: number[]; detail: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], detail: 'pdf' }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47], detail: 'png' },
  { bytes: [0xff, 0xd8, 0xff], detail: 'jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], detail: 'gif' }, // GIF8
  { bytes: [0x52, 0x61, 0x72, 0x21], detail: 'rar' }, // Rar!
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], detail: '7z' },
  { bytes: [0x1f, 0x8b], detail: 'gzip' },
];

/**
 * Classifies a file from its head (at least its first SNIFF_BYTES, or the whole file when
 * shorter). Text is CSV when it has a UTF-16 BOM or no NUL byte in its first 64 KB; text that
 * starts with `<` is an HTML page or an XML Spreadsheet 2003 saved under a spreadsheet name,
 * which Excel opens as a workbook and so do we (through SheetJS); other XML is no spreadsheet.
 * Zips (XLSX, XLSM, ODS) and Compound Files (XLS) are told apart by looking inside (open.ts).
 */
export function sniffBytes(head: Uint8Array, fileSize: number): Sniffed {
  if (fileSize === 0) return { kind: 'unreadable', reason: 'empty' };

  // UTF-16 text holds NULs in every ASCII character: decide on the BOM before the NUL test.
  if (startsWith(head, [0xff, 0xfe]) && !startsWith(head, [0xff, 0xfe, 0x00, 0x00])) {
    return (firstUtf16Char(head, true) === 0x3c && markup(head)) || { kind: 'csv' };
  }
  if (startsWith(head, [0xfe, 0xff])) {
    return (firstUtf16Char(head, false) === 0x3c && markup(head)) || { kind: 'csv' };
  }

  // PK\3\4 (a zip with entries) or PK\5\6 (an empty zip: reported as not a workbook later).
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'zip' };
  }
  if (startsWith(head, CFB_MAGIC)) return { kind: 'cfb' };
  for (const m of FOREIGN_MAGIC) {
    if (startsWith(head, m.bytes)) return { kind: 'unreadable', reason: 'not-spreadsheet', detail: m.detail };
  }

  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && isSpace(head[i])) i++;
  const page = i < head.length && head[i] === 0x3c ? markup(head) : null;
  if (page) return page;

  const end = Math.min(head.length, SNIFF_BYTES);
  if (head.subarray(0, end).indexOf(0) !== -1) {
    return { kind: 'unreadable', reason: 'not-spreadsheet', detail: 'binary' };
  }
  return { kind: 'csv' };
}

export function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** First non-space character after a UTF-16 BOM, or -1. */
function firstUtf16Char(head: Uint8Array, littleEndian: boolean): number {
  for (let i = 2; i + 1 < head.length && i < 4096; i += 2) {
    const c = littleEndian ? head[i] | (head[i + 1] << 8) : (head[i] << 8) | head[i + 1];
    if (c === 0xfeff || (c < 0x80 && isSpace(c))) continue;
    return c;
  }
  return -1;
}

/**
 * `<?xml` with the `urn:schemas-microsoft-com:office:spreadsheet` namespace is Excel's "XML
 * Spreadsheet 2003"; XML holding neither that nor HTML is some other document; text with HTML's
 * tags is an HTML export, read as one (a page without a table is refused then). Anything else
 * that merely starts with `<` is left to the text/binary decision (null).
 */
function markup(head: Uint8Array): Sniffed | null {
  const text = Buffer.from(head.subarray(0, 4096)).toString('latin1').replace(/\x00/g, '').toLowerCase();
  const html = /<(html|table|!doctype html|head|body|meta)[\s>]/.test(text);
  if (!text.includes('<?xml')) return html ? { kind: 'sheetjs', format: 'html' } : null;
  if (text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { kind: 'sheetjs', format: 'xml2003' };
  if (html) return { kind: 'sheetjs', format: 'html' };
  return { kind: 'unreadable', reason: 'html-xls', detail: 'xml' };
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const MANIFEST = 'META-INF/manifest.xml';
const MAX_MANIFEST_BYTES = 1024 * 1024;

export type OdsVerdict = { kind: 'ods' } | { kind: 'unreadable'; reason: 'ods-encrypted'; detail: string } | null;

/**
 * Whether a zip is an OpenDocument spreadsheet: its `mimetype` entry says so (ODF 1.2 part 3,
 * 3.3), whatever the file is named; null for anything else (an .odt stays refused). One saved
 * with a password lists `encryption-data` in its manifest: it is refused here, as SheetJS
 * would only fail on its encrypted parts.
 */
export async function inspectOds(fh: FileHandle, fileSize: number, entries: ZipEntry[]): Promise<OdsVerdict> {
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (!mimetype || mimetype.uncompressedSize > 256) return null;
  const text = (await readEntry(fh, fileSize, mimetype, 256)).toString('latin1').trim();
  if (text !== ODS_MIMETYPE) return null;
  const manifest = entries.find((e) => e.name === MANIFEST);
  if (manifest && (await readEntry(fh, fileSize, manifest, MAX_MANIFEST_BYTES)).includes('encryption-data')) {
    return { kind: 'unreadable', reason: 'ods-encrypted', detail: 'manifest:encryption-data' };
  }
  return { kind: 'ods' };
}
