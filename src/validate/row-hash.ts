import type { CellValue } from '../read/types';
import { shownValue } from './issue-sink';

/**
 * A 53-bit hash of a row's cells, to find rows entered twice without keeping the rows: two
 * 32-bit FNV-1a passes with different seeds, so a million rows collide with odds near 1 in 10⁴.
 */
export function rowHash(cells: CellValue[]): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const c of cells) {
    const s = typeof c === 'string' ? c : (shownValue(c) ?? '');
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x01000193);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193); // cell separator: ["ab",""] ≠ ["a","b"]
    b = Math.imul(b ^ 0x1e, 0x01000193);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
