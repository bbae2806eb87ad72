import type { Indicator } from '../catalog/indicators';
import type { Tally, Unit } from '../records/records';
import { UnitTree } from '../records/unit-tree';
import { countedTallies } from './aggregate';
import { aggregateIndicators } from './indicators';

/** Σ/Σ rates of one group of units: a unit directly under the report's unit, with everything under it. */
export interface GroupRates {
  code: string;
  name: string;
  /** Units whose tallies count in the group. */
  units: number;
  rates: Record<string, number | null>;
}

/**
 * The tallies gathered under the units directly below `root` (any depth), each group's rates as
 * Σ achieved / Σ total of its counted tallies — the same rule as the report's indicators. For a
 * report over thousands of units (the whole country), a chart of its provinces says what a chart
 * of 3,321 communes cannot. Groups in units-list order; tallies not under `root` are left out.
 */
export function ratesByChildOf(root: string, tallies: Tally[], units: Map<string, Unit>, indicators: Indicator[]): GroupRates[] {
  const tree = new UnitTree(units);
  const groups = new Map<string, Tally[]>();
  for (const t of countedTallies(tallies, units)) {
    const g = tree.childUnder(root, t.unit);
    if (g === null) continue;
    const list = groups.get(g);
    if (list) list.push(t);
    else groups.set(g, [t]);
  }
  const position = new Map([...units.keys()].map((c, i) => [c, i]));
  return [...groups.entries()]
    .sort(([a], [b]) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
    .map(([code, list]) => ({
      code,
      name: units.get(code)?.name ?? code,
      units: list.length,
      rates: Object.fromEntries(aggregateIndicators(indicators, list, null).map((r) => [r.key, r.rate])),
    }));
}
