import type { Indicator } from '../catalog/indicators';

/**
 * A unit's parts of an indicator (inputs.md): its numerator and its whole, the denominator, else
 * the fallback when the denominator is blank (citizens: the population); null when either is
 * blank ("not reported", never 0). `figure` gives a figure by column key. The checker compares the
 * parts of each row, aggregation adds them up: one rule for both.
 */
export function partsOf(ind: Indicator, figure: (key: string) => number | null): { num: number; den: number; denKey: string } | null {
  const num = figure(ind.numerator);
  const denKey = figure(ind.denominator) !== null ? ind.denominator : (ind.fallbackDenominator ?? ind.denominator);
  const den = figure(denKey);
  return num === null || den === null ? null : { num, den, denKey };
}
