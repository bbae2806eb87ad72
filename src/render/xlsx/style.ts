/**
 * What every sheet of the output workbook and of the blank form shares: cell formats, the header
 * and border look, data tables written from column specs, frozen and filtered headers, and column
 * widths estimated from the text. One place, so the sheets look alike and nothing is copied.
 */
import type { Alignment, Borders, Cell, Fill, Font, Style, Worksheet } from 'exceljs';
import { xmlSafe } from '../../text/normalize';
import { dateFromIso } from '../../text/vi-date';
import { formatInt } from '../../text/vi-number';

// ---------------------------------------------------------------------------------------------
// Formats and looks

/** Display formats: Excel shows `#,##0` with the reader's locale separator (40.881 in vi-VN). */
export interface Formats {
  int: string;
  signedInt: string;
  rate: string;
  signedRate: string;
  date: string;
  /** Decimals of a rate, for width estimates. */
  decimals: number;
}

export const DATE_FORMAT = 'dd/mm/yyyy';
const INT_FORMAT = '#,##0';

export function formats(decimals: number): Formats {
  const d = Math.max(0, Math.min(6, Math.floor(decimals)));
  const pct = d > 0 ? `0.${'0'.repeat(d)}%` : '0%';
  return {
    int: INT_FORMAT,
    signedInt: `+${INT_FORMAT};-${INT_FORMAT};0`,
    rate: pct,
    // A change is shown with its sign: "+0.64%" reads "tăng", "-1.20%" "giảm".
    signedRate: `+${pct};-${pct};${pct}`,
    date: DATE_FORMAT,
    decimals: d,
  };
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const THIN_BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
/**
 * The workbook's default font. Every font we set names it: a font with only `bold` leaves the
 * face to the viewer (LibreOffice picks a serif one).
 */
const BASE_FONT: Partial<Font> = { name: 'Calibri', family: 2, size: 11 };
export function font(f: Partial<Font> = {}): Partial<Font> {
  return { ...BASE_FONT, ...f };
}
export const BOLD = font({ bold: true });
export const HEADER_FONT = BOLD;
const HEADER_ALIGNMENT: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

/** Any text taken from the inputs or templates, made safe for the sheet XML. */
export function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = xmlSafe(value);
  return s === '' ? null : s;
}

/** Header cells: bold, centred, wrapped, shaded, boxed. */
export function styleHeaderCell(cell: Cell): void {
  cell.font = HEADER_FONT;
  cell.alignment = HEADER_ALIGNMENT;
  cell.fill = HEADER_FILL;
  cell.border = THIN_BORDER;
}

/** A bold title line merged across `span` columns (the form's "BIỂU THỐNG KÊ ...", a sheet's caption). */
export function titleRow(ws: Worksheet, row: number, title: string, span: number, opts: { size?: number; center?: boolean } = {}): void {
  const cell = ws.getCell(row, 1);
  cell.value = text(title);
  cell.font = font({ bold: true, size: opts.size ?? 12 });
  cell.alignment = { horizontal: opts.center ? 'center' : 'left', vertical: 'middle' };
  if (span > 1) ws.mergeCells(row, 1, row, span);
}

// ---------------------------------------------------------------------------------------------
// Data tables

/**
 * How a column's values are written. Numbers are numeric cells (never text), dates real date
 * cells; `text` is copied as a string, so `=HYPERLINK(...)` typed by a clerk stays text.
 */
export type ColumnKind = 'text' | 'int' | 'signedInt' | 'rate' | 'signedRate' | 'date';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
}

/** A value for a data cell: text, a number (rates as fractions), an ISO date for `date`, or blank. */
export type CellInput = string | number | null | undefined;

