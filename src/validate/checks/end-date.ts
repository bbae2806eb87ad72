import type { IsoDate } from '../../text/vi-date';
import type { Check } from './check';

/** An activity that ends before it starts: `cell-range` on its end date. */
export const endDate: Check = {
  name: 'end-date',
  meta: { description: 'an end date before the start date', codes: ['cell-range'], kinds: ['activities'] },
  create: () => ({
    row(ctx) {
      const start = ctx.get<IsoDate>('date');
      const end = ctx.get<IsoDate>('end_date');
      if (start !== null && end !== null && end < start) ctx.report('cell-range', 'end_date', { label: ctx.label('end_date'), expected: 'endAfterStart' });
    },
  }),
};
