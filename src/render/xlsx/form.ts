/**
 * The blank input workbook an office sends to its units (`lllweek form`): the two data sheets
 * with the contract's headers on row 4 under a title, dropdowns and number/date validation on
 * the empty rows, an instructions sheet, and a hidden sheet holding the dropdowns' lists (an
 * inline list longer than 255 characters breaks Excel). Same options, same bytes.
 */
import type { DataValidation, Worksheet } from 'exceljs';
import type { ActivityType } from '../../catalog/activity-types';
import { ACTIVITY_COLUMNS, TALLY_FIGURES, tallyColumns, type Column } from '../../catalog/columns';
import type { Indicator } from '../../catalog/indicators';
import type { Mode } from '../../catalog/modes';
import { FORM_SHEETS } from '../../catalog/workbook-sheets';
import type { Unit } from '../../records/records';
import { BOLD, DATE_FORMAT, fitHeaderHeights, formats, HEADER_FONT, LINE_HEIGHT, text, THIN_BORDER, titleRow, wrappedLines, writeTable } from './style';
import { addValidation } from './exceljs-adapter';
import { contractSpec } from './sheets/data';
import { createWorkbook, workbookBytes } from './workbook';

export interface FormOptions {
  year: number;
  /** The units that report: their codes become a dropdown. Null: codes are typed. */
  units: Unit[] | null;
  activityTypes: ActivityType[];
  modes: Mode[];
  indicators: Indicator[];
  /** Fixed time for the workbook's properties and zip entries (never the clock). */
  mtime: Date;
}

/** Rows 1–3 are the title, the unit line and a blank row; the contract's header is row 4. */
const FORM_HEADER_ROW = 4;
/** Empty rows prepared (validation, borders) under the header. */
const FORM_DATA_ROWS = 200;

/** Width (characters) of a column whose catalogue entry gives none. */
const DEFAULT_WIDTH = 14;

// ---------------------------------------------------------------------------------------------
// The hidden lists sheet. Its headers are not contract labels, so the reader skips it.

interface Lists {
  types: string;
  modes: string;
  units: string | null;
}

function writeLists(ws: Worksheet, opts: FormOptions): Lists {
  const columns: [string, string[]][] = [
    ['Danh sách loại hoạt động', opts.activityTypes.map((t) => t.label)],
    ['Danh sách hình thức', opts.modes.map((m) => m.label)],
  ];
  if (opts.units) {
    columns.push(['Danh sách mã đơn vị', opts.units.map((u) => u.code)]);
    columns.push(['Danh sách tên đơn vị', opts.units.map((u) => u.name)]);
  }
  columns.forEach(([header, values], i) => {
    const head = ws.getCell(1, i + 1);
    head.value = header;
    head.font = HEADER_FONT;
    values.forEach((v, r) => (ws.getCell(r + 2, i + 1).value = text(v)));
    ws.getColumn(i + 1).width = 30;
  });
  ws.state = 'hidden';
  // `'Danh mục'!$A$2:$A$14`: quoted, since the name has a space and non-ASCII letters.
  const range = (i: number, n: number) => {
    const col = ws.getColumn(i + 1).letter;
    return `'${FORM_SHEETS.lists}'!$${col}$2:$${col}$${Math.max(2, n + 1)}`;
  };
  return {
    types: range(0, opts.activityTypes.length),
    modes: range(1, opts.modes.length),
    units: opts.units ? range(2, opts.units.length) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Validation of the data rows

const STOP = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop' } as const;

function listRule(range: string, what: string): DataValidation {
  return {
    ...STOP, type: 'list', formulae: [range],
    errorTitle: 'Không có trong danh sách', error: `${what} phải chọn trong danh sách (bấm vào mũi tên ở góc ô).`,
    promptTitle: what, prompt: 'Chọn trong danh sách.',
  };
}

function wholeRule(min: number, what: string): DataValidation {
  return {
    ...STOP, type: 'whole', operator: 'greaterThanOrEqual', formulae: [min],
    errorTitle: 'Số không hợp lệ', error: `${what}: ghi một số nguyên từ ${min} trở lên, không ghi chữ.`,
  };
}

function dateRule(year: number, what: string): DataValidation {
  return {
    ...STOP, type: 'date', operator: 'between',
    formulae: [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31))],
    errorTitle: 'Ngày không hợp lệ',
    error: `${what}: ghi ngày trong năm ${year} theo thứ tự ngày/tháng/năm, ví dụ 02/10/${year}.`,
    promptTitle: what, prompt: `Ngày/tháng/năm, ví dụ 02/10/${year}.`,
  };
}

