import { rowHash, RowHashIndex } from '../row-hash';
import type { Check } from './check';

/** An activities row identical, cell for cell in its mapped columns, to an earlier row of the same table: probably typed twice. */
export const rowDuplicate: Check = {
  name: 'row-duplicate',
  meta: { description: 'an activity row identical to an earlier one', codes: ['row-duplicate'], kinds: ['activities'] },
  create: () => {
    let seen = new RowHashIndex();
    return {
      table() {
        seen = new RowHashIndex();
      },
      row(ctx) {
        const first = seen.firstOrAdd(rowHash(ctx.raw.cells, ctx.mapping.byIndex), ctx.row);
        if (first >= 0) ctx.report('row-duplicate', null, { firstRow: first });
      },
    };
  },
};
