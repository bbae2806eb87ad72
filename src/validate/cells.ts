import type { ColumnType } from '../catalog/columns';
import type { Expected } from '../catalog/issues';
import { isCellError, type CellError, type CellValue } from '../read/types';
import { parseViNumber } from '../text/vi-number';
import { isoFromDate, isoFromExcelSerial, parseViDate, type IsoDate } from '../text/vi-date';

/**
 * Turning one raw cell into a typed value. A parser answers the value, `null` for a blank
 * ("not reported", never 0), or a failure naming which issue code applies.
 */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; code: 'cell-type' | 'cell-range'; expected: Expected };

const BLANK = { ok: true as const, value: null };
const typeError = (expected: Expected) => ({ ok: false as const, code: 'cell-type' as const, expected });
const rangeError = (expected: Expected) => ({ ok: false as const, code: 'cell-range' as const, expected });

/**
 * A cell the reader could not take as a value (read/types.ts, CellError): a formula's error
 * result or a formula never calculated is `cell-type`; text past Excel's 32.767 characters is
 * `cell-range`.
 */
function notAValue(v: CellError): Parsed<never> {
  if (v.kind === 'too-long') return rangeError('textLength');
  return typeError(v.kind === 'no-result' ? 'formulaNoResult' : 'formulaError');
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function parseText(v: CellValue): Parsed<string> {
  if (isBlank(v)) return BLANK;
  if (isCellError(v)) return notAValue(v);
  if (v instanceof Date) return { ok: true, value: isoFromDate(v) };
  return { ok: true, value: String(v).trim() };
}

/** Unit codes are text: `123` from a numeric cell is "123", never "123.0"; leading zeros stay. */
export function parseCode(v: CellValue): Parsed<string> {
  if (typeof v === 'number') return { ok: true, value: Number.isInteger(v) ? v.toFixed(0) : String(v) };
  return parseText(v);
}

const DIGITS = /^\d+$/;

/** Whole numbers ≥ min (counts ≥ 0, sessions ≥ 1), written the vi-VN way or numeric. */
export function parseWhole(v: CellValue, min: number, expected: Expected): Parsed<number> {
  if (isBlank(v)) return BLANK;
  if (isCellError(v)) return notAValue(v);
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = v.trim();
    if (DIGITS.test(s)) n = Number(s);
    else {
      const p = parseViNumber(s);
      if (!p || p.percent) return typeError(expected);
      n = p.value;
    }
  } else return typeError(expected);
  if (!Number.isFinite(n)) return typeError(expected);
  if (!Number.isInteger(n) || n < min) return rangeError(expected);
  return { ok: true, value: n };
}

/**
 * A percentage a unit typed. `74,4%`, `74,4` and a numeric 74.4 are 74.4%; a numeric 0.744 (a
 * percent-formatted cell) is 74.4% too. Returns percent units and the decimals it was written with.
 */
export function parseRate(v: CellValue): Parsed<TypedRate> {
  if (isBlank(v)) return BLANK;
  if (isCellError(v)) return notAValue(v);
  let value: number;
  let decimals: number;
  if (typeof v === 'number') {
    value = v <= 1 ? v * 100 : v;
    decimals = decimalsOf(value);
  } else if (typeof v === 'string') {
    const p = parseViNumber(v);
    if (!p) return typeError('rate');
    const frac = /[.,](\d+)\s*%?\s*$/.exec(v.trim());
    value = !p.percent && p.value <= 1 ? p.value * 100 : p.value;
    decimals = value === p.value ? (frac ? frac[1].length : 0) : decimalsOf(value);
  } else return typeError('rate');
  if (value < 0 || value > 100) return rangeError('rate');
  return { ok: true, value: { percent: value, decimals } };
}

/** Decimals a number shows once binary noise (74.39999…) is rounded away. */
function decimalsOf(n: number): number {
  const s = String(Number(n.toFixed(6)));
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(s.length - i - 1, 4);
}

/** Date cells, Excel serials (as numbers or digits) and day-first text. */
export function parseDate(v: CellValue): Parsed<IsoDate> {
  if (isBlank(v)) return BLANK;
  if (isCellError(v)) return notAValue(v);
  let iso: IsoDate | null = null;
  if (v instanceof Date) iso = Number.isNaN(v.getTime()) ? null : isoFromDate(v);
  else if (typeof v === 'number') iso = isoFromExcelSerial(v);
  else if (typeof v === 'string') iso = DIGITS.test(v.trim()) ? isoFromExcelSerial(Number(v)) : parseViDate(v);
  return iso ? { ok: true, value: iso } : typeError('date');
}

/** A typed rate: the percentage and the decimals it was written with. */
export interface TypedRate {
  percent: number;
  decimals: number;
}

/**
 * The parser of each column type (catalog/columns.ts). Catalogue columns (type, mode) and photo
 * paths parse as text here; their checks take them further.
 */
export const PARSERS: Record<ColumnType, (v: CellValue) => Parsed<unknown>> = {
  text: parseText,
  code: parseCode,
  date: parseDate,
  type: parseText,
  mode: parseText,
  count: (v) => parseWhole(v, 0, 'count'),
  sessions: (v) => parseWhole(v, 1, 'sessions'),
  rate: parseRate,
  paths: parseText,
};
