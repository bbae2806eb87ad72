/**
 * The SheetJS adapter: the spreadsheet formats that are not OOXML — Excel 97-2003 `.xls` (BIFF8,
 * BIFF5 with its code page), OpenDocument `.ods`, an HTML table saved as `.xls`, Excel's XML
 * Spreadsheet 2003 — read into the same `SourceTable`s as the XLSX reader gives (cells.ts says
 * how each cell comes out). SheetJS Community Edition (`@e965/xlsx`, pinned) is used here and
 * nowhere else; `.xlsx`/`.xlsm` keep the project's own reader.
 *
 *   readSheetjsTables(file, { format, fileSize, unpackedSize? }, onNotice)
 *
 * yields one table per sheet in tab order (an HTML export's single table is named after the
 * file, as Excel names its tab). A file that cannot be read yields no table and exactly one
 * `file-unreadable` notice whose reason names the format: `xls-encrypted`, `ods-encrypted`,
 * `<format>-corrupt`, `<format>-too-large` (limits.ts: size before parsing; heap and time while
 * parsing, on a worker thread, run.ts), or `html-xls` for a page with no table. Never throws.
 */
import * as path from 'path';
import type { ReadNotice, SourceTable } from '../types';
import { overLimit, type SheetjsSource } from './limits';
import { loadSheets } from './run';

export type { SheetjsSource } from './limits';

/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;

export async function* readSheetjsTables(file: string, source: SheetjsSource, onNotice: (n: ReadNotice) => void): AsyncGenerator<SourceTable> {
  const over = overLimit(source);
  if (over) {
    onNotice({ code: 'file-unreadable', file, reason: `${source.format}-too-large`, detail: over });
    return;
  }
  const result = await loadSheets(file, source.format);
  if (!result.ok) {
    onNotice({ code: 'file-unreadable', file, reason: result.reason, detail: result.detail });
    return;
  }
  const single = source.format === 'html' && result.sheets.length === 1;
  for (const sheet of result.sheets) {
    const name = single ? path.basename(file, path.extname(file)).slice(0, SHEET_NAME_MAX) : sheet.name;
    const rows = sheet.rows;
    yield { file, sheet: name, encoding: null, rows: { [Symbol.asyncIterator]: async function* () { yield* rows; } } };
  }
}
