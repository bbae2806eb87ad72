/** exceljs cell values → CellValue. Numbers stay numbers; turning them into text (unit codes) is the checker's job. */
import type ExcelJS from 'exceljs';
import { cleanText } from './cell-text';
import type { CellError, CellValue, RawRow } from './types';

// The enums' own module: the package index would load all of exceljs (its writers, CSV support).
const { ValueType } = require('exceljs/lib/doc/enums') as { ValueType: typeof ExcelJS.ValueType };

/**
 * What a formula error becomes when its text is lost. exceljs's streaming reader parses every
 * non-string cached result with parseFloat, so `<c t="e"><f>1/0</f><v>#DIV/0!</v></c>` arrives
 * as a NaN result and the error's name cannot be recovered. It is still an error, reported as
 * such (`cell-type`); only its name is generic.
 */
export const FORMULA_ERROR = '#ERROR!';

const DAY_MS = 86_400_000;

/** The cells of one streamed row, or null when the row holds no value at all (formatting only). */
export function rawRowOf(row: ExcelJS.Row, date1904: boolean): RawRow | null {
  const cells: CellValue[] = [];
  let last = -1;
  row.eachCell((cell, col) => {
    const v = cellValueOf(cell, date1904);
    if (v === null) return;
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = v;
    last = col - 1;
  });
  return last < 0 ? null : { row: row.number, cells };
}

export function cellValueOf(cell: ExcelJS.Cell, date1904: boolean): CellValue {
  const v: unknown = cell.value;
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return text(v);
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'boolean':
      return v;
  }
  if (v instanceof Date) return dateCell(v);
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    // `cell.value` drops falsy results (a cached 0 would look like "no result"), `cell.result`
    // keeps them. Shared-formula children (`<f t="shared" si="0"/>`) have an empty formula and
    // are not typed Formula by exceljs: their raw object still carries the result.
    const result = cell.type === ValueType.Formula ? (cell.result as unknown) : o.result;
    return formulaResult(result, cell, date1904);
  }
  if (typeof o.error === 'string') return errorOf(o.error);
  if (Array.isArray(o.richText)) return richText(o.richText);
  if ('text' in o) {
    // A hyperlink: keep what the cell shows.
    const t = o.text;
    if (typeof t === 'string') return text(t);
    if (t && typeof t === 'object' && Array.isArray((t as { richText?: unknown }).richText)) {
      return richText((t as { richText: unknown[] }).richText);
    }
  }
  return null;
}

function formulaResult(r: unknown, cell: ExcelJS.Cell, date1904: boolean): CellValue {
  if (r === null || r === undefined) return null; // never calculated: no cached result
  if (typeof r === 'number') {
    if (Number.isNaN(r)) return errorOf(FORMULA_ERROR);
    if (!Number.isFinite(r)) return null;
    // exceljs turns date-formatted plain cells into Dates but not formula results (=A5+7).
    return isDateFormat(cell.numFmt) ? dateCell(excelSerialToDate(r, date1904)) : r;
  }
  if (typeof r === 'string') return text(r);
  if (typeof r === 'boolean') return r;
  if (r instanceof Date) return dateCell(r);
  if (typeof r === 'object' && typeof (r as CellError).error === 'string') return errorOf((r as CellError).error);
  return null;
}

function errorOf(error: string): CellError {
  return { error };
}

function richText(runs: unknown[]): string | null {
  let s = '';
  for (const run of runs) {
    const t = (run as { text?: unknown } | null)?.text;
    if (typeof t === 'string') s += t;
  }
  return text(s);
}

/** Text with OOXML's `_xHHHH_` escapes (Excel writes a cell's CR as `_x000D_`) decoded, then cleaned. */
function text(s: string): string | null {
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return cleanText(s);
}

/** Same test as exceljs uses for plain cells: date/time tokens outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? 24107 : 25569; // days from the Excel epoch to 1970-01-01
  return dateOnlyIfMidnight(new Date(Math.round((serial - epoch) * DAY_MS)));
}

/**
 * A date-formatted number too large (or NaN) to be a date: exceljs hands an Invalid Date, which
 * would throw wherever it is formatted. Excel shows such a cell as `########`; so do we, as text,
 * and the checker then says it is not a date (or not a number).
 */
export const NOT_A_DATE = '########';

function dateCell(d: Date): CellValue {
  return Number.isNaN(d.getTime()) ? NOT_A_DATE : dateOnlyIfMidnight(d);
}

/** Serial days carry float noise; a value within half a second of UTC midnight is that date exactly. */
function dateOnlyIfMidnight(d: Date): Date {
  const t = d.getTime();
  if (Number.isNaN(t)) return d;
  const day = Math.round(t / DAY_MS) * DAY_MS;
  return Math.abs(t - day) < 500 && t !== day ? new Date(day) : d;
}
