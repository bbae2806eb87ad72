import { TABLE_SHEET_NAMES, type TableKind } from '../catalog/columns';
import type { RawRow, SourceTable } from '../read/types';
import { cellRef } from '../read/types';
import { checkActivity } from './check-activities';
import type { CheckState } from './check-state';
import { checkTally } from './check-tallies';
import { checkUnitRow } from './check-units';
import { HEADER_SEARCH_ROWS, mapColumns, matchHeader, type HeaderMatch, type LabelIndex } from './header';
import { RowContext } from './row-context';

/** A recognised table, as `validate --format json` lists it. */
export interface TableInfo {
  file: string;
  sheet: string | null;
  kind: TableKind;
  headerRow: number;
  rows: number;
  encoding: string | null;
}

const ROW_CHECKERS: Record<TableKind, (state: CheckState, ctx: RowContext) => void> = {
  activities: checkActivity,
  tallies: checkTally,
  units: checkUnitRow,
};

function isBlankRow(row: RawRow): boolean {
  return row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Reads one table to its end: finds its header, checks its columns, then every row. */
export async function checkTable(state: CheckState, index: LabelIndex, table: SourceTable, ordinal: number, onRow?: () => void): Promise<TableInfo | null> {
  const it = table.rows[Symbol.asyncIterator]();
  let header: HeaderMatch | 'candidate' | null = null;
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; seen++) {
    const next = await it.next();
    if (next.done) break;
    header = matchHeader(next.value, index);
    if (header) break;
  }
  if (header === null || header === 'candidate') {
    state.sink.add('table-unrecognized', { file: table.file, sheet: table.sheet }, { kinds: Object.values(TABLE_SHEET_NAMES).join(', ') }, ordinal);
    await drain(it);
    return null;
  }

  const mapping = mapColumns(header, index, state.settings.indicators);
  const place = (col: number | null, column: string | null, value: string | null) => ({
    file: table.file, sheet: table.sheet, row: header.row.row, column, value,
    cell: col === null || table.sheet === null ? null : cellRef(col, header.row.row),
  });
  for (const m of mapping.missing) state.sink.add('header-missing', place(null, m.key, null), { label: m.labels[0] }, ordinal);
  for (const d of mapping.duplicates) {
    state.sink.add('header-duplicate', place(d.col, d.column.key, d.label), { label: d.column.labels[0], other: header.labels[d.first] ?? '' }, ordinal);
  }
  for (const u of mapping.unknown) state.sink.add('header-unknown', place(u.col, null, u.label), {}, ordinal);

  const ctx = new RowContext(table.file, table.sheet, header.kind, mapping, ordinal, header.labels);
  const check = ROW_CHECKERS[header.kind];
  let rows = 0;
  for (let next = await it.next(); !next.done; next = await it.next()) {
    if (isBlankRow(next.value)) continue;
    ctx.raw = next.value;
    rows++;
    check(state, ctx);
    onRow?.();
  }
  return { file: table.file, sheet: table.sheet, kind: header.kind, headerRow: header.row.row, rows, encoding: table.encoding };
}

async function drain(it: AsyncIterator<RawRow>): Promise<void> {
  for (let next = await it.next(); !next.done; next = await it.next());
}
