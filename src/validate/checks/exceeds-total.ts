import type { Check } from './check';
import { partsOf } from '../../records/parts';

/**
 * A part larger than its whole, for each indicator (catalog/indicators.ts): families_learning >
 * families_total, members > population. The whole is the indicator's denominator, its fallback
 * when that is blank (citizens: the population).
 */
export const exceedsTotal: Check = {
  name: 'exceeds-total',
  meta: { description: 'a part larger than its whole', codes: ['exceeds-total'], kinds: ['tallies'] },
  create: (run) => ({
    row(ctx) {
      for (const ind of run.settings.indicators) {
        const p = partsOf(ind, (key) => ctx.get<number>(key));
        if (p && p.num > p.den) ctx.report('exceeds-total', ind.numerator, { label: ctx.label(ind.numerator), totalLabel: ctx.label(p.denKey), total: String(p.den) });
      }
    },
  }),
};