function ruleFor(col: Column, opts: FormOptions, lists: Lists): DataValidation | null {
  const what = col.labels[0];
  switch (col.type) {
    case 'code':
      return lists.units ? listRule(lists.units, what) : null;
    case 'type':
      return listRule(lists.types, what);
    case 'mode':
      return listRule(lists.modes, what);
    case 'date':
      return dateRule(opts.year, what);
    case 'sessions':
      return wholeRule(1, what);
    case 'count':
      return wholeRule(0, what);
    default:
      return null;
  }
}

/** Title, unit line, header on row 4, validated and boxed empty rows, frozen below the header. */
function writeDataSheet(ws: Worksheet, title: string, columns: Column[], opts: FormOptions, lists: Lists): void {
  const fmt = formats(2);
  const span = columns.length;
  titleRow(ws, 1, title, span, { size: 14, center: true });
  ws.getRow(1).height = 24;
  const unit = ws.getCell(2, 1);
  unit.value = 'Đơn vị:';
  unit.font = BOLD;
  // The unit's name goes in the merged cells right of the label, over a dotted line.
  ws.mergeCells(2, 2, 2, Math.min(span, 6));
  ws.getCell(2, 2).border = { bottom: { style: 'dotted' } };

  writeTable(ws, { row: FORM_HEADER_ROW }, columns.map(contractSpec), [], fmt);
  const first = FORM_HEADER_ROW + 1;
  const last = FORM_HEADER_ROW + FORM_DATA_ROWS;
  columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    const rule = ruleFor(col, opts, lists);
    if (rule) addValidation(ws, `${column.letter}${first}:${column.letter}${last}`, rule);
    column.width = col.form?.width ?? DEFAULT_WIDTH;
    for (let r = first; r <= last; r++) {
      const cell = ws.getCell(r, i + 1);
      cell.border = THIN_BORDER;
      if (col.type === 'date') cell.numFmt = DATE_FORMAT;
      if (col.type === 'count' || col.type === 'sessions') cell.numFmt = fmt.int;
    }
  });
  fitHeaderHeights(ws, [FORM_HEADER_ROW]);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: FORM_HEADER_ROW }];
  // Units print the form to fill by hand too: a landscape page across.
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

// ---------------------------------------------------------------------------------------------
// Instructions. One text per row, or a column label beside a sentence: never two labels in a row.

/** The numerator of an indicator may not exceed its whole: the whole's label, by the numerator's key. */
function limits(indicators: Indicator[]): Map<string, string> {
  const whole = new Map<string, string>();
  for (const ind of indicators) {
    const den = TALLY_FIGURES.find((c) => c.key === ind.denominator);
    if (den && !whole.has(ind.numerator)) whole.set(ind.numerator, den.labels[0]);
  }
  return whole;
}

/** The instructions' sentence for a column: its catalogue help, filled in, and whether it is required. */
function helpFor(col: Column, opts: FormOptions, whole: Map<string, string>): string {
  if (!col.form) return '';
  const template = (opts.units && col.form.helpWithList) || col.form.help;
  const limit = whole.get(col.key);
  const values: Record<string, string> = {
    year: String(opts.year),
    types: opts.activityTypes.map((t) => t.label).join('; '),
    modes: opts.modes.map((m) => m.label).join(', '),
    limit: limit ? `, không lớn hơn “${limit}”` : '',
  };
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m) + (col.required ? ' Bắt buộc.' : '');
}

