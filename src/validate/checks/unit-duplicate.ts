import type { Check } from './check';

/** A unit with two tallies rows in the run (in one table or two): the second is an error, its figures kept out. */
export const unitDuplicate: Check = {
  name: 'unit-duplicate',
  meta: { description: 'two tallies rows for one unit', codes: ['unit-duplicate'], kinds: ['tallies'] },
  create: () => {
    /** Unit code → where its first row is. */
    const first = new Map<string, string>();
    return {
      row(ctx) {
        const unit = ctx.get<string>('unit_code');
        if (unit === null) return;
        const other = first.get(unit);
        if (other !== undefined) ctx.report('unit-duplicate', 'unit_code', { other }, unit);
        else first.set(unit, ctx.where());
      },
    };
  },
};
