import type { Column } from '../../catalog/columns';
import { PARSERS } from '../cells';
import type { Check } from './check';

/**
 * Every cell of a row parsed by its column's type (catalog/columns.ts, inputs.md): a value the type
 * cannot hold is `cell-type`, one out of its range `cell-range`, a blank in a required column
 * `cell-required`. The parsed values are what the later checks and the record read (`ctx.get`).
 * A required column the header lacks rejects every row without an issue of its own: the table's
 * `header-missing` says it once.
 */
export const cells: Check = {
  name: 'cells',
  meta: {
    description: 'a cell whose value its column cannot hold, or a blank required cell',
    codes: ['cell-type', 'cell-range', 'cell-required'],
    kinds: ['activities', 'tallies', 'units'],
  },
  create: () => {
    let columns: Column[] = [];
    return {
      table(t) {
        columns = t.columns;
      },
      row(ctx) {
        for (const col of columns) {
          const parsed = PARSERS[col.type](ctx.cellValue(col.key));
          if (!parsed.ok) ctx.report(parsed.code, col.key, { label: ctx.label(col.key), expected: parsed.expected });
          else if (parsed.value !== null) ctx.set(col.key, parsed.value);
          else if (col.required) {
            if (ctx.has(col.key)) ctx.report('cell-required', col.key, { label: ctx.label(col.key) }, null);
            else ctx.reject();
          }
        }
      },
    };
  },
};
