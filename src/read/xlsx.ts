/**
 * XLSX tables: the workbook's shared strings and styles are read first, whatever the zip's order;
 * then each sheet's part is streamed straight from its place in the zip (zip.ts, zlib) through
 * the sheet reader (xlsx-sheet.ts) only when its rows are iterated, so memory stays flat however
 * many rows. Sheets come in tab order with their real names (xlsx-package.ts).
 */
import { BatchedRows, iterateOnce } from './batched-rows';
import { MAX_SHEET_PART_BYTES, ReadLimitError, assertPartSize } from './limits';
import type { MergedRange, ReadNotice, SourceTable } from './types';
import type { SheetPart, WorkbookParts } from './xlsx-package';
import { readMerges } from './xlsx-merges';
import { readSharedStrings } from './xlsx-shared-strings';
import { SHEET_VOCABULARY, SheetXml, type SheetContext } from './xlsx-sheet';
import { readDateStyles } from './xlsx-styles';
import { XmlStream } from './xml-stream';
import { entryChunks } from './zip';

/**
 * The tables of one XLSX file, in workbook order. Never throws: a damaged part or one past a cap
 * (limits.ts) becomes one `file-unreadable` notice; the rows read before it stand, and no table
 * follows it (what comes after a damaged sheet cannot be trusted either).
 */
export async function* readXlsxTables(file: string, workbook: WorkbookParts, onNotice: (n: ReadNotice) => void): AsyncGenerator<SourceTable> {
  let failed = false;
  const fail = (err: unknown): void => {
    if (failed) return;
    failed = true;
    const reason = err instanceof ReadLimitError ? err.reason : 'corrupt';
    onNotice({ code: 'file-unreadable', file, reason, detail: err instanceof Error ? err.message : String(err) });
  };
  let context: SheetContext;
  try {
    context = {
      sharedStrings: await readSharedStrings(file, workbook.sharedStrings),
      dateStyles: await readDateStyles(file, workbook.styles),
      date1904: workbook.date1904,
    };
  } catch (e) {
    fail(e);
    return;
  }
  for (const sheet of workbook.sheets) {
    yield sheetTable(file, sheet, context, fail);
    if (failed) return;
  }
}

function sheetTable(file: string, sheet: SheetPart, context: SheetContext, fail: (e: unknown) => void): SourceTable {
  let merges: Promise<MergedRange[]> | null = null;
  return {
    file,
    sheet: sheet.name,
    encoding: null,
    rows: iterateOnce(`sheet "${sheet.name}"`, () => new SheetRows(file, sheet, context, fail)),
    merges: () =>
      (merges ??= readMerges(file, sheet.zip).catch((e: unknown) => {
        fail(e);
        return [];
      })),
  };
}

/** A sheet's rows that hold a value, read a chunk of its part at a time. */
class SheetRows extends BatchedRows {
  private readonly chunks: AsyncGenerator<Buffer>;
  private readonly xml: XmlStream;

  constructor(
    file: string,
    sheet: SheetPart,
    context: SheetContext,
    private readonly fail: (e: unknown) => void,
  ) {
    super();
    this.chunks = entryChunks(file, sheet.zip);
    this.xml = new XmlStream(sheet.part, SHEET_VOCABULARY, new SheetXml(context, (row) => this.batch.push(row)));
    try {
      assertPartSize(sheet.zip, MAX_SHEET_PART_BYTES);
    } catch (e) {
      this.stop(e);
    }
  }

  protected async step(): Promise<void> {
    try {
      const r = await this.chunks.next();
      if (r.done) {
        this.xml.end();
        this.finish();
      } else {
        this.xml.write(r.value);
      }
    } catch (e) {
      this.stop(e);
    }
  }

  protected release(): void {
    this.chunks.return(undefined).catch(() => undefined);
  }

  /** Damaged or past a cap: the rows parsed so far stand, the file is reported. */
  private stop(e: unknown): void {
    this.fail(e);
    this.finish();
  }
}
