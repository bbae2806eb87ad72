/**
 * The report's workbook (report.md, "The workbook"): the document as cells, the key figures, the
 * figures by unit, the cleaned data in the input contract's shape (so the workbook is itself a
 * valid input), the issues, and where it all came from. Same input, same bytes.
 */
import { REPORT_SHEETS } from '../../catalog/workbook-sheets';
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

export interface RenderWorkbookOptions {
  /** Write the rows of very long tables as XML (bulk-rows.ts); false makes exceljs write every cell (tests compare the two). */
  bulk?: boolean;
}

/**
 * The report's workbook (its bytes), sheets in REPORT_SHEETS' order; `Kiểm tra` only with issues
 * or a rollup's status. Rates are fractions with a percent format of `input.decimals` decimals;
 * dates are date cells. The creation time and every zip entry's time come from `input.info`.
 * Same input, same bytes. Throws only on what cannot be (a block of no known kind, bulk rows
 * exceljs did not write as expected).
 */
export async function renderWorkbook(input: WorkbookInput, opts: RenderWorkbookOptions = {}): Promise<Buffer> {
  const date = fixedDate(input.info.generated, input.info.week.start);
  const wb = createWorkbook(date);
  const fmt = formats(input.decimals);
  const images = new ImageBook(wb, input.images);
  const guard = new HeaderGuard(input.indicators);
  const unitNames = new Map(input.aggregate.units.map((u) => [u.code, u.name]));

  writeReportSheet(wb.addWorksheet(REPORT_SHEETS.report), input.model, { images, guard, fmt });
  writeSummarySheet(wb.addWorksheet(REPORT_SHEETS.summary), {
    year: input.info.year, aggregate: input.aggregate, modes: input.modes, charts: input.charts, images, fmt,
  });
  writeUnitsSheet(wb.addWorksheet(REPORT_SHEETS.units), input.aggregate.units, input.indicators, fmt);
  const bulk = opts.bulk === false ? undefined : new BulkRows();
  const data = { activityTypes: input.activityTypes, modes: input.modes, indicators: input.indicators, unitNames, fmt, bulk };
  writeActivitiesSheet(wb.addWorksheet(REPORT_SHEETS.activities), input.activities, data);
  writeTalliesSheet(wb.addWorksheet(REPORT_SHEETS.tallies), input.tallies, data);
  if (input.issues.length > 0 || input.status) {
    writeChecksSheet(wb.addWorksheet(REPORT_SHEETS.checks), { issues: input.issues, status: input.status, indicators: input.indicators, guard, fmt });
  }
  writeInfoSheet(wb.addWorksheet(REPORT_SHEETS.info), input.info, fmt);
  return workbookBytes(wb, date, bulk);
}
