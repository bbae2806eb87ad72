/** From a path to its tables: sniff the bytes, refuse what cannot be read, hand the rest to the CSV or XLSX reader. */
import { constants as fsc, promises as fsp } from 'fs';
import type { FileHandle } from 'fs/promises';
import { inspectCfb } from './cfb';
import { openCsv } from './csv';
import { UTF8_CHECK_BYTES } from './csv-detect';
import type { SheetjsSource } from './sheetjs';
import { inspectOds, SNIFF_BYTES, sniffBytes } from './sniff';
import type { ReadNotice, SourceTable, UnreadableReason } from './types';
import { readWorkbookLayout, WORKBOOK_PART, type WorkbookParts } from './workbook-layout';
import type { ZipEntry } from './zip';
import { inspectZip } from './zip-guard';

/** Bytes read up front: enough for the sniffer and for the CSV encoding check (plus a cut character). */
const HEAD_BYTES = Math.max(SNIFF_BYTES, UTF8_CHECK_BYTES) + 4;

type Plan =
  | { kind: 'csv'; table: SourceTable }
  | { kind: 'xlsx'; workbook: WorkbookParts }
  | { kind: 'sheetjs'; source: SheetjsSource }
  | { kind: 'unreadable'; reason: UnreadableReason; detail?: string };

/**
 * The tables of one file: a CSV is one table (sheet null), an XLSX one table per worksheet in
 * tab order. A file that cannot be read yields no table and exactly one `file-unreadable`
 * notice; nothing a user file contains makes this throw.
 */
export async function* openTables(file: string, onNotice: (n: ReadNotice) => void): AsyncGenerator<SourceTable> {
  const plan = await planFile(file, onNotice);
  switch (plan.kind) {
    case 'unreadable':
      onNotice({ code: 'file-unreadable', file, reason: plan.reason, ...(plan.detail ? { detail: plan.detail } : {}) });
      return;
    case 'csv':
      yield plan.table;
      return;
    case 'xlsx':
      // exceljs's parsers load only for a workbook.
      const { readXlsxTables } = require('./xlsx') as typeof import('./xlsx');
      yield* readXlsxTables(file, plan.workbook, onNotice);
      return;
    case 'sheetjs':
      // .xls, .ods, HTML and XML Spreadsheet 2003: SheetJS (and its 1.4 MB of code) loads only for them.
      yield* (require('./sheetjs') as typeof import('./sheetjs')).readSheetjsTables(file, plan.source, onNotice);
  }
}

/** Everything decided on the file before any row is read; the file handle is closed again before rows are streamed. */
async function planFile(file: string, onNotice: (n: ReadNotice) => void): Promise<Plan> {
  let fh: FileHandle;
  try {
    // Non-blocking: opening a FIFO (a named pipe given as a file) for reading would otherwise wait
    // for a writer forever. It changes nothing for regular files; the stat below refuses the rest.
    fh = await fsp.open(file, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
  } catch (e) {
    return ioFailure(e);
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) return { kind: 'unreadable', reason: 'not-spreadsheet', detail: 'directory' };
    if (!st.isFile()) return { kind: 'unreadable', reason: 'not-spreadsheet', detail: 'special file' };
    const size = st.size;
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    let got = 0;
    while (got < head.length) {
      const { bytesRead } = await fh.read(head, got, head.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const bytes = head.subarray(0, got);

    const sniffed = sniffBytes(bytes, size);
    switch (sniffed.kind) {
      case 'unreadable':
        return sniffed;
      case 'cfb': {
        const verdict = await inspectCfb(fh, size, bytes);
        return verdict.kind === 'xls' ? { kind: 'sheetjs', source: { format: 'xls', fileSize: size } } : verdict;
      }
      case 'sheetjs':
        return { kind: 'sheetjs', source: { format: sniffed.format, fileSize: size } };
      case 'csv':
        return { kind: 'csv', table: openCsv(file, bytes, size, onNotice) };
      case 'zip': {
        const verdict = await inspectZip(fh, size);
        if (!verdict.ok) return { kind: 'unreadable', reason: verdict.reason, detail: verdict.detail };
        const ods = await inspectOds(fh, size, verdict.entries);
        if (ods?.kind === 'unreadable') return ods;
        if (ods) return { kind: 'sheetjs', source: { format: 'ods', fileSize: size, unpackedSize: verdict.entries.reduce((n, e) => n + e.uncompressedSize, 0) } };
        const foreign = notAWorkbook(verdict.entries);
        if (foreign) return { kind: 'unreadable', reason: 'not-spreadsheet', detail: foreign };
        return { kind: 'xlsx', workbook: await readWorkbookLayout(fh, size, verdict.entries) };
      }
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code) return ioFailure(e);
    return { kind: 'unreadable', reason: 'corrupt', detail: (e as Error)?.message ?? String(e) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** A zip without `xl/workbook.xml`: name what it is when we can tell (the message can then say "this is a Word file"). */
function notAWorkbook(entries: ZipEntry[]): string | null {
  const names = new Set(entries.map((e) => e.name));
  if (names.has(WORKBOOK_PART)) return null;
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  if (names.has('content.xml') && names.has('mimetype')) return 'opendocument';
  return 'zip';
}

function ioFailure(e: unknown): Plan {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { kind: 'unreadable', reason: 'not-found' };
    case 'EISDIR':
      return { kind: 'unreadable', reason: 'not-spreadsheet', detail: 'directory' };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'unreadable', reason: 'denied', detail: err.code };
    default:
      // An I/O error: no reason fits exactly; the detail carries the system's word.
      return { kind: 'unreadable', reason: 'corrupt', detail: err?.code ? `${err.code}: ${err.message}` : String(e) };
  }
}
