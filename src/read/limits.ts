/**
 * The readers' caps, in one place: the work any file can cause is bounded by these, whatever it
 * holds (issue 15). Excel's own limits come first — a file beyond them is not a workbook Excel
 * could have saved or shown — then sizes no spreadsheet of ours comes near. A file past a cap is
 * refused with a ReadLimitError, which the reader turns into a `file-unreadable` notice; the run
 * goes on with the other files.
 */
import type { UnreadableReason } from './types';

const MiB = 1024 * 1024;

/** Excel's sheet: 1.048.576 rows (row numbers 1…2^20). Also the most lines a CSV may hold. */
export const MAX_ROWS = 1_048_576;
/** Excel's sheet: 16.384 columns (A…XFD). Also the most fields a CSV record may hold. */
export const MAX_COLUMNS = 16_384;
/** Excel's cell: 32.767 characters. A longer text is handed on as a `too-long` marker (types.ts), never as text. */
export const MAX_CELL_CHARS = 32_767;
/** What a `too-long` marker keeps of its text, for the issue to quote. */
export const TOO_LONG_HEAD_CHARS = 40;

/** Uncompressed size of a small package part read whole: `[Content_Types].xml`, rels, workbook, styles. */
export const MAX_SMALL_PART_BYTES = 32 * MiB;
/**
 * Uncompressed size of the shared-strings part, which is held in memory (the sheets index it).
 * A million distinct 100-character titles take about 130 MB.
 */
export const MAX_SHARED_STRINGS_BYTES = 256 * MiB;
/** Uncompressed size of one sheet part (streamed: this bounds time, not memory). The zip guard caps the whole package alike. */
export const MAX_SHEET_PART_BYTES = 1024 * MiB;

/** XML elements nested deeper than this: real parts nest about 10 deep (extLst, mc:AlternateContent). */
export const MAX_XML_DEPTH = 64;
/**
 * Characters the XML parser may buffer for one unfinished token: a text node, an attribute
 * value, a comment, a CDATA section, a name. A cell's text is at most 32.767 characters (≤ 330 k
 * escaped); this leaves room for an over-long cell (a million characters) to be read and
 * reported as such. Checked between chunks, so a token may pass it by one chunk.
 */
export const MAX_XML_RUN_CHARS = 4 * MiB;
/**
 * Empty cells a sheet's rows may hold before their values, in all (a row's cells run from
 * column A to its last value, blanks included). Values cost the bytes that write them; gaps
 * cost nothing to write and ~20 ns each to hand on, so they are the one way a small part makes
 * much work: one value in column XFD per row is 16.383 blanks a row. Real sheets have a few per
 * row (a million rows with 32 blank columns each fit).
 */
export const MAX_SHEET_BLANK_CELLS = 32 * MiB;

/** Characters of field text in one CSV record (csv-parse's max_record_size): beyond, an unclosed quote is swallowing the file. */
export const MAX_CSV_RECORD_CHARS = MiB;

/** A file past one of the caps above: refused as a whole, with the reason the clerk is told. */
export class ReadLimitError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    detail: string,
  ) {
    super(detail);
  }
}

/** Refuses a package part whose declared size is past its cap (zip.ts holds the inflater to the declared size). */
export function assertPartSize(part: { name: string; uncompressedSize: number }, cap: number): void {
  if (part.uncompressedSize > cap) throw new ReadLimitError('too-large', `${part.name} unpacks to ${part.uncompressedSize} bytes (limit ${cap})`);
}
