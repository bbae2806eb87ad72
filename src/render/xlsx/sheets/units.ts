/**
 * The `Theo đơn vị` sheet: one row per unit with its activities, every tally figure and every
 * indicator's rate. It carries the same units as `Xã hội học tập`, so if the reader took it for a
 * tallies table the workbook would fail its own check (`unit-duplicate`). Its labels therefore
 * say the same things in words the input contract does not use: "Gia đình học tập (hộ)".
 */
import type { Worksheet } from 'exceljs';
import type { UnitSummary } from '../../../aggregate/types';
import { rateColumns, TALLY_FIGURES } from '../../../catalog/columns';
import type { Indicator } from '../../../catalog/indicators';
import { fitColumns, freezeAndFilter, titleRow, writeTable, type CellInput, type ColumnSpec, type Formats } from '../style';

/** What each tally figure counts, appended to its label. */
const MEASURE: Record<string, string> = {
  population: 'người',
  members: 'người',
  branches: 'chi hội',
  families_total: 'hộ',
  families_learning: 'hộ',
  clans_total: 'dòng họ',
  clans_learning: 'dòng họ',
  communities_total: 'thôn, tổ',
  communities_learning: 'thôn, tổ',
  organizations_total: 'đơn vị',
  organizations_learning: 'đơn vị',
  citizens_total: 'người',
  citizens_learning: 'người',
};

function unitColumns(indicators: Indicator[]): ColumnSpec[] {
  return [
    { header: 'Đơn vị (mã)', kind: 'text' },
    { header: 'Đơn vị (tên)', kind: 'text' },
    { header: 'Đơn vị (loại)', kind: 'text' },
    { header: 'Đơn vị cấp trên (mã)', kind: 'text' },
    { header: 'Số hoạt động', kind: 'int' },
    { header: 'Tổng số buổi', kind: 'int' },
    { header: 'Tổng lượt người tham gia', kind: 'int' },
    ...TALLY_FIGURES.map((c): ColumnSpec => ({ header: `${c.labels[0]} (${MEASURE[c.key] ?? 'số lượng'})`, kind: 'int' })),
    // "(%)" would vanish when the reader normalises labels, leaving the input's own rate label.
    ...rateColumns(indicators).map((c): ColumnSpec => ({ header: `${c.labels[0]} (phần trăm)`, kind: 'rate' })),
  ];
}

function unitRow(u: UnitSummary, indicators: Indicator[]): CellInput[] {
  return [
    u.code,
    u.name,
    u.kind,
    u.parent,
    u.activities.count,
    u.activities.sessions,
    u.activities.participants,
    ...TALLY_FIGURES.map((c) => u.figures[c.key] ?? null),
    ...indicators.map((i) => u.rates[i.key] ?? null),
  ];
}

export function writeUnitsSheet(ws: Worksheet, units: UnitSummary[], indicators: Indicator[], fmt: Formats): void {
  const columns = unitColumns(indicators);
  titleRow(ws, 1, 'SỐ LIỆU THEO ĐƠN VỊ', columns.length);
  const table = writeTable(ws, { row: 2 }, columns, units.map((u) => unitRow(u, indicators)), fmt);
  freezeAndFilter(ws, table, 2);
  fitColumns(ws, { headerRows: [table.headerRow], headerCap: 16, fmt });
}
