import { formatDecimal } from '../../text/vi-number';
import type { TypedRate } from '../cells';
import type { Check } from './check';
import { partsOf } from '../../records/parts';

/**
 * A rate the unit typed (`Tỷ lệ gia đình học tập`) that is not its parts' quotient rounded to the
 * decimals it was typed with. The typed rate is only checked, never used.
 */
export const rateMismatch: Check = {
  name: 'rate-mismatch',
  meta: { description: 'a typed rate that disagrees with its parts', codes: ['rate-mismatch'], kinds: ['tallies'] },
  create: (run) => ({
    row(ctx) {
      for (const ind of run.settings.indicators) {
        const key = `${ind.key}_rate`;
        const typed = ctx.get<TypedRate>(key);
        const p = partsOf(ind, (key) => ctx.get<number>(key));
        if (!typed || !p || p.den <= 0 || p.num > p.den) continue;
        const computed = (p.num / p.den) * 100;
        if (Math.abs(typed.percent - computed) <= 0.5 * 10 ** -typed.decimals + 1e-9) continue;
        ctx.report('rate-mismatch', key, {
          label: ctx.label(key),
          computed: `${formatDecimal(computed, Math.max(2, typed.decimals))}%`,
          value: `${formatDecimal(typed.percent, typed.decimals)}%`,
        });
      }
    },
  }),
};
