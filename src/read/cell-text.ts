/** Text cell clean-up shared by the CSV and XLSX readers. Runs once per cell: keep it cheap. */
import { MAX_CELL_CHARS, TOO_LONG_HEAD_CHARS } from './limits';
import type { CellError, CellValue } from './types';

/** Any UTF-16 code unit above ASCII. One test per cell; ASCII text skips normalisation. */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A text cell as the checker wants it: surrounding whitespace (incl. NBSP, BOM) trimmed,
 * blank → null, and NFC. NFC matters for Vietnamese: Windows-1258 decodes to base letters
 * plus combining tone marks, and some input methods write decomposed (NFD) text in UTF-8
 * files and in workbooks too.
 */
export function cleanText(s: string): string | null {
  if (s.length === 0) return null;
  const t = s.trim();
  if (t.length === 0) return null;
  return NON_ASCII.test(t) ? t.normalize('NFC') : t;
}

/** cleanText for text already known to be NFC-inert (see nfc-stable.ts): trim and blank → null only. */
export function trimToNull(s: string): string | null {
  if (s.length === 0) return null;
  const t = s.trim();
  return t.length === 0 ? null : t;
}

/**
 * A text cell as read, with Excel's length limit applied: beyond 32.767 characters, a `too-long`
 * marker (types.ts) keeping only the head the issue quotes; otherwise cleanText.
 */
export function textCell(s: string): CellValue {
  return s.length > MAX_CELL_CHARS ? tooLong(s) : cleanText(s);
}

/** The `too-long` marker of a text: its first characters (a surrogate pair is not cut), `…`, and its length. */
export function tooLong(s: string): CellError {
  let head = s.slice(0, TOO_LONG_HEAD_CHARS).trim();
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return { error: `${head}…`, kind: 'too-long', length: s.length };
}
