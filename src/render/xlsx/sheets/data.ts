/**
 * The cleaned data in the input contract's shape (`Hoạt động`, `Xã hội học tập`), header on the
 * first row with the contract's first labels, so that the workbook is itself a valid input for a
 * higher office's report or next year's baseline. Values are written as the checker reads them
 * back: catalogue labels (not keys), real date cells, numbers as numbers, rates as fractions.
 */
import type { Worksheet } from 'exceljs';
import { rateOf } from '../../../aggregate/indicators';
import type { ActivityType } from '../../../catalog/activity-types';
import { ACTIVITY_COLUMNS, tallyColumns, type Column } from '../../../catalog/columns';
import type { Indicator } from '../../../catalog/indicators';
import type { Mode } from '../../../catalog/modes';
import type { Activity, Tally } from '../../../records/records';
import type { BulkRows } from '../bulk-rows';
import { fitColumns, freezeAndFilter, writeTable, type CellInput, type ColumnKind, type ColumnSpec, type Formats } from '../style';

/** How a contract column is written: the checker's column type decides. */
function kindOf(col: Column): ColumnKind {
  switch (col.type) {
    case 'date':
      return 'date';
    case 'count':
    case 'sessions':
      return 'int';
    case 'rate':
      return 'rate';
    default:
      return 'text';
  }
}

/** A contract column as the form and the workbook write it: its first label, its kind of value. */
export const contractSpec = (col: Column): ColumnSpec => ({ header: col.labels[0], kind: kindOf(col) });

/** Photo paths are relative to the unit's own file and would not resolve from the workbook. */
const ACTIVITY_OUTPUT_COLUMNS = ACTIVITY_COLUMNS.filter((c) => c.key !== 'photos');

/** Header on row 1 (the reader needs no title), frozen and filtered, columns fitted. */
function writeContractTable(ws: Worksheet, columns: Column[], rows: CellInput[][], fmt: Formats, bulk?: BulkRows): void {
  const table = writeTable(ws, { row: 1 }, columns.map(contractSpec), rows, fmt, bulk);
  freezeAndFilter(ws, table);
  fitColumns(ws, { headerRows: [table.headerRow], fmt, extraWidths: bulk?.widthsOf(ws) });
}

export interface DataSheetInput {
  activityTypes: ActivityType[];
  modes: Mode[];
  indicators: Indicator[];
  /** Unit names by code (from the aggregate), for rows whose file left the name blank. */
  unitNames: Map<string, string>;
  fmt: Formats;
  /** Where rows of very long tables go to be written as XML (bulk-rows.ts). */
  bulk?: BulkRows;
}

function labelOf(list: readonly { key: string; label: string }[], key: string): string {
  return list.find((x) => x.key === key)?.label ?? key;
}

function activityValue(a: Activity, key: string, input: DataSheetInput): CellInput {
  switch (key) {
    case 'unit_code':
      return a.unit;
    case 'unit_name':
      return a.unitName ?? input.unitNames.get(a.unit) ?? null;
    case 'date':
      return a.date;
    case 'end_date':
      return a.endDate;
    case 'type':
      return labelOf(input.activityTypes, a.type);
    case 'title':
      return a.title;
    case 'mode':
      return labelOf(input.modes, a.mode);
    case 'sessions':
      return a.sessions;
    case 'participants':
      return a.participants;
    case 'caption':
      return a.caption;
    case 'notes':
      return a.notes;
    default:
      return null;
  }
}

export function writeActivitiesSheet(ws: Worksheet, activities: Activity[], input: DataSheetInput): void {
  const rows = activities.map((a) => ACTIVITY_OUTPUT_COLUMNS.map((c) => activityValue(a, c.key, input)));
  writeContractTable(ws, ACTIVITY_OUTPUT_COLUMNS, rows, input.fmt, input.bulk);
}

/**
 * Tallies with the rates recomputed from their parts (blank when a part is blank or the whole is
 * 0), written unrounded so they re-validate without `rate-mismatch`.
 */
export function writeTalliesSheet(ws: Worksheet, tallies: Tally[], input: DataSheetInput): void {
  const columns = tallyColumns(input.indicators);
  const rateByKey = new Map(input.indicators.map((i) => [`${i.key}_rate`, i]));
  const rows = tallies.map((t) =>
    columns.map((c): CellInput => {
      if (c.key === 'unit_code') return t.unit;
      if (c.key === 'unit_name') return t.unitName ?? input.unitNames.get(t.unit) ?? null;
      const ind = rateByKey.get(c.key);
      if (ind) return rateOf(ind, t.figures);
      return t.figures[c.key] ?? null;
    }),
  );
  writeContractTable(ws, columns, rows, input.fmt, input.bulk);
}