export interface TablePlace {
  headerRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * How a data cell is written, from its column kind and value: nothing, text, a number, or a date
 * (an ISO date in a date column). The one decision behind setValue, the tables' cells and the
 * rows bulk-rows.ts writes as XML.
 */
export type DataClass = 'blank' | 'text' | 'number' | 'date';

export function dataClass(kind: ColumnKind, value: unknown): DataClass {
  if (value === null || value === undefined || value === '') return 'blank';
  if (kind === 'date' && typeof value === 'string' && ISO_DATE.test(value)) return 'date';
  if (kind === 'text' || typeof value === 'string') return 'text';
  return typeof value === 'number' && Number.isFinite(value) ? 'number' : 'blank';
}

/** The number format of a data cell of that class (undefined: none; a text column never holds a number). */
export function dataNumFmt(cls: DataClass, kind: ColumnKind, fmt: Formats): string | undefined {
  if (cls === 'date') return fmt.date;
  if (cls !== 'number' || kind === 'text') return undefined;
  return kind === 'date' ? fmt.date : fmt[kind];
}

/** Set one data cell from its column kind: the number format goes with the value. */
export function setValue(cell: Cell, kind: ColumnKind, value: CellInput, fmt: Formats): void {
  const look = dataLook(kind, value, fmt);
  if (look.value === null) return;
  cell.value = look.value;
  if (look.numFmt !== undefined) cell.numFmt = look.numFmt;
}

/**
 * The look of a data cell (thin border, and the number format its value needs), one frozen object
 * per look shared by every cell that has it. exceljs turns a cell's style into a style id by
 * serialising it, unless it has met that very object before: with a fresh object per cell, the
 * 200 000 rows of a national `Hoạt động` sheet spent 16 s there. Frozen, so a later `cell.font =`
 * cannot restyle every cell at once (exceljs's classes run in strict mode: it throws); give such a
 * cell its own copy first (`unshareStyles`).
 */
const DATA_STYLES = new Map<string, Partial<Style>>();
function dataStyle(numFmt: string | undefined): Partial<Style> {
  const key = numFmt ?? '';
  let style = DATA_STYLES.get(key);
  if (!style) {
    style = Object.freeze(numFmt === undefined ? { border: THIN_BORDER } : { numFmt, border: THIN_BORDER });
    DATA_STYLES.set(key, style);
  }
  return style;
}

/** What a data cell holds and its number format (null: blank). */
interface DataLook {
  value: string | number | Date | null;
  numFmt: string | undefined;
}

function dataLook(kind: ColumnKind, value: CellInput, fmt: Formats): DataLook {
  const cls = dataClass(kind, value);
  const numFmt = dataNumFmt(cls, kind, fmt);
  if (cls === 'date') return { value: dateFromIso(value as string), numFmt };
  if (cls === 'text') return { value: text(String(value)), numFmt };
  if (cls === 'number') return { value: value as number, numFmt };
  return { value: null, numFmt };
}

/** A data cell's value and shared look: setValue's, with a border. */
function setDataCell(cell: Cell, kind: ColumnKind, value: CellInput, fmt: Formats): void {
  const look = dataLook(kind, value, fmt);
  if (look.value !== null) cell.value = look.value;
  cell.style = dataStyle(look.numFmt);
}

/** Give the cells of a row written by writeTable their own style objects, before restyling them. */
export function unshareStyles(ws: Worksheet, row: number): void {
  ws.getRow(row).eachCell({ includeEmpty: true }, (cell) => {
    cell.style = { ...cell.style };
  });
}

/**
 * Write a header row and data rows with borders; returns where the table landed. With `bulk`, a
 * table longer than BULK_ROWS has only its first rows made into exceljs cells (as many as hold
 * every look its cells use), the rest left to `bulk` to write as XML (bulk-rows.ts).
 */
export function writeTable(
  ws: Worksheet,
  at: { row: number; col?: number },
  columns: readonly ColumnSpec[],
  rows: readonly (readonly CellInput[])[],
  fmt: Formats,
  bulk?: BulkSink,
): TablePlace {
  const firstCol = at.col ?? 1;
  columns.forEach((c, i) => {
    const cell = ws.getCell(at.row, firstCol + i);
    cell.value = text(c.header);
    styleHeaderCell(cell);
  });
  const written = bulk && rows.length > BULK_ROWS ? bulk.take(ws, { headerRow: at.row, firstCol, columns, rows, fmt }) : rows.length;
  for (let r = 0; r < written; r++) {
    const row = ws.getRow(at.row + 1 + r);
    const values = rows[r];
    columns.forEach((c, i) => setDataCell(row.getCell(firstCol + i), c.kind, values[i], fmt));
  }
  return { headerRow: at.row, lastRow: at.row + rows.length, firstCol, lastCol: firstCol + columns.length - 1 };
}

/** Tables longer than this may have their rows written as XML rather than as exceljs cells. */
export const BULK_ROWS = 10_000;

/** A long table handed over to be written as XML: where it sits and what it holds. */
export interface BulkTableInput {
  headerRow: number;
  firstCol: number;
  columns: readonly ColumnSpec[];
  rows: readonly (readonly CellInput[])[];
  fmt: Formats;
}

/** Takes a long table; answers how many of its first rows exceljs must still write. */
export interface BulkSink {
  take(ws: Worksheet, table: BulkTableInput): number;
}

/** Freeze everything above and including the header row, and filter the table. */
export function freezeAndFilter(ws: Worksheet, table: TablePlace, xSplit = 0): void {
  ws.views = [{ state: 'frozen', xSplit, ySplit: table.headerRow }];
  ws.autoFilter = {
    from: { row: table.headerRow, column: table.firstCol },
    to: { row: Math.max(table.headerRow, table.lastRow), column: table.lastCol },
  };
}

// ---------------------------------------------------------------------------------------------
// Sizes

/**
 * Width of a text in Excel's character units: its longest line, a little more for capitals. ASCII
 * is decided by its code; other letters by their case mapping, a code point at a time.
 */
export function textWidth(s: string): number {
  let best = 0;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c === 10) {
        if (w > best) best = w;
        w = 0;
      } else w += c >= 65 && c <= 90 ? 1.2 : 1;
      continue;
    }
    let ch = s[i];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) ch = s.slice(i, ++i + 1);
    }
    w += ch === ch.toUpperCase() && ch !== ch.toLowerCase() ? 1.2 : 1;
  }
  return w > best ? w : best;
}

