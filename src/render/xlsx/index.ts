/**
 * The report's workbook (report.md, "The workbook"): the document as cells, the key figures, the
 * figures by unit, the cleaned data in the input contract's shape (so the workbook is itself a
 * valid input), the issues, and where it all came from. Same input, same bytes.
 */
import { TABLE_SHEET_NAMES } from '../../catalog/columns';
import type { WorkbookInput } from '../workbook-input';
import { BulkRows } from './bulk-rows';
import { HeaderGuard } from './header-guard';
import { ImageBook } from './images';
import { writeChecksSheet } from './sheets/checks';
import { writeActivitiesSheet, writeTalliesSheet } from './sheets/data';
import { writeInfoSheet } from './sheets/info';
import { writeReportSheet } from './sheets/report-sheet';
import { writeSummarySheet } from './sheets/summary';
import { writeUnitsSheet } from './sheets/units';
import { formats } from './style';
import { createWorkbook, fixedDate, workbookBytes } from './workbook';

export const SHEET_NAMES = {
  report: 'Báo cáo',
  summary: 'Tổng hợp',
  units: 'Theo đơn vị',
  activities: TABLE_SHEET_NAMES.activities,
  tallies: TABLE_SHEET_NAMES.tallies,
  checks: 'Kiểm tra',
  info: 'Thông tin',
} as const;

export interface RenderWorkbookOptions {
  /** Write the rows of very long tables as XML (bulk-rows.ts); false makes exceljs write every cell (tests compare the two). */
  bulk?: boolean;
}

export async function renderWorkbook(input: WorkbookInput, opts: RenderWorkbookOptions = {}): Promise<Buffer> {
  const date = fixedDate(input.info.generated, input.info.week.start);
  const wb = createWorkbook(date);
  const fmt = formats(input.decimals);
  const images = new ImageBook(wb, input.images);
  const guard = new HeaderGuard(input.indicators);
  const unitNames = new Map(input.aggregate.units.map((u) => [u.code, u.name]));

  writeReportSheet(wb.addWorksheet(SHEET_NAMES.report), input.model, { images, guard, fmt });
  writeSummarySheet(wb.addWorksheet(SHEET_NAMES.summary), {
    year: input.info.year, aggregate: input.aggregate, modes: input.modes, charts: input.charts, images, fmt,
  });
  writeUnitsSheet(wb.addWorksheet(SHEET_NAMES.units), input.aggregate.units, input.indicators, fmt);
  const bulk = opts.bulk === false ? undefined : new BulkRows();
  const data = { activityTypes: input.activityTypes, modes: input.modes, indicators: input.indicators, unitNames, fmt, bulk };
  writeActivitiesSheet(wb.addWorksheet(SHEET_NAMES.activities), input.activities, data);
  writeTalliesSheet(wb.addWorksheet(SHEET_NAMES.tallies), input.tallies, data);
  if (input.issues.length > 0 || input.status) {
    writeChecksSheet(wb.addWorksheet(SHEET_NAMES.checks), { issues: input.issues, status: input.status, indicators: input.indicators, guard, fmt });
  }
  writeInfoSheet(wb.addWorksheet(SHEET_NAMES.info), input.info, fmt);
  return workbookBytes(wb, date, bulk);
}
