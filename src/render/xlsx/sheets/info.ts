/**
 * The `Thông tin` sheet: what the workbook is about and where it came from — year, week, theme,
 * agency, the lllweek version, when it was made, and each input file with its SHA-256, so that a
 * higher office can tell which submissions a report was made from.
 */
import type { Worksheet } from 'exceljs';
import { INFO_FILE_HEADERS, INFO_LABELS } from '../../../catalog/workbook-sheets';
import { formatViDate } from '../../../text/vi-date';
import type { WorkbookInput } from '../../workbook-input';
import { BOLD, fitColumns, setValue, text, writeTable, type CellInput, type ColumnKind, type Formats } from '../style';

const FILE_COLUMNS = [
  { header: INFO_FILE_HEADERS.file, kind: 'text' as const },
  { header: INFO_FILE_HEADERS.sha256, kind: 'text' as const },
];

export function writeInfoSheet(ws: Worksheet, info: WorkbookInput['info'], fmt: Formats): void {
  const pairs: [string, CellInput, ColumnKind][] = [
    [INFO_LABELS.year, info.year, 'int'],
    [INFO_LABELS.week, `${formatViDate(info.week.start)} – ${formatViDate(info.week.end)}`, 'text'],
    [INFO_LABELS.theme, info.theme, 'text'],
    [INFO_LABELS.agency, info.agency, 'text'],
    [INFO_LABELS.unit, info.unit, 'text'],
    [INFO_LABELS.version, info.version, 'text'],
    // A report date becomes a date cell; a full timestamp stays as written (no time zone to guess).
    [INFO_LABELS.generated, info.generated, 'date'],
  ];
  pairs.forEach(([key, value, kind], i) => {
    const k = ws.getCell(i + 1, 1);
    k.value = text(key);
    k.font = BOLD;
    const v = ws.getCell(i + 1, 2);
    setValue(v, kind, value, fmt);
    v.alignment = { horizontal: 'left', wrapText: true };
  });
  // A year is a number, but not one to group: 2025, not 2.025.
  ws.getCell(1, 2).numFmt = '0';

  const files = writeTable(ws, { row: pairs.length + 2 }, FILE_COLUMNS, info.inputs.map((f) => [f.file, f.sha256]), fmt);
  fitColumns(ws, { headerRows: [files.headerRow], fmt, max: 80 });
}