/** Lines a text takes when wrapped at `width` characters (explicit breaks included). */
export function wrappedLines(s: string, width: number): number {
  const w = Math.max(1, width);
  return s.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / w)), 0);
}

/** Points per wrapped line at the default 11 pt font. */
export const LINE_HEIGHT = 15;
/** Pixels per default row (15 pt) and per character of column width (Calibri 11, 96 dpi). */
export const ROW_PX = 20;
export const CHAR_PX = 7;

/** The width a cell's shown value needs. */
function cellWidth(cell: Cell, fmt: Formats | null): number {
  const v = cell.value;
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return numberWidth(v, cell.numFmt ?? '', fmt);
  if (typeof v === 'string') return textWidth(v);
  if (typeof v === 'object' && 'richText' in v) return textWidth(v.richText.map((r) => r.text).join(''));
  return String(v).length;
}

/** The width of a number as shown in `numFmt` (bulk-rows.ts measures its rows with it too). */
export function numberWidth(v: number, numFmt: string, fmt: Formats | null): number {
  if (numFmt.includes('%')) return String(Math.round(Math.abs(v) * 100)).length + (fmt?.decimals ?? 2) + 4;
  return formatInt(v).length + (v < 0 || numFmt.startsWith('+') ? 1 : 0);
}

export interface FitOptions {
  /** Rows whose text may wrap (headers): they count only up to `headerCap` characters. */
  headerRows?: readonly number[];
  headerCap?: number;
  min?: number;
  max?: number;
  fmt?: Formats | null;
  /** Widths (by 1-based column) of values that are not cells of the sheet. */
  extraWidths?: readonly number[];
}

/**
 * Size each column to its longest shown value (capped; merged titles do not count) and give the
 * header rows the height their wrapped labels need.
 */
export function fitColumns(ws: Worksheet, opts: FitOptions = {}): void {
  const min = opts.min ?? 8;
  const max = opts.max ?? 60;
  const headerCap = opts.headerCap ?? 24;
  const headers = new Set(opts.headerRows ?? []);
  const widths: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged) return;
      let w = cellWidth(cell, opts.fmt ?? null);
      if (headers.has(r)) w = Math.min(w, headerCap);
      widths[c] = Math.max(widths[c] ?? 0, w);
    });
  });
  // Rows written as XML (bulk-rows.ts) count as if they were cells.
  opts.extraWidths?.forEach((w, c) => {
    if (w > 0) widths[c] = Math.max(widths[c] ?? 0, w);
  });
  for (let c = 1; c < widths.length; c++) {
    ws.getColumn(c).width = Math.round(Math.min(max, Math.max(min, (widths[c] ?? 0) + 2)) * 10) / 10;
  }
  fitHeaderHeights(ws, [...headers]);
}

/** Give wrapped header rows the height their labels need at the columns' current widths. */
export function fitHeaderHeights(ws: Worksheet, rows: readonly number[]): void {
  for (const r of rows) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (typeof cell.value === 'string') lines = Math.max(lines, wrappedLines(cell.value, (ws.getColumn(c).width ?? 9) - 1));
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
  }
}
