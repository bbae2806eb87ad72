/**
 * Numbers as Vietnamese clerks write them: `.` groups thousands, `,` is the decimal mark.
 * `40.881` is 40881, `74,4` is 74.4, `1.234,5` is 1234.5, `73,58%` is 73.58 (percent).
 */
export interface ParsedNumber {
  value: number;
  percent: boolean;
}

const PLAIN = /^-?\d+$/;
const VI_GROUPED = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const VI_DECIMAL = /^-?\d+,\d+$/;
const POINT_DECIMAL = /^-?\d+\.(?:\d{1,2}|\d{4,})$/; // `74.4`: a dot not followed by exactly three digits is no thousands group
const EN_GROUPED = /^-?\d{1,3}(?:,\d{3})+\.\d+$/;   // `1,234.5`: unambiguous English writing

export function parseViNumber(raw: string): ParsedNumber | null {
  let s = raw.replace(/[\s\u00a0\u202f]/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (s === '') return null;
  let n: number;
  if (PLAIN.test(s)) n = Number(s);
  else if (VI_GROUPED.test(s)) n = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (VI_DECIMAL.test(s)) n = Number(s.replace(',', '.'));
  else if (POINT_DECIMAL.test(s)) n = Number(s);
  else if (EN_GROUPED.test(s)) n = Number(s.replace(/,/g, ''));
  else return null;
  return Number.isFinite(n) ? { value: n, percent } : null;
}

/** Round half up (away from zero) to `decimals`, robust to binary noise (73.585 → 73.59). */
export function roundHalfUp(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(value) * f;
  const r = Math.floor(scaled + 0.5 + 1e-9);
  return (Math.sign(value) * r) / f;
}

/**
 * The one vi-VN number formatter (text, helpers, charts, workbook widths): 1.234,5 with exactly
 * `decimals` decimals, rounded half up. Written by hand rather than with Intl, whose output
 * depends on the ICU data node was built with (a small-icu build would print 40,881).
 */
export function formatDecimal(n: number, decimals: number): string {
  const r = roundHalfUp(n, decimals);
  const [int, frac] = Math.abs(r).toFixed(decimals).split('.');
  const s = group(int) + (frac ? `,${frac}` : '');
  return r < 0 ? `-${s}` : s;
}

/** `40881` → `40.881`: a dot between groups of three digits. */
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * 40.881: formatDecimal at 0 decimals. Whole numbers, all a report's counts, skip its rounding: a
 * national workbook measures 400 000 of them.
 */
export function formatInt(n: number): string {
  if (!Number.isInteger(n)) return formatDecimal(n, 0);
  const s = group(String(Math.abs(n)));
  return n < 0 ? `-${s}` : s;
}

/** A rate given as a fraction (0.73588) shown as a percentage: `73,59%`. */
export function formatRate(fraction: number, decimals: number): string {
  return `${formatDecimal(fraction * 100, decimals)}%`;
}
