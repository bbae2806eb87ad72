import type { Unit } from './records';

/**
 * The hierarchy a units list gives (inputs.md, "Units list": each unit names its `parent`, to any
 * depth; since 1 July 2025 usually province → commune, older years' lists have districts too).
 * Every question about it is asked here. A list is made by hand, so it may hold a cycle or a chain
 * thousands deep: every walk is a loop (never recursion) and stops at the first code it has seen,
 * the one cycle guard of the program. Codes not in the list are their own one-unit lineage.
 *
 * Climbing (`lineage`, `ancestors`, `childUnder`, `commonAncestor`) reads `units` as it is at the
 * time; the downward questions (`children`, `descendants`, `leaves`, `isUnder`) read it as it was
 * when first asked one: ask them once the list is complete.
 */
export class UnitTree {
  private childrenByCode: Map<string, Unit[]> | null = null;
  private order: Map<string, { first: number; last: number }> | null = null;

  constructor(readonly units: ReadonlyMap<string, Unit>) {}

  get(code: string): Unit | undefined {
    return this.units.get(code);
  }

  /**
   * Climbs from `code` to the top of the list, nearest first, until `stop` answers true: answers
   * the code it stopped at, or null at the top. The one cycle guard: no code is visited twice.
   */
  private climb(code: string, stop: (c: string) => boolean): string | null {
    const seen = new Set<string>();
    for (let c: string | null | undefined = code; c && !seen.has(c); c = this.units.get(c)?.parent) {
      if (stop(c)) return c;
      seen.add(c);
    }
    return null;
  }

  /** `code`, its parent, its parent's parent … up to the top: nearest first, each code once. */
  lineage(code: string): string[] {
    const out: string[] = [];
    this.climb(code, (c) => {
      out.push(c);
      return false;
    });
    return out;
  }

  /** The units above `code`, nearest first (its lineage without itself). */
  ancestors(code: string): string[] {
    return this.lineage(code).slice(1);
  }

  /**
   * Is `code` the unit `top`, or anywhere below it? Constant time once the list is numbered depth
   * first (a rollup asks it for every unit and every submission); a code outside the numbering (not
   * in the list, or in a cycle) climbs.
   */
  isUnder(code: string, top: string): boolean {
    if (code === top) return true;
    const order = this.numbering();
    const inner = order.get(code);
    const outer = order.get(top);
    if (inner && outer) return outer.first < inner.first && inner.last <= outer.last;
    return this.climb(code, (c) => c === top) !== null;
  }

  /** The unit directly under `root` on `code`'s lineage (`code` itself when it is one), or null when `code` is not below `root`. */
  childUnder(root: string, code: string): string | null {
    return this.climb(code, (c) => this.units.get(c)?.parent === root);
  }

  /** The units whose parent is `code`, in list order. */
  children(code: string): Unit[] {
    if (this.childrenByCode === null) {
      this.childrenByCode = new Map();
      for (const u of this.units.values()) {
        if (!u.parent) continue;
        const list = this.childrenByCode.get(u.parent);
        if (list) list.push(u);
        else this.childrenByCode.set(u.parent, [u]);
      }
    }
    return this.childrenByCode.get(code) ?? [];
  }

  /** Every unit below `root` at any depth, `root` left out: depth first, each unit's children in list order. */
  descendants(root: string): Unit[] {
    const out: Unit[] = [];
    const seen = new Set([root]);
    const stack = [...this.children(root)].reverse();
    while (stack.length > 0) {
      const u = stack.pop()!;
      if (seen.has(u.code)) continue;
      seen.add(u.code);
      out.push(u);
      const below = this.children(u.code);
      for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]);
    }
    return out;
  }

  /** The units below `root` that have none below them, in the order of `descendants`. */
  leaves(root: string): Unit[] {
    return this.descendants(root).filter((u) => this.children(u.code).length === 0);
  }

  /**
   * Each unit reached from a top of the list (no parent, or one not in the list), numbered depth
   * first: `first` when entered, `last` the highest number below it. `b` is under `a` exactly when
   * a.first < b.first ≤ a.last. Units in a cycle are reached from no top and get no number.
   */
  private numbering(): Map<string, { first: number; last: number }> {
    if (this.order) return this.order;
    const order = new Map<string, { first: number; last: number }>();
    let n = 0;
    for (const top of this.units.values()) {
      if (top.parent && this.units.has(top.parent)) continue;
      const stack = [{ code: top.code, next: 0, at: { first: n, last: n } }];
      order.set(top.code, stack[0].at);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        const below = this.children(frame.code);
        if (frame.next === below.length) {
          frame.at.last = n;
          stack.pop();
          continue;
        }
        const child = below[frame.next++];
        if (order.has(child.code)) continue;
        const at = { first: ++n, last: n };
        order.set(child.code, at);
        stack.push({ code: child.code, next: 0, at });
      }
      n++;
    }
    this.order = order;
    return order;
  }

  /**
   * The lowest unit every code is or sits under (whose report data from these units makes), or
   * null when they share none. Linear in the units climbed: each code climbs only until it meets
   * a code met before.
   */
  commonAncestor(codes: string[]): string | null {
    if (codes.length === 0) return null;
    const chain = this.lineage(codes[0]).reverse(); // top first
    let length = chain.length;
    // A code of the chain → its depth in it; a code climbed from below → the depth where it met the chain.
    const meets = new Map(chain.map((c, i) => [c, i]));
    for (const code of codes.slice(1)) {
      const path: string[] = [];
      const met = this.climb(code, (c) => {
        if (meets.has(c)) return true;
        path.push(c);
        return false;
      });
      if (met === null) return null;
      const depth = Math.min(meets.get(met)!, length - 1);
      for (const c of path) meets.set(c, depth);
      length = depth + 1;
    }
    return chain[length - 1];
  }
}
