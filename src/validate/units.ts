import type { Place } from './issue';
import type { IssueSink } from './issue-sink';
import type { Unit } from '../records/records';
import { editDistance, matchKey } from '../text/normalize';

/** Unit references waiting for a units list found later among the inputs; bounded so huge inputs stay flat in memory. */
const MAX_PENDING = 100_000;

interface Ref {
  place: Place;
  name: string | null;
  nameCell: string | null;
  table: number;
}

/**
 * The units list and the checks against it. A list from the config is known before any row;
 * one found among the inputs is only known once read, so references seen before it wait here.
 */
export class UnitRegistry {
  readonly units = new Map<string, Unit>();
  private readonly fromConfig: boolean;
  private readonly pending: Ref[] = [];
  private readonly nameKeys = new WeakMap<Unit, string>();
  private readonly typedKeys = new Map<string, string>();

  constructor(configUnits: Unit[] | null) {
    this.fromConfig = configUnits !== null;
    for (const u of configUnits ?? []) this.units.set(u.code, u);
  }

  add(u: Unit): void {
    if (!this.units.has(u.code)) this.units.set(u.code, u);
  }

  get hasList(): boolean {
    return this.units.size > 0;
  }

  /**
   * True when a reference would raise nothing: the list is the config's, knows the code, and the
   * name is blank or the unit's. Lets a row skip building its reference (the common case).
   */
  clean(code: string, name: string | null): boolean {
    if (!this.fromConfig) return false;
    const unit = this.units.get(code);
    return unit !== undefined && (!name || name === unit.name || this.typedKey(name) === this.nameKey(unit));
  }

  /** Check a row's unit code and name now when the list is known, else later. */
  reference(sink: IssueSink, ref: Ref): boolean {
    if (this.fromConfig) return this.check(sink, ref);
    if (this.pending.length < MAX_PENDING) this.pending.push(ref);
    return true;
  }

  /** After all inputs: check waiting references against a list found among them. */
  finish(sink: IssueSink): void {
    if (this.hasList) for (const ref of this.pending) this.check(sink, ref);
    this.pending.length = 0;
  }

  private check(sink: IssueSink, ref: Ref): boolean {
    const code = String(ref.place.value);
    const unit = this.units.get(code);
    if (!unit) {
      sink.add('unit-unknown', ref.place, { suggestion: this.nearest(code) }, ref.table);
      return false;
    }
    if (ref.name && ref.name !== unit.name && this.typedKey(ref.name) !== this.nameKey(unit)) {
      sink.add(
        'unit-name-mismatch',
        { ...ref.place, column: 'unit_name', cell: ref.nameCell, value: ref.name },
        { expected: unit.name },
        ref.table,
      );
    }
    return true;
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

  private nearest(code: string): string | undefined {
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
}

/** Every unit under `root` (any depth), the root included: who must report to it. */
export function unitsUnder(units: Map<string, Unit>, root: string): Unit[] {
  const children = new Map<string, Unit[]>();
  for (const u of units.values()) {
    if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u]);
  }
  const out: Unit[] = [];
  const seen = new Set<string>();
  const walk = (code: string) => {
    for (const c of children.get(code) ?? []) {
      if (seen.has(c.code)) continue; // a cycle in a hand-made list must not hang the run
      seen.add(c.code);
      out.push(c);
      walk(c.code);
    }
  };
  walk(root);
  return out;
}
