import type { CellValue } from '../read/types';
import { shownValue } from './issue-sink';

/**
 * A 53-bit hash of a row's cells, to find rows entered twice without keeping the rows: two
 * 32-bit FNV-1a passes with different seeds, so a million rows collide with odds near 1 in 10⁴.
 * Only the columns `mapped` marks count (a sparse array: the header's known columns); the others
 * hash as blanks, so a note in an unknown column does not make two twins differ. Hot path: no
 * array is built per row, and text cells are hashed as they are.
 */
export function rowHash(cells: readonly CellValue[], mapped: readonly unknown[]): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let col = 0; col < mapped.length; col++) {
    if (mapped[col] !== undefined) {
      const c = cells[col] ?? null;
      const s = typeof c === 'string' ? c : (shownValue(c) ?? '');
      for (let i = 0; i < s.length; i++) {
        const ch = s.charCodeAt(i);
        a = Math.imul(a ^ ch, 0x01000193);
        b = Math.imul(b ^ ch, 0x01000193);
      }
    }
    a = Math.imul(a ^ 0x1f, 0x01000193); // cell separator: ["ab",""] ≠ ["a","b"]
    b = Math.imul(b ^ 0x1e, 0x01000193);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * Row hash → the first row that had it, for `row-duplicate`. Open addressing over two typed
 * arrays: 12 bytes a slot, at most half full, so a million rows take ~24 MB and nothing for the
 * garbage collector to walk, where a Map of numbers to strings took ~80 MB.
 */
export class RowHashIndex {
  /** hash + 1 (0 marks an empty slot; hashes are below 2^53, so hash + 1 is exact). */
  private keys: Float64Array;
  private rows: Uint32Array;
  private mask: number;
  private size = 0;

  constructor(capacity = 1024) {
    const cap = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.keys = new Float64Array(cap);
    this.rows = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** The first row seen with `hash`; when none was, remembers `row` and answers -1. */
  firstOrAdd(hash: number, row: number): number {
    const key = hash + 1;
    const mask = this.mask;
    let i = slot(hash) & mask;
    for (;;) {
      const k = this.keys[i];
      if (k === 0) break;
      if (k === key) return this.rows[i];
      i = (i + 1) & mask;
    }
    this.keys[i] = key;
    this.rows[i] = row;
    if (++this.size * 2 > this.keys.length) this.grow();
    return -1;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Uint32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j];
      if (key === 0) continue;
      let i = slot(key - 1) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.rows[i] = rows[j];
    }
  }
}

/** Mixes both halves of a 53-bit hash into 32 bits for the slot index. */
function slot(hash: number): number {
  return Math.imul((hash >>> 0) ^ ((hash / 4294967296) >>> 0), 0x9e3779b1) >>> 0;
}
