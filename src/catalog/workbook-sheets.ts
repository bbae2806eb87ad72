/**
 * The names the workbooks we write are read back by: the sheets of the report's workbook
 * (report.md, "The workbook") and of the blank form, and the row labels of `Thông tin`. The
 * writers (render/xlsx) and the readers (the rollup's submission time, the tests) share them.
 */
import { TABLE_SHEET_NAMES } from './columns';

/** The report workbook's sheets, in their order; `Kiểm tra` only when there is something to show. */
export const REPORT_SHEETS = {
  report: 'Báo cáo',
  summary: 'Tổng hợp',
  units: 'Theo đơn vị',
  activities: TABLE_SHEET_NAMES.activities,
  tallies: TABLE_SHEET_NAMES.tallies,
  checks: 'Kiểm tra',
  info: 'Thông tin',
} as const;

/** The blank form's sheets: the two data sheets, the instructions, and the dropdowns' hidden lists. */
export const FORM_SHEETS = {
  activities: TABLE_SHEET_NAMES.activities,
  tallies: TABLE_SHEET_NAMES.tallies,
  help: 'Hướng dẫn',
  lists: 'Danh mục',
} as const;

/**
 * The labels in column A of `Thông tin`, one row each. `generated` is how a rollup tells when a
 * lower office's workbook was made (pipeline/submission-time.ts).
 */
export const INFO_LABELS = {
  year: 'Năm',
  week: 'Tuần lễ',
  theme: 'Chủ đề',
  agency: 'Cơ quan',
  unit: 'Mã đơn vị',
  version: 'Phiên bản lllweek',
  generated: 'Thời điểm lập',
} as const;

/** The headers of `Thông tin`'s table of input files. */
export const INFO_FILE_HEADERS = { file: 'Tệp đầu vào', sha256: 'SHA-256' } as const;
