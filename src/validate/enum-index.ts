import { editDistance, matchKey } from '../text/normalize';

/** Longer values are cut to this before looking for the nearest entry. */
const MAX_TYPO_LENGTH = 80;

/** Matching a typed activity type or mode to its catalogue key, with the nearest entry for typos. */
export class EnumIndex {
  private readonly byKey = new Map<string, string>();
  private readonly cache = new Map<string, string | null>();
  private readonly entries: { norm: string; label: string }[] = [];

  constructor(items: { key: string; label: string; aliases?: string[] }[]) {
    for (const it of items) {
      for (const name of [it.label, ...(it.aliases ?? []), it.key]) {
        const norm = matchKey(name);
        if (!this.byKey.has(norm)) this.byKey.set(norm, it.key);
        this.entries.push({ norm, label: it.label });
      }
    }
    this.labels = items.map((i) => i.label);
  }

  readonly labels: string[];

  /** The key for a typed value, or null. Cached: a column holds few distinct values. */
  lookup(raw: string): string | null {
    let hit = this.cache.get(raw);
    if (hit === undefined) {
      hit = this.byKey.get(matchKey(raw)) ?? null;
      if (this.cache.size < 10_000) this.cache.set(raw, hit);
    }
    return hit;
  }

  /**
   * The label of the entry nearest to a typo. Only the value's first characters are compared:
   * edit distance is quadratic, and a 32 k-character cell in the type column (times every
   * entry, times every row) would stall the check for minutes; no typo is that long.
   */
  nearest(raw: string): string {
    const norm = matchKey(raw).slice(0, MAX_TYPO_LENGTH);
    let best = this.entries[0];
    let bestD = Infinity;
    for (const e of this.entries) {
      const d = editDistance(norm, e.norm);
      if (d < bestD) {
        best = e;
        bestD = d;
      }
    }
    return best.label;
  }
}
