import type { Unit } from '../records/records';
import { editDistance, matchKey } from '../text/normalize';

/**
 * The units list the rows are checked against: the config's, known before any row, or one found
 * among the inputs (a `Danh mục đơn vị` table), known only once read. Names match after
 * normalisation (case, diacritics, tone placement).
 */
export class KnownUnits {
  readonly units = new Map<string, Unit>();
  /** True when the list is the config's: a reference can be judged at once. */
  readonly fromConfig: boolean;
  private readonly nameKeys = new WeakMap<Unit, string>();
  private readonly typedKeys = new Map<string, string>();

  constructor(configUnits: Unit[] | null) {
    this.fromConfig = configUnits !== null;
    for (const u of configUnits ?? []) this.units.set(u.code, u);
  }

  /** A unit of a list found among the inputs; the first of a code stays. */
  add(u: Unit): void {
    if (!this.units.has(u.code)) this.units.set(u.code, u);
  }

  get(code: string): Unit | undefined {
    return this.units.get(code);
  }

  get size(): number {
    return this.units.size;
  }

  /** A name as written is the unit's when blank, equal, or equal after normalisation. */
  nameMatches(unit: Unit, name: string | null): boolean {
    return !name || name === unit.name || this.typedKey(name) === this.nameKey(unit);
  }

  /** The listed code nearest to a mistyped one (a few edits away), if any. */
  nearest(code: string): string | undefined {
    let best: string | undefined;
    let bestD = Math.max(2, Math.floor(code.length / 3)) + 1;
    const typed = code.toLowerCase();
    for (const c of this.units.keys()) {
      // The distance is at least the difference in length: skip the quadratic work when that already loses (a 32 k-char code, 1 000 units).
      const known = c.toLowerCase();
      if (Math.abs(typed.length - known.length) >= bestD) continue;
      const d = editDistance(typed, known);
      if (d < bestD) {
        best = c;
        bestD = d;
      }
    }
    return best;
  }

  /** matchKey of a unit's name, once per unit: rows name their unit a million times. */
  private nameKey(unit: Unit): string {
    let key = this.nameKeys.get(unit);
    if (key === undefined) {
      key = matchKey(unit.name);
      this.nameKeys.set(unit, key);
    }
    return key;
  }

  /** matchKey of a name as typed; cached (bounded), as a column repeats few names. */
  private typedKey(name: string): string {
    let key = this.typedKeys.get(name);
    if (key === undefined) {
      key = matchKey(name);
      if (this.typedKeys.size < 10_000) this.typedKeys.set(name, key);
    }
    return key;
  }
}
