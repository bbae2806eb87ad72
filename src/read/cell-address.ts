/** A1-style cell addresses (`B5`, `XFD1048576`), as sheets write them in `r` and `ref` attributes. */
import { MAX_COLUMNS } from './limits';

/** Where a parsed address points: `col` 0-based, `row` 1-based (0 when the address has no digits). */
export interface Address {
  col: number;
  row: number;
}

/**
 * Parses an address into `out` (reused by the caller: the sheet reader parses one per cell).
 * Letters in either case, then digits. A column past XFD comes out as MAX_COLUMNS or more, a
 * row past 2^30 as 2^30: the caller applies the limits. False when it is no address.
 */
export function parseAddress(ref: string, out: Address): boolean {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20; // upper-cased
    if (c < 65 || c > 90) break;
    if (col <= MAX_COLUMNS) col = col * 26 + (c - 64);
  }
  if (i === 0) return false;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    if (row < 1 << 30) row = row * 10 + (c - 48);
  }
  out.col = col - 1;
  out.row = Math.min(row, 1 << 30);
  return true;
}
