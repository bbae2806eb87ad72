/**
 * XLSX tables through exceljs's streaming reader, so that memory stays flat on 100 k rows.
 *
 * ORDER CONSTRAINT: the streaming reader unpacks the zip front to back, so a sheet's rows can
 * only be read while the reader stands on that sheet. A consumer must therefore finish (or
 * abandon) one table's `rows` before asking for the next table, and cannot go back to an
 * earlier table's rows. When the next table is requested, whatever is left of the current
 * sheet is drained first; iterating an earlier table's rows afterwards throws (a programming
 * error, not a file problem).
 *
 * Tables come in workbook (tab) order with their real names (see workbook-layout.ts). When the
 * zip stores the sheets in another order, the file is read once more for each sheet that came
 * too early: rare, and still streaming.
 */
import * as fs from 'fs';
import { PassThrough, Readable, type Writable } from 'stream';
import type ExcelJS from 'exceljs';
import type { ReadNotice, RawRow, SourceTable } from './types';
import { SHARED_STRINGS_PART, type SheetPart, type WorkbookLayout } from './workbook-layout';
import { rawRowOf } from './xlsx-cells';

/**
 * exceljs's streaming reader by its own module: the package's index also loads its CSV support
 * and its streaming writer (archiver), ~0.1 s a short command need not spend.
 */
const WorkbookReader = require('exceljs/lib/stream/xlsx/workbook-reader') as typeof ExcelJS.stream.xlsx.WorkbookReader;

const READER_OPTIONS = {
  sharedStrings: 'cache',
  styles: 'cache', // needed to tell date-formatted numbers from plain ones
  worksheets: 'emit',
  hyperlinks: 'ignore', // the cell text is all we want
  entries: 'emit', // tells us which sheetN.xml part each worksheet reader is streaming
} as const;

/** The yielded tables of one XLSX file, in workbook order. Never throws; failures become one `corrupt` notice. */
export async function* readXlsxTables(
  file: string,
  layout: WorkbookLayout,
  onNotice: (n: ReadNotice) => void,
): AsyncGenerator<SourceTable> {
  let reported = false;
  const fail = (err: unknown): void => {
    if (reported) return;
    reported = true;
    onNotice({ code: 'file-unreadable', file, reason: 'corrupt', detail: messageOf(err) });
  };

  const order = layout.sheets;
  let next = 0;
  try {
    const preloaded = await preload(layout);
    while (next < order.length) {
      const pass = new ReaderPass(file, layout, preloaded);
      let progressed = false;
      try {
        while (next < order.length) {
          const step = await pass.guard(pass.worksheets.next());
          if (step.done) break;
          // A sheet that is not the next in tab order is left unread: exceljs skips its entry.
          if (pass.sheetNo !== order[next].sheetNo) continue;
          const cursor = new SheetCursor(step.value, pass, layout.date1904, fail);
          yield sheetTable(file, order[next], cursor);
          // The consumer wants the next table (or we are done): finish this sheet first.
          await cursor.drain();
          cursor.retire();
          if (cursor.failed) return;
          next++;
          progressed = true;
        }
      } finally {
        pass.close();
      }
      // exceljs never produced this sheet (its part is not where exceljs looks): skip it.
      if (!progressed) next++;
    }
  } catch (e) {
    fail(e); // a damaged zip or workbook part met between sheets
  }
}

function sheetTable(file: string, part: SheetPart, cursor: SheetCursor): SourceTable {
  let used = false;
  return {
    file,
    sheet: part.name,
    encoding: null,
    rows: {
      [Symbol.asyncIterator]() {
        if (used) throw new Error(`rows of sheet "${part.name}" can be iterated only once`);
        used = true;
        return iterateCursor(cursor);
      },
    },
  };
}

async function* iterateCursor(cursor: SheetCursor): AsyncGenerator<RawRow> {
  for (let r = await cursor.next(); r !== null; r = await cursor.next()) yield r;
}

/**
 * One sheet's rows. Holds exceljs's row iterator by hand (not with for-await) so that a
 * consumer who stops early does not close it: the rest is drained through the same iterator.
 * Closing it instead would leave exceljs's `data` listener on the zip entry, and the rest of
 * the sheet would pile up in that listener's buffer while exceljs skips the entry.
 */
class SheetCursor {
  private readonly rows: AsyncIterator<ExcelJS.Row>;
  private done = false;
  private retired = false;
  failed = false;

  constructor(
    ws: ExcelJS.stream.xlsx.WorksheetReader,
    private readonly pass: ReaderPass,
    private readonly date1904: boolean,
    private readonly onFail: (err: unknown) => void,
  ) {
    this.rows = ws[Symbol.asyncIterator]();
  }

  /** The next row with a value, or null at the end of the sheet (or when the sheet turns out corrupt). */
  async next(): Promise<RawRow | null> {
    if (this.retired) {
      throw new Error('XLSX rows must be read before the next table is requested (streaming reader)');
    }
    while (!this.done) {
      try {
        const step = await this.pass.guard(this.rows.next());
        if (step.done) {
          this.done = true;
          break;
        }
        const raw = rawRowOf(step.value, this.date1904);
        if (raw) return raw;
      } catch (e) {
        // Corrupt sheet XML (saxes) or zip data: the rows so far stand, the file is reported.
        this.done = true;
        this.failed = true;
        this.onFail(e);
      }
    }
    return null;
  }

