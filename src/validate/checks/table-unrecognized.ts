import { TABLE_SHEET_NAMES } from '../../catalog/columns';
import type { Check } from './check';

/** A sheet or file whose first 20 rows hold no header of a known table: skipped, said as info. */
export const tableUnrecognized: Check = {
  name: 'table-unrecognized',
  meta: { description: 'a table whose header matches no kind', codes: ['table-unrecognized'] },
  create: (run) => ({
    unrecognized(t) {
      run.report('table-unrecognized', { file: t.file, sheet: t.sheet }, { kinds: Object.values(TABLE_SHEET_NAMES).join(', ') }, t.table);
    },
  }),
};
