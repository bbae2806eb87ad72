import type { ActivityType } from '../catalog/activity-types';
import type { Indicator } from '../catalog/indicators';
import type { Mode } from '../catalog/modes';
import type { Activity, Tally, Unit } from '../records/records';
import { UnitTree } from '../records/unit-tree';
import { addTo, summariseActivities, zero } from './activities';
import { aggregateIndicators, rateOf } from './indicators';
import type { Aggregate, UnitSummary } from './types';

export interface AggregateInput {
  activities: Activity[];
  tallies: Tally[];
  units: Map<string, Unit>;
  activityTypes: ActivityType[];
  modes: Mode[];
  indicators: Indicator[];
  year: number | null;
}

/**
 * A unit's figures count once: when a unit and one of its ancestors (by the units list) both
 * sent tallies, the ancestor's row is the total and the unit's is left out of the sums.
 */
export function countedTallies(tallies: Tally[], units: Map<string, Unit>): Tally[] {
  const reporting = new Set(tallies.map((t) => t.unit));
  const tree = new UnitTree(units);
  return tallies.filter((t) => !tree.ancestors(t.unit).some((a) => reporting.has(a)));
}

export function aggregate(input: AggregateInput): Aggregate {
  const { activities, tallies, units, indicators } = input;
  const byUnit = new Map<string, UnitSummary>();
  const summary = (code: string, name: string | null): UnitSummary => {
    let s = byUnit.get(code);
    if (!s) {
      const u = units.get(code);
      s = {
        code,
        name: u?.name ?? name ?? code,
        kind: u?.kind ?? null,
        parent: u?.parent ?? null,
        activities: zero(),
        figures: {},
        rates: {},
        hasTally: false,
      };
      byUnit.set(code, s);
    }
    return s;
  };
  for (const a of activities) addTo(summary(a.unit, a.unitName).activities, a);
  for (const t of tallies) {
    const s = summary(t.unit, t.unitName);
    s.figures = t.figures;
    s.hasTally = true;
    for (const ind of indicators) s.rates[ind.key] = rateOf(ind, t.figures);
  }
  const position = new Map([...units.keys()].map((c, i) => [c, i]));
  const rank = (c: string) => position.get(c) ?? position.size;
  return {
    activities: summariseActivities(activities, input.activityTypes, input.modes),
    indicators: aggregateIndicators(indicators, countedTallies(tallies, units), input.year),
    units: [...byUnit.values()].sort((a, b) => rank(a.code) - rank(b.code) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
}
