import { TALLY_FIGURES } from '../catalog/columns';
import { formatDecimal } from '../text/vi-number';
import { parseCode, parseRate, parseText, parseWhole } from './cells';
import { required, take } from './check-activities';
import type { CheckState } from './check-state';
import type { Tally } from '../records/records';
import type { RowContext } from './row-context';

/** One unit's learning-society figures: parts within their wholes, typed rates true to their parts. */
export function checkTally(state: CheckState, ctx: RowContext): void {
  const flag = { bad: false };
  const unit = required(state, ctx, 'unit_code', parseCode(ctx.value('unit_code')), flag);
  const unitName = take(state, ctx, 'unit_name', parseText(ctx.value('unit_name')), flag);
  const figures: Record<string, number | null> = {};
  for (const col of TALLY_FIGURES) figures[col.key] = take(state, ctx, col.key, parseWhole(ctx.value(col.key), 0, 'count'), flag);
  const typedRates: Record<string, number | null> = {};

  for (const ind of state.settings.indicators) {
    const num = figures[ind.numerator] ?? null;
    const denKey = figures[ind.denominator] != null ? ind.denominator : (ind.fallbackDenominator ?? ind.denominator);
    const den = figures[denKey] ?? null;
    if (num !== null && den !== null && num > den) {
      flag.bad = true;
      state.sink.add('exceeds-total', ctx.place(ind.numerator), { label: ctx.label(ind.numerator), totalLabel: ctx.label(denKey), total: String(den) }, ctx.table);
    }
    const rateKey = `${ind.key}_rate`;
    const typed = take(state, ctx, rateKey, parseRate(ctx.value(rateKey)), flag);
    typedRates[rateKey] = typed?.percent ?? null;
    if (typed && num !== null && den !== null && den > 0 && num <= den) {
      const computed = (num / den) * 100;
      // A rate is right when it is the computed one rounded to the decimals it was typed with.
      if (Math.abs(typed.percent - computed) > 0.5 * 10 ** -typed.decimals + 1e-9) {
        state.sink.add('rate-mismatch', ctx.place(rateKey), { label: ctx.label(rateKey), computed: `${formatDecimal(computed, Math.max(2, typed.decimals))}%`,
          value: `${formatDecimal(typed.percent, typed.decimals)}%` }, ctx.table);
      }
    }
  }

  if (unit === null) return;
  const first = state.tallySeen.get(unit);
  if (first !== undefined) {
    flag.bad = true;
    state.sink.add('unit-duplicate', ctx.place('unit_code', unit), { other: first }, ctx.table);
  } else state.tallySeen.set(unit, `${ctx.where()}`);
  if (!state.units.reference(state.sink, { place: ctx.place('unit_code', unit), name: unitName, nameCell: ctx.cell('unit_name'), table: ctx.table })) flag.bad = true;
  if (flag.bad) return;
  const tally: Tally = { unit, unitName, figures, typedRates, source: { file: ctx.file, sheet: ctx.sheet, row: ctx.row } };
  state.records.tally(tally);
}
