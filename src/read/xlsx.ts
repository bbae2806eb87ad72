/**
 * XLSX tables: each sheet's part streamed straight from its place in the zip (zip.ts, zlib) into
 * exceljs's worksheet reader, so that memory stays flat on 100 k rows. The shared strings and
 * styles are read first, whatever the zip's order; sheets come in workbook (tab) order with their
 * real names (workbook-layout.ts), and a sheet's rows are read only when they are iterated.
 *
 * exceljs's streaming *workbook* reader is not used: it reads the zip front to back and depends
 * on the parts' order (see workbook-layout.ts), and its zip library (unzipper) alone took ~0.15 s
 * to load. The worksheet reader, the shared-strings and the styles parsers are exceljs's own.
 */
import type ExcelJS from 'exceljs';
import type { ReadNotice, RawRow, SourceTable } from './types';
import type { WorkbookParts } from './workbook-layout';
import { entryChunks, type ZipPart } from './zip';
import { rawRowOf } from './xlsx-cells';

const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader') as new (args: {
  workbook: WorkbookContext;
  id: string;
  iterator: AsyncIterable<Buffer>;
  options: { worksheets: 'emit'; hyperlinks: 'ignore' };
}) => AsyncIterable<ExcelJS.Row>;

/** exceljs's parsers of `xl/sharedStrings.xml` and `xl/styles.xml` (its internals, typed loosely). */
interface XformParser {
  parseStream(stream: AsyncIterable<Buffer>): Promise<unknown>;
}
const SharedStringsXform = require('exceljs/lib/xlsx/xform/strings/shared-strings-xform') as new () => XformParser & { values: unknown[] };
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as new () => XformParser & { init(): void };

/** What exceljs's worksheet reader takes from its workbook. */
interface WorkbookContext {
  sharedStrings: unknown[];
  styles: unknown;
  properties: { model: { date1904: boolean } };
}

/** The yielded tables of one XLSX file, in workbook order. Never throws; failures become one `corrupt` notice. */
export async function* readXlsxTables(file: string, workbook: WorkbookParts, onNotice: (n: ReadNotice) => void): AsyncGenerator<SourceTable> {
  let failed = false;
  const fail = (err: unknown): void => {
    if (failed) return;
    failed = true;
    onNotice({ code: 'file-unreadable', file, reason: 'corrupt', detail: messageOf(err) });
  };
  let context: WorkbookContext;
  try {
    context = await contextOf(file, workbook);
  } catch (e) {
    fail(e);
    return;
  }
  for (const sheet of workbook.sheets) {
    yield sheetTable(file, sheet.name, sheet.zip, context, fail);
    // A damaged sheet ends the file: what follows it cannot be trusted either.
    if (failed) return;
  }
}

async function contextOf(file: string, workbook: WorkbookParts): Promise<WorkbookContext> {
  let sharedStrings: unknown[] = [];
  if (workbook.sharedStrings) {
    const xform = new SharedStringsXform();
    await xform.parseStream(entryChunks(file, workbook.sharedStrings));
    sharedStrings = xform.values;
  }
  const styles = new StylesXform();
  if (workbook.styles) await styles.parseStream(entryChunks(file, workbook.styles));
  else styles.init(); // exceljs's default styles: cells without a style part still resolve
  return { sharedStrings, styles, properties: { model: { date1904: workbook.date1904 } } };
}

function sheetTable(file: string, name: string, part: ZipPart, context: WorkbookContext, fail: (e: unknown) => void): SourceTable {
  let used = false;
  return {
    file,
    sheet: name,
    encoding: null,
    rows: {
      [Symbol.asyncIterator]() {
        if (used) throw new Error(`rows of sheet "${name}" can be iterated only once`);
        used = true;
        return sheetRows(file, part, context, fail);
      },
    },
  };
}

/** The sheet's rows with a value. Corrupt XML or zip data: the rows so far stand, the file is reported. */
async function* sheetRows(file: string, part: ZipPart, context: WorkbookContext, fail: (e: unknown) => void): AsyncGenerator<RawRow> {
  const reader = new WorksheetReader({ workbook: context, id: part.name, iterator: entryChunks(file, part), options: { worksheets: 'emit', hyperlinks: 'ignore' } });
  try {
    for await (const row of reader) {
      const raw = rawRowOf(row, context.properties.model.date1904);
      if (raw) yield raw;
    }
  } catch (e) {
    fail(e);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
