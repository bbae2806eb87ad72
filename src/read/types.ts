/** What the readers hand to the checker: raw cells, before any column is known. */

/**
 * A cell that holds no value to hand on, kept apart from text so the checker can report it.
 * Without `kind` it is a formula's error result, with its own text (`#REF!`, `#DIV/0!`). The
 * reader also marks two cells it will not read as values, with a `kind`:
 * - `no-result`: a formula whose result was never stored (a program that writes formulas
 *   without calculating them); `error` is the formula as Excel shows it (`=C5*D5`, `=…` when
 *   only a shared formula's master knows it). The checker says: open and save it again.
 * - `too-long`: text longer than Excel's 32.767 characters (limits.ts); `error` is its first
 *   characters and `…`, `length` its length in UTF-16 units, as Excel counts. Never the text
 *   itself: a million-character cell used a thousand times must not be a thousand strings.
 * `error` is always what an issue quotes, so code that only shows cells needs nothing new.
 */
export interface CellError {
  error: string;
  kind?: 'no-result' | 'too-long';
  length?: number;
}

/** A cell as read: text (CSV, XLSX strings), number, boolean, a date (XLSX date cells, UTC midnight), an error or marker, or blank. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A merged range of a sheet, as RawRow counts: rows 1-based (`top`…`bottom`), columns 0-based (`left`…`right`), both inclusive. */
export interface MergedRange {
  /** Top-left to bottom-right, e.g. `A1:F2` (a sheet may write it the other way round). */
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RawRow {
  /** Row number as the user sees it: the sheet's row (1-based) or the CSV's line. */
  row: number;
  /** Cells by 0-based column index; shorter rows simply end early. */
  cells: CellValue[];
}

/** One table of a submission: a CSV file or one sheet of a workbook. */
export interface SourceTable {
  /** The path as given on the command line (or as found under a folder given there). */
  file: string;
  /** Sheet name for XLSX, null for CSV. */
  sheet: string | null;
  /** CSV encoding name (`utf-8`, `utf-16le`, `utf-16be`, `windows-1258`), null for XLSX. */
  encoding: string | null;
  /** Rows from the top of the sheet/file, in order. Iterate once. */
  rows: AsyncIterable<RawRow>;
  /**
   * The sheet's merged ranges (none for CSV). An XLSX sheet stores them after its rows, so the
   * first call reads the sheet's part once more, skipping its rows (xlsx-merges.ts); the answer
   * is kept. Callable before, during or after iterating `rows`. Never rejects: a part that
   * cannot be read gives [] and the file's `file-unreadable` notice.
   */
  merges(): Promise<MergedRange[]>;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

/** A formula never calculated (see CellError); a long formula is shown by its first 100 characters. */
export function noResult(formula: string): CellError {
  const shown = formula.length > 100 ? `${formula.slice(0, 100)}…` : formula;
  return { error: shown.length > 0 ? `=${shown}` : '=…', kind: 'no-result' };
}

/** `E7` from a 0-based column index and the 1-based row. */
export function cellRef(col: number, row: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row}`;
}

/** Why a file could not be read; the message catalogue turns each into advice for the clerk. */
export type UnreadableReason =
  | 'not-found'         // the path does not exist
  | 'denied'            // no permission to read it
  | 'empty'             // zero bytes
  | 'not-spreadsheet'   // neither CSV text nor an XLSX zip (e.g. a PDF, an image, a .docx)
  | 'html-xls'          // an HTML page (or XML that is no spreadsheet) saved with an .xls/.xlsx name, holding no table
  | 'encrypted'         // a password-protected workbook (CFB container holding EncryptionInfo)
  | 'corrupt'           // a zip or workbook that cannot be parsed
  | 'too-large'         // a zip whose parts would unpack to an absurd size (zip bomb), or a part past its cap (limits.ts)
  | 'too-many-rows'     // a row beyond Excel's 1.048.576 (a sheet's row number, a CSV's line)
  | 'too-many-columns'  // a cell beyond Excel's column XFD (16.384), or a CSV record with more fields
  | 'too-complex'       // XML nested absurdly deep, a tag or text of millions of characters, cells spread absurdly far apart
  // Formats read through SheetJS (src/read/sheetjs/): the reason names the format, so the message says which it was.
  | 'xls-encrypted'     // an Excel 97-2003 .xls with a FILEPASS record (RC4 or XOR password)
  | 'ods-encrypted'     // an OpenDocument spreadsheet saved with a password
  | `${SheetjsFormat}-corrupt`    // the library could not read it (truncated, damaged, not what it claims)
  | `${SheetjsFormat}-too-large`; // beyond what may be loaded whole: the file's size, or the parser's memory or time bound

/** Formats read through the SheetJS adapter (src/read/sheetjs/); `.xlsx`/`.xlsm` have the project's own reader. */
export type SheetjsFormat =
  | 'xls'      // Excel 97-2003 / 5.0-95 binary workbook (BIFF8, BIFF5) in a Compound File
  | 'ods'      // OpenDocument spreadsheet (LibreOffice Calc)
  | 'html'     // an HTML table saved with a spreadsheet name (web systems' "Xuất Excel")
  | 'xml2003'; // Excel's "XML Spreadsheet 2003"

/** Something a reader has to say about a file, before any column is known. */
export type ReadNotice =
  | { code: 'file-unreadable'; file: string; reason: UnreadableReason; detail?: string }
  | { code: 'csv-malformed'; file: string; row: number; detail: string }
  | { code: 'encoding-guessed'; file: string; encoding: string };
