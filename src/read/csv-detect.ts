/** What a CSV file's head says about how to read the rest: its encoding and its delimiter. */
import * as iconv from 'iconv-lite';
import { startsWith } from './sniff';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
export type CsvDelimiter = ',' | ';' | '\t';

export interface EncodingGuess {
  encoding: CsvEncoding;
  /** True when neither a BOM nor valid UTF-8 said so: the clerk is told (`encoding-guessed`). */
  guessed: boolean;
}

/** How much of the head decides "valid UTF-8". */
export const UTF8_CHECK_BYTES = 1024 * 1024;

/**
 * BOM first (Excel's "CSV UTF-8" and "Unicode text"); else UTF-8 if the first MB decodes
 * strictly; else Windows-1258, what Vietnamese Windows' "Save as CSV" writes. Latin-1 or
 * cp1252 files also land there; for ASCII-heavy data they decode alike.
 */
export function detectEncoding(head: Uint8Array, wholeFile: boolean): EncodingGuess {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', guessed: false };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', guessed: false };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', guessed: false };
  const sample = head.subarray(0, UTF8_CHECK_BYTES);
  try {
    // `stream: true` keeps a character cut by the 1 MB boundary pending instead of failing on
    // it; at the real end of the file a cut character is an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !wholeFile || head.length > UTF8_CHECK_BYTES });
    return { encoding: 'utf-8', guessed: false };
  } catch {
    return { encoding: 'windows-1258', guessed: true };
  }
}

/** iconv-lite's name for each encoding (they decode the non-UTF-8 ones). */
export const ICONV_NAME: Record<CsvEncoding, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1258': 'win1258',
};

/** Roughly the first `bytes` of the head as text, for delimiter detection. */
export function decodeHead(head: Uint8Array, encoding: CsvEncoding, bytes = 64 * 1024): string {
  let part = head.subarray(0, Math.min(head.length, bytes));
  if (encoding === 'utf-16le' || encoding === 'utf-16be') part = part.subarray(0, part.length & ~1);
  return iconv.decode(Buffer.from(part), ICONV_NAME[encoding]);
}

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
const SAMPLE_RECORDS = 20;

/**
 * The delimiter giving the most fields consistently over the first non-empty records: for each
 * candidate, the field count most records share (records with one field do not vote: a title
 * row "BIỂU THỐNG KÊ ..." has none). More agreeing records wins, then more fields; a tie keeps
 * the earlier candidate, so plain text defaults to a comma. Consistency is what separates a
 * semicolon file from the decimal commas inside it (`74,4`).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number[]>(CANDIDATES.map((c) => [c, []]));
  let records = 0;
  let inQuotes = false;
  let blank = true;
  const current = { ',': 0, ';': 0, '\t': 0 } as Record<CsvDelimiter, number>;
  const endRecord = (): void => {
    if (!blank) {
      for (const c of CANDIDATES) counts.get(c)!.push(current[c] + 1);
      records++;
    }
    current[','] = current[';'] = current['\t'] = 0;
    blank = true;
  };
  for (let i = 0; i < text.length && records < SAMPLE_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes; // a doubled quote toggles twice: still right
      blank = false;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
    } else if (ch === ',' || ch === ';' || ch === '\t') {
      current[ch]++;
      blank = false;
    } else if (ch !== ' ' && ch !== '\ufeff') {
      blank = false;
    }
  }
  if (records < SAMPLE_RECORDS) endRecord(); // the last, possibly cut, line still votes

  let best: CsvDelimiter = ',';
  let bestVotes = 0;
  let bestFields = 1;
  for (const c of CANDIDATES) {
    const tally = new Map<number, number>();
    for (const n of counts.get(c)!) if (n > 1) tally.set(n, (tally.get(n) ?? 0) + 1);
    for (const [fields, votes] of tally) {
      if (votes > bestVotes || (votes === bestVotes && fields > bestFields)) {
        best = c;
        bestVotes = votes;
        bestFields = fields;
      }
    }
  }
  return best;
}
