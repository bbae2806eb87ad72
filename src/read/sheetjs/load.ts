/**
 * One file through SheetJS, whole and synchronously: the bytes → a workbook → each sheet's rows
 * (cells.ts). Runs on the adapter's worker thread (run.ts), which bounds its memory and time;
 * everything here may hold the whole file. Never throws: a failure is a coded reason.
 */
import * as fs from 'fs';
import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import type { RawRow, SheetjsFormat, UnreadableReason } from '../types';
import { hasFilePass } from './biff';
import { sheetRows, type Ssf } from './cells';
import { SHEETJS_LIMITS } from './limits';
import { decodeMarkup } from './markup-text';
import { odsValueCells } from './ods-cells';

export interface LoadedSheet {
  /** The sheet's name as on its tab (HTML tables: SheetJS's `Sheet1`, `Sheet2`...). */
  name: string;
  rows: RawRow[];
}

export type LoadResult =
  | { ok: true; sheets: LoadedSheet[] }
  | { ok: false; reason: UnreadableReason; detail: string };

type SheetJs = typeof import('@e965/xlsx');

/**
 * What SheetJS is asked for: dense sheets (arrays, not an object per address), number formats
 * (to know a date), no formatted text, HTML or formula source (slow, unused). `raw` keeps an
 * HTML cell's text as typed: SheetJS would otherwise read `02/10/2025` the US way and `1.250`
 * as 1,25; the checker reads them the Vietnamese way, as it does CSV text.
 */
const OPTIONS: ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellFormula: false,
  cellStyles: false,
  cellDates: false,
  raw: true,
};

/** Reads `file` as `format`. The caller has checked its size (limits.ts). */
export function loadWorkbook(file: string, format: SheetjsFormat): LoadResult {
  try {
    const X = require('@e965/xlsx') as SheetJs;
    const bytes = fs.readFileSync(file);
    const refused = refuse(X, bytes, format);
    if (refused) return refused;
    const text = format === 'html' || format === 'xml2003' ? decodeMarkup(bytes) : null;
    // A page without a table is no export (SheetJS would fall back to reading it as CSV).
    if (format === 'html' && !/<table[\s>]/i.test(text ?? '')) return { ok: false, reason: 'html-xls', detail: 'html' };
    const wb = withQuietConsole(() => (text === null ? X.read(bytes, OPTIONS) : X.read(text, { ...OPTIONS, type: 'string' })));
    const sheets = sheetsOf(wb, X.SSF as Ssf);
    return sheets.length > 0 ? { ok: true, sheets } : { ok: false, reason: `${format}-corrupt`, detail: 'no worksheet' };
  } catch (e) {
    return { ok: false, reason: `${format}-corrupt`, detail: e instanceof Error ? e.message : String(e) };
  }
}

function sheetsOf(wb: WorkBook, ssf: Ssf): LoadedSheet[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: LoadedSheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = worksheetOf(wb, name);
    // NFC like every cell's text: an Excel 95 name in code page 1258 decodes with combining tone marks.
    if (ws) sheets.push({ name: name.normalize('NFC'), rows: sheetRows(ws, ssf, date1904) });
  }
  return sheets;
}

/**
 * What SheetJS would misread or blow up on rather than refuse: a password-protected .xls (read
 * as garbage), an .ods whose repeated cells multiply into millions. (An encrypted .ods is
 * refused by open.ts.)
 */
function refuse(X: SheetJs, bytes: Buffer, format: SheetjsFormat): LoadResult | null {
  if (format === 'ods') {
    const content = X.CFB.find(X.CFB.read(bytes, { type: 'buffer' }), 'content.xml')?.content;
    const cells = content ? odsValueCells(Buffer.from(content as Uint8Array).toString('utf8'), SHEETJS_LIMITS.maxOdsCells) : 0;
    return cells > SHEETJS_LIMITS.maxOdsCells ? { ok: false, reason: 'ods-too-large', detail: `over ${SHEETJS_LIMITS.maxOdsCells} cells with repeats` } : null;
  }
  if (format !== 'xls') return null;
  const cfb = X.CFB.read(bytes, { type: 'buffer' });
  const stream = X.CFB.find(cfb, 'Workbook') ?? X.CFB.find(cfb, 'Book');
  if (!stream?.content) return { ok: false, reason: 'xls-corrupt', detail: 'no Workbook stream' };
  if (hasFilePass(stream.content as Uint8Array)) return { ok: false, reason: 'xls-encrypted', detail: 'FILEPASS' };
  return null;
}

/**
 * A sheet by name, own properties only: SheetJS keys `wb.Sheets` by the names in the file, so a
 * sheet named `constructor` must not find Object's, and one named `__proto__` is reached through
 * the prototype SheetJS's assignment gave the map.
 */
function worksheetOf(wb: WorkBook, name: string): WorkBook['Sheets'][string] | null {
  const ws: unknown = name === '__proto__' ? Object.getPrototypeOf(wb.Sheets) : Object.prototype.hasOwnProperty.call(wb.Sheets, name) ? wb.Sheets[name] : null;
  return ws !== null && typeof ws === 'object' && ('!data' in ws || '!ref' in ws) ? (ws as WorkBook['Sheets'][string]) : null;
}

/** SheetJS reports what it skips on the console ("ODS number format may be incorrect"); the clerk's terminal is ours. */
function withQuietConsole<T>(fn: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => undefined;
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}
