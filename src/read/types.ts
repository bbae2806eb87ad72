/** What the readers hand to the checker: raw cells, before any column is known. */

/** A formula's error result (`#REF!`, `#DIV/0!`), kept apart from text so it can be reported as `cell-type`. */
export interface CellError {
  error: string;
}

/** A cell as read: text (CSV, XLSX strings), number, boolean, a date (XLSX date cells, UTC midnight), an error, or blank. */
export type CellValue = string | number | boolean | Date | CellError | null;

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
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
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
  | 'too-large'         // a zip whose parts would unpack to an absurd size (zip bomb)
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