  async drain(): Promise<void> {
    while ((await this.next()) !== null) {
      /* discard */
    }
  }

  retire(): void {
    this.retired = true;
  }
}

/**
 * One front-to-back pass of exceljs over the file. Also the safety net for exceljs's error
 * handling: a zip error (bad deflate data) is emitted on unzipper's stream while exceljs
 * waits for data that will never come, which would silently stall the whole command. Every
 * await on exceljs goes through `guard`, which such an error rejects.
 */
class ReaderPass {
  readonly worksheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>;
  /** N of the `sheetN.xml` part exceljs is streaming: set by its `entry` event just before it yields the worksheet. */
  sheetNo: string | null = null;
  private readonly source: fs.ReadStream;
  private readonly input: PassThrough;
  private unzip: Writable | null = null;
  private error: unknown = null;
  /** Rejects the one await in flight (consumers await exceljs one step at a time). */
  private rejectPending: ((err: unknown) => void) | null = null;

  constructor(file: string, layout: WorkbookLayout, preloaded: Preloaded) {
    // Our own stream, so read errors (file gone, EIO) reach us instead of crashing the process.
    this.source = fs.createReadStream(file);
    this.input = new PassThrough();
    this.source.on('error', (e) => this.failWith(e));
    this.source.pipe(this.input);
    // exceljs pipes its input into unzipper's parser; catch that parser's errors on the way.
    const input = this.input;
    const originalPipe = input.pipe.bind(input);
    input.pipe = (<T extends NodeJS.WritableStream>(dest: T, opts?: { end?: boolean }): T => {
      this.unzip = dest as unknown as Writable;
      (dest as unknown as Writable).on('error', (e: unknown) => this.failWith(e));
      return originalPipe(dest, opts);
    }) as typeof input.pipe;

    const reader = new WorkbookReader(input, READER_OPTIONS);
    presetLayout(reader, layout, preloaded);
    (reader as unknown as NodeJS.EventEmitter).on('entry', (e: { type: string; id?: string | number }) => {
      if (e.type === 'worksheet') this.sheetNo = String(e.id);
    });
    this.worksheets = reader[Symbol.asyncIterator]();
  }

  /**
   * `p`, unless a stream error comes first. Not Promise.race against one long-lived failure
   * promise: every race leaves a reaction on it, each holding its settled row, and a 100 k-row
   * sheet would then be kept in memory whole.
   */
  guard<T>(p: Promise<T>): Promise<T> {
    if (this.error !== null) return Promise.reject(this.error);
    return new Promise<T>((resolve, reject) => {
      this.rejectPending = reject;
      p.then(
        (v) => {
          this.rejectPending = null;
          resolve(v);
        },
        (e: unknown) => {
          this.rejectPending = null;
          reject(e);
        },
      );
    });
  }

  private failWith(err: unknown): void {
    if (this.error === null) this.error = err ?? new Error('stream error');
    const reject = this.rejectPending;
    this.rejectPending = null;
    reject?.(this.error);
  }

  close(): void {
    this.failWith(new Error('closed'));
    this.source.destroy();
    this.input.destroy();
    (this.unzip as unknown as { destroy?: () => void } | null)?.destroy?.();
  }
}

/** What exceljs's reader keeps of the shared strings and styles (its internals: typed loosely). */
interface ReaderParts {
  sharedStrings?: unknown;
  styles?: unknown;
}
type Preloaded = ReaderParts;

interface ReaderInternals extends ReaderParts {
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
}

/** exceljs's own parse of the parts the zip stores after a sheet (layout.preload), once per file. */
async function preload(layout: WorkbookLayout): Promise<Preloaded> {
  if (layout.preload.length === 0) return {};
  const reader = new WorkbookReader(new PassThrough(), READER_OPTIONS) as unknown as ReaderInternals;
  for (const part of layout.preload) {
    const entry = Readable.from([Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength)]);
    if (part.name === SHARED_STRINGS_PART) {
      for await (const _ of reader._parseSharedStrings(entry)) {
        // 'cache' mode: the strings are kept on the reader, nothing is emitted
      }
    } else await reader._parseStyles(entry);
  }
  const out: Preloaded = {};
  for (const part of layout.preload) {
    if (part.name === SHARED_STRINGS_PART) out.sharedStrings = reader.sharedStrings;
    else out.styles = reader.styles;
  }
  return out;
}

/**
 * Gives exceljs what it would otherwise learn too late from the zip: without the workbook
 * model it crashes on sheets met before workbook.xml; without rels or shared strings it
 * spools every sheet to a temp file first (and may then lose the zip's later entries, see
 * layout.preload); without styles it reads dates as plain numbers; without workbookPr it
 * dereferences undefined on the first date cell. Each is overwritten, identically, when exceljs
 * reaches the real part.
 */
function presetLayout(reader: ExcelJS.stream.xlsx.WorkbookReader, layout: WorkbookLayout, preloaded: Preloaded): void {
  const r = reader as unknown as Record<string, unknown>;
  r.model = { sheets: layout.sheets.map((s) => ({ id: s.sheetId, name: s.name, rId: s.rId, state: s.state })) };
  r.properties = { model: { date1904: layout.date1904 } };
  r.workbookRels = layout.rels;
  if (!layout.hasSharedStrings) r.sharedStrings = [];
  if (preloaded.sharedStrings) r.sharedStrings = preloaded.sharedStrings;
  if (preloaded.styles) r.styles = preloaded.styles;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
