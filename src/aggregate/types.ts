/** What aggregation makes of the records: the figures every renderer and template draws on. */

export interface Tally3 {
  count: number;
  sessions: number;
  participants: number;
}

export interface TypeSummary {
  type: string;
  label: string;
  noun: string;
  total: Tally3;
  byMode: Record<string, Tally3>;
}

export interface ActivitySummary {
  total: Tally3;
  /** Types that occurred, in catalogue order. */
  byType: TypeSummary[];
  byMode: Record<string, Tally3>;
  /** First and last activity date (ISO), null when no activity. */
  first: string | null;
  last: string | null;
}

export interface TargetResult {
  year: number;
  rate: number;
  source: string;
  met: boolean;
}

export interface IndicatorResult {
  key: string;
  label: string;
  /** What the numerator counts (hộ, người …), or '' */
  unit: string;
  /** Σ numerator and Σ denominator over the units that reported both; null when none did. */
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator as a fraction, unrounded; null when not computable (never 0 for "not reported"). */
  rate: number | null;
  unitsReporting: number;
  baseline: { year: number; numerator: number | null; denominator: number | null; rate: number | null } | null;
  /** Change against the baseline: rate in fraction points, numerator in people/households. */
  change: { rate: number | null; numerator: number | null } | null;
  target: TargetResult | null;
}

export interface UnitSummary {
  code: string;
  name: string;
  kind: string | null;
  parent: string | null;
  activities: Tally3;
  figures: Record<string, number | null>;
  /** Rates by indicator key (fractions); null when the unit did not report both parts. */
  rates: Record<string, number | null>;
  hasTally: boolean;
}

export interface Aggregate {
  activities: ActivitySummary;
  indicators: IndicatorResult[];
  /** Units with activities or tallies, in units-list order, then by code. */
  units: UnitSummary[];
}
