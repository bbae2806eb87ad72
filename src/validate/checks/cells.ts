import type { Column } from '../../catalog/columns';
import type { CellValue } from '../../read/types';
import { PARSERS, type Parsed } from '../cells';
import type { Check } from './check';

/**
 * Every cell of a row parsed by its column's type (catalog/columns.ts, inputs.md): a value the type
 * cannot hold is `cell-type`, one out of its range `cell-range`, a blank in a required column
 * `cell-required`. The parsed values (null for a blank or bad cell, every column, every row) are
 * what the later checks and the record read (`ctx.get`).
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
    /** The table's columns, each with its index in the row (undefined: not in the table) and its parser: made once per table. */
    let plan: { col: Column; at: number | undefined; parse: (v: CellValue) => Parsed<unknown> }[] = [];
    return {
      table(t) {
        plan = t.columns.map((col) => ({ col, at: t.mapping.index.get(col.key), parse: PARSERS[col.type] }));
      },
      row(ctx) {
        const cells = ctx.raw.cells;
        for (const { col, at, parse } of plan) {
          const parsed = parse(at === undefined ? null : (cells[at] ?? null));
          ctx.set(col.key, parsed.ok ? parsed.value : null);
          if (!parsed.ok) ctx.report(parsed.code, col.key, { label: ctx.label(col.key), expected: parsed.expected });
          else if (parsed.value === null && col.required) {
            if (at !== undefined) ctx.report('cell-required', col.key, { label: ctx.label(col.key) }, null);
            else ctx.reject();
          }
        }
      },
    };
  },
};
