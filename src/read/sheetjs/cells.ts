/**
 * A SheetJS worksheet (dense mode) → the rows the checker reads, cell for cell as the XLSX reader
 * gives them: text cleaned (cell-text.ts), numbers, booleans, date-formatted numbers as Dates
 * (UTC, counted from the workbook's 1900 or 1904 epoch), a formula by its cached result, an error
 * result as its own text (`#DIV/0!`). A merged range keeps its value in its top-left cell, the
 * others blank, as in the file (and as the XLSX reader reads merges).
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { cleanText } from '../cell-text';
import type { CellValue, RawRow } from '../types';

/** The parts of SheetJS's number-format library (SSF) used here; the package types it `any`. */
export interface DateCode {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
}
export interface Ssf {
  is_date(fmt: string): boolean;
  parse_date_code(serial: number, opts: { date1904: boolean }): DateCode | null;
}

/** Excel's error codes ([MS-XLS] 2.5.10 BErr), for cells whose text SheetJS left out (`cellText: false`). */
const BIFF_ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** The rows of a sheet that hold a value, with their real (1-based) row numbers. */
export function sheetRows(ws: WorkSheet, ssf: Ssf, date1904: boolean): RawRow[] {
  const data = (ws as { '!data'?: (CellObject[] | undefined)[] })['!data'] ?? [];
  const rows: RawRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    const cells: CellValue[] = [];
    let last = -1;
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      const v = cell ? cellValue(cell, ssf, date1904) : null;
      cells.push(v);
      if (v !== null) last = c;
    }
    if (last >= 0) rows.push({ row: r + 1, cells: cells.slice(0, last + 1) });
  }
  return rows;
}

/** One cell. SheetJS keeps a formula's cached result in `v` (`cellFormula: false` drops the formula itself). */
export function cellValue(cell: CellObject, ssf: Ssf, date1904: boolean): CellValue {
  const v = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? cleanText(v) : null;
    case 'b':
      return typeof v === 'boolean' ? v : null;
    case 'e':
      return { error: typeof cell.w === 'string' && cell.w.startsWith('#') ? cell.w : BIFF_ERRORS[v as number] ?? '#ERROR!' };
    case 'n':
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      return cell.z !== undefined && ssf.is_date(String(cell.z)) ? dateOf(v, ssf, date1904) : v;
    case 'd':
      return v instanceof Date && !Number.isNaN(v.getTime()) ? v : null;
    default:
      return null; // 'z': a formatted blank
  }
}

/**
 * A date-formatted serial as a UTC Date (midnight for a date without time). A serial no date can
 * have (negative, past 9999) stays a number: the checker then says it is no date.
 */
function dateOf(serial: number, ssf: Ssf, date1904: boolean): CellValue {
  const d = ssf.parse_date_code(serial, { date1904 });
  if (!d || d.y < 1900 || d.y > 9999) return serial;
  return new Date(Date.UTC(d.y, d.m - 1, d.d, d.H, d.M, d.S));
}
