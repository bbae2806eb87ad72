import type { Indicator } from '../catalog/indicators';
import { partsOf } from '../records/parts';
import type { Tally } from '../records/records';
import type { IndicatorResult } from './types';
import { roundHalfUp } from '../text/vi-number';

/** A unit's figures by column key, as `partsOf` reads them. */
const figureOf = (figures: Record<string, number | null>) => (key: string) => figures[key] ?? null;

/** A unit's rate as a fraction, or null when a part is blank or the whole is 0. */
export function rateOf(ind: Indicator, figures: Record<string, number | null>): number | null {
  const p = partsOf(ind, figureOf(figures));
  return p && p.den > 0 ? p.num / p.den : null;
}

/**
 * Σ numerators / Σ denominators over the units that reported both — never the mean of the units'
 * rates, which would weigh a hamlet like a city.
 */
export function aggregateIndicators(indicators: Indicator[], tallies: Tally[], year: number | null): IndicatorResult[] {
  return indicators.map((ind) => {
    let num = 0;
    let den = 0;
    let n = 0;
    for (const t of tallies) {
      const p = partsOf(ind, figureOf(t.figures));
      if (!p) continue;
      num += p.num;
      den += p.den;
      n++;
    }
    const rate = n > 0 && den > 0 ? num / den : null;
    const goal = year === null ? undefined : ind.targets?.find((g) => g.year === year);
    return {
      key: ind.key,
      label: ind.label,
      unit: ind.unit ?? '',
      numerator: n > 0 ? num : null,
      denominator: n > 0 ? den : null,
      rate,
      unitsReporting: n,
      baseline: null,
      change: null,
      target: goal && rate !== null ? { ...goal, met: rate + 1e-12 >= goal.rate } : null,
    };
  });
}

/**
 * Puts last year's figures beside this year's: absolute numbers, and rate points as the
 * difference of the two rates as shown (rounded to `decimals`), so the printed figures add up.
 */
export function withBaseline(current: IndicatorResult[], before: IndicatorResult[], baselineYear: number, decimals: number): IndicatorResult[] {
  const shown = (r: number) => roundHalfUp(r * 100, decimals);
  return current.map((c) => {
    const b = before.find((x) => x.key === c.key);
    if (!b || (b.numerator === null && b.rate === null)) return c;
    return {
      ...c,
      baseline: { year: baselineYear, numerator: b.numerator, denominator: b.denominator, rate: b.rate },
      change: {
        rate: c.rate !== null && b.rate !== null ? roundHalfUp(shown(c.rate) - shown(b.rate), decimals) / 100 : null,
        numerator: c.numerator !== null && b.numerator !== null ? c.numerator - b.numerator : null,
      },
    };
  });
}
