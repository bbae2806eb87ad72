import { columnsOf, type TableKind } from '../catalog/columns';
import type { RawRow, SourceTable } from '../read/types';
import { cellRef } from '../read/types';
import type { RecordSink } from '../records/records';
import type { Check, CheckListeners, CheckSettings, TableContext } from './checks/check';
import { HEADER_SEARCH_ROWS, mapColumns, matchHeader, type HeaderMatch, type LabelIndex } from './header';
import type { IssueSink } from './issue-sink';
import { RECORD_OF } from './make-records';
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

/** What every table of a run is checked with. */
export interface TableRun {
  settings: CheckSettings;
  index: LabelIndex;
  sink: IssueSink;
  /** The checks of the run, in order, with what each listens to. */
  checks: { check: Check; on: CheckListeners }[];
  /** Where a clean row's record goes, by the kind of its table. */
  records: RecordSink;
}

function isBlankRow(row: RawRow): boolean {
  return row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/**
 * Reads one table to its end: finds its header (inputs.md: the first of the first 20 rows that
 * matches two known labels), tells the checks about it, then runs the row checks of its kind on
 * every data row and hands each clean row's record on. A table with no header is skipped.
 */
export async function checkTable(run: TableRun, table: SourceTable, ordinal: number, onRow?: () => void): Promise<TableInfo | null> {
  const it = table.rows[Symbol.asyncIterator]();
  let header: HeaderMatch | 'candidate' | null = null;
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; seen++) {
    const next = await it.next();
    if (next.done) break;
    header = matchHeader(next.value, run.index);
    if (header) break;
  }
  if (header === null || header === 'candidate') {
    for (const c of run.checks) c.on.unrecognized?.({ file: table.file, sheet: table.sheet, table: ordinal });
    await drain(it);
    return null;
  }

  const found = header;
  const context: TableContext = {
    file: table.file,
    sheet: table.sheet,
    kind: found.kind,
    table: ordinal,
    header: found,
    mapping: mapColumns(found, run.index, run.settings.indicators),
    columns: columnsOf(found.kind, run.settings.indicators),
    place: (col, column, value) => ({
      file: table.file, sheet: table.sheet, row: found.row.row, column, value,
      cell: col === null || table.sheet === null ? null : cellRef(col, found.row.row),
    }),
  };
  for (const c of run.checks) c.on.table?.(context);

  const ctx = new RowContext(run.sink, table.file, table.sheet, found.kind, context.mapping, ordinal, found.labels);
  const rowChecks = run.checks.filter((c) => c.on.row && c.check.meta.kinds?.includes(found.kind));
  const record = RECORD_OF[found.kind];
  let rows = 0;
  for (let next = await it.next(); !next.done; next = await it.next()) {
    if (isBlankRow(next.value)) continue;
    ctx.next(next.value);
    rows++;
    for (const c of rowChecks) {
      ctx.codes = c.check.meta.codes;
      ctx.checkName = c.check.name;
      c.on.row!(ctx);
    }
    if (!ctx.rejected) record(ctx, run.records, run.settings);
    onRow?.();
  }
  return { file: table.file, sheet: table.sheet, kind: found.kind, headerRow: found.row.row, rows, encoding: table.encoding };
}

async function drain(it: AsyncIterator<RawRow>): Promise<void> {
  for (let next = await it.next(); !next.done; next = await it.next());
}