function writeHelp(ws: Worksheet, opts: FormOptions): void {
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 90;
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  let row = 1;
  /** A wrapped, top-aligned text cell; the row grows to the lines it needs at `width` characters. */
  const put = (col: number, s: string, width: number, bold: boolean) => {
    const cell = ws.getCell(row, col);
    cell.value = text(s);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (bold) cell.font = BOLD;
    const lines = wrappedLines(s, width);
    const height = lines * LINE_HEIGHT + 2;
    if (lines > 1 && height > (ws.getRow(row).height ?? 0)) ws.getRow(row).height = height;
  };
  const line = (s: string, bold = false) => {
    put(1, s, 115, bold);
    ws.mergeCells(row, 1, row, 2);
    row++;
  };
  const pair = (label: string, how: string) => {
    put(1, label, 26, true);
    put(2, how, 88, false);
    row++;
  };

  titleRow(ws, row++, `HƯỚNG DẪN ĐIỀN BIỂU MẪU TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM ${opts.year}`, 2, { size: 13 });
  row++;
  [
    `1. Biểu mẫu có hai trang tính: “${FORM_SHEETS.activities}” (mỗi dòng là một hoạt động đơn vị tổ chức trong Tuần lễ) và “${FORM_SHEETS.tallies}” (mỗi đơn vị một dòng, số liệu tại thời điểm báo cáo).`,
    `2. Ghi tên đơn vị ở dòng 2; không sửa dòng tiêu đề (dòng ${FORM_HEADER_ROW}); ghi số liệu từ dòng ${FORM_HEADER_ROW + 1}.`,
    `3. Ngày ghi theo thứ tự ngày/tháng/năm: 02/10/${opts.year} là ngày 2 tháng 10 năm ${opts.year}.`,
    '4. Số ghi bằng chữ số, không ghi chữ, không ghi đơn vị tính (ví dụ 6800).',
    '5. Ô để trống nghĩa là không có số liệu (chưa báo cáo), không phải bằng 0; nếu số liệu bằng 0 thì ghi 0.',
    '6. Ảnh: chép các tệp ảnh (JPEG, PNG) vào cùng thư mục với tệp này, ghi tên tệp ảnh vào cột “Ảnh”, nhiều ảnh cách nhau bằng dấu chấm phẩy (;).',
    '7. Gửi tệp này (kèm các tệp ảnh) qua thư điện tử trước thời hạn quy định.',
  ].forEach((s) => line(s));

  const whole = limits(opts.indicators);
  const section = (title: string, columns: Column[]) => {
    row++;
    line(title, true);
    for (const col of columns) pair(col.labels[0], helpFor(col, opts, whole));
  };
  section(`Trang tính “${FORM_SHEETS.activities}”: cách ghi từng cột`, ACTIVITY_COLUMNS);
  section(`Trang tính “${FORM_SHEETS.tallies}”: cách ghi từng cột`, talliesFormColumns());
}

/** The tallies form asks for the parts only: rates are computed, never typed. */
function talliesFormColumns(): Column[] {
  return tallyColumns([]);
}

/** The blank form (its bytes): the two data sheets, the instructions and the hidden lists. Same options, same bytes. */
export async function renderForm(opts: FormOptions): Promise<Buffer> {
  const wb = createWorkbook(opts.mtime);
  const activities = wb.addWorksheet(FORM_SHEETS.activities);
  const tallies = wb.addWorksheet(FORM_SHEETS.tallies);
  const help = wb.addWorksheet(FORM_SHEETS.help);
  const lists = writeLists(wb.addWorksheet(FORM_SHEETS.lists), opts);

  writeDataSheet(activities, `BIỂU THỐNG KÊ HOẠT ĐỘNG TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM ${opts.year}`, ACTIVITY_COLUMNS, opts, lists);
  writeDataSheet(tallies, `BIỂU THỐNG KÊ SỐ LIỆU XÂY DỰNG XÃ HỘI HỌC TẬP NĂM ${opts.year}`, talliesFormColumns(), opts, lists);
  writeHelp(help, opts);
  return workbookBytes(wb, opts.mtime);
}
