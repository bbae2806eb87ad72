/**
 * A cell's stored text as the value Excel shows: numbers stay numbers (turning them into text,
 * unit codes, is the checker's job), date-formatted numbers and ISO dates become Dates, text is
 * unescaped and cleaned. Used by the shared-strings and sheet readers, per cell: keep it cheap.
 */
import { textCell, tooLong } from './cell-text';
import { MAX_CELL_CHARS, TOO_LONG_HEAD_CHARS } from './limits';
import type { CellValue } from './types';

const DAY_MS = 86_400_000;

/**
 * What a date-formatted number that is no date shows: Excel draws `########` for a negative
 * serial or one past 31/12/9999. Handed on as text, so the checker says it is not a date.
 */
export const NOT_A_DATE = '########';
/** Serial of 01/01/10000 in the 1900 system: Excel's dates end the day before. */
const SERIAL_END = 2_958_466;

/** OOXML's `_xHHHH_` escapes (ECMA-376 Part 1, §22.9.2.19): Excel writes a cell's CR as `_x000D_`, a pasted soft break as `_x000B_`; `_x005F_` escapes the underscore itself. */
export function decodeEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Stored text (a shared string, an inline string, a formula's text result) as a cell value. */
export function textValue(raw: string): CellValue {
  return textCell(decodeEscapes(raw));
}

/**
 * A number as stored (`<v>`), a Date when its style shows dates. Stored text that is no finite
 * number (`NaN`, `INF`, a damaged cell) is shown as Excel would not show a number: `########`
 * under a date style, else the text itself, for the checker to name.
 */
export function numberValue(raw: string, isDate: boolean, date1904: boolean): CellValue {
  const n = Number(raw);
  if (!Number.isFinite(n) || raw.trim().length === 0) return isDate ? NOT_A_DATE : textValue(raw);
  return isDate ? serialDate(n, date1904) : n;
}

/** A date serial (days since 30/12/1899, or since 01/01/1904) as a Date; `########` outside Excel's dates. */
export function serialDate(serial: number, date1904: boolean): Date | string {
  const s1900 = date1904 ? serial + 1462 : serial;
  if (serial < 0 || s1900 >= SERIAL_END) return NOT_A_DATE;
  return dateOnlyIfMidnight(new Date(Math.round((s1900 - 25569) * DAY_MS)));
}

/**
 * A `t="d"` cell: ISO 8601 text (`2025-10-01`, `2025-10-01T08:30:00`, `T08:30:00`, with an
 * optional fraction and zone). The clock time is what the clerk typed, so a zone is not applied.
 * Text that is no such date is handed on as text, for the checker to name.
 */
export function isoDateValue(raw: string): CellValue {
  const m = ISO.exec(raw.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return textValue(raw);
  const [, y, mo, d, h, mi, s, frac] = m;
  const year = y === undefined ? 1899 : Number(y);
  const month = y === undefined ? 12 : Number(mo);
  const day = y === undefined ? 30 : Number(d);
  const ms = Math.round(Number(`0.${frac ?? '0'}`) * 1000);
  const t = Date.UTC(year, month - 1, day, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  const date = new Date(t);
  // Date.UTC rolls 2025-02-30 over into March: such text is no date.
  if (Number.isNaN(t) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return textValue(raw);
  return date;
}

/** Anchored, fixed-width fields: no backtracking. */
const ISO = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Serial days carry float noise; a value within half a second of UTC midnight is that date exactly. */
function dateOnlyIfMidnight(d: Date): Date {
  const t = d.getTime();
  const day = Math.round(t / DAY_MS) * DAY_MS;
  return Math.abs(t - day) < 500 && t !== day ? new Date(day) : d;
}

/** Stored characters that can still decode to at most 32.767 (`_xHHHH_` is 7 for 1): past this, a text is too long whatever it holds. */
const RAW_TEXT_LIMIT = MAX_CELL_CHARS * 7;
/** Stored characters kept past the limit, for the marker's head. */
const RAW_HEAD = TOO_LONG_HEAD_CHARS * 7;

/**
 * The text of one string item (shared or inline) gathered from its runs (`<r><t>`), however
 * many. Escapes are decoded run by run, as each `<t>` is its own escaped string (an escape is
 * never split across runs). Past RAW_TEXT_LIMIT it keeps counting but stops gathering, so a
 * hostile item costs its length once, not its length again per run.
 */
export class CellTextBuffer {
  private text = '';
  private run = '';
  private length = 0;

  reset(): void {
    this.text = this.run = '';
    this.length = 0;
  }

  /** Text of the `<t>` being read (one call per text node; a run may have several). */
  add(t: string): void {
    this.length += t.length;
    if (this.length <= RAW_TEXT_LIMIT) this.run += t;
    else if (this.text.length + this.run.length < RAW_HEAD) this.run += t.slice(0, RAW_HEAD);
  }

  /** The `</t>` of a run. */
  endRun(): void {
    if (this.run.length > 0) this.text += decodeEscapes(this.run);
    this.run = '';
  }

  value(): CellValue {
    this.endRun();
    if (this.length <= RAW_TEXT_LIMIT) return textCell(this.text);
    return { ...tooLong(this.text), length: this.length };
  }
}
