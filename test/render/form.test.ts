/**
 * The blank input form: sheets, the header on row 4, dropdowns from the hidden list sheet,
 * number and date validation, byte-identical output; and the contract test: a form filled the
 * way a clerk fills it (through exceljs, as Excel would save it) passes the project's checker,
 * and a type that is not in the list is reported at its cell.
 * Set XLSX_LOOK_DIR to also write the blank form there.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ACTIVITY_TYPES } from '../../src/catalog/activity-types';
import { ACTIVITY_COLUMNS, TALLY_FIGURES } from '../../src/catalog/columns';
import { INDICATORS } from '../../src/catalog/indicators';
import { MODES } from '../../src/catalog/modes';
import { renderForm, type FormOptions } from '../../src/render/xlsx/form';
import type { CheckSettings } from '../../src/validate/checks/check';
import type { Activity, RecordSink, Tally, Unit } from '../../src/records/records';
import { checkFiles } from '../../src/validate/run';
import { SCHOOLS, WARD } from '../helpers/sample-workbook-input';
import { headerLikeRows, sheetXmls } from '../helpers/xlsx-inspect';

const MTIME = new Date('2025-09-15T00:00:00Z');
const UNITS: Unit[] = [
  { code: WARD.code, name: WARD.name, kind: 'phường', parent: null },
  ...SCHOOLS.map((s) => ({ code: s.code, name: s.name, kind: 'trường', parent: WARD.code })),
];
const options = (units: Unit[] | null): FormOptions => ({
  year: 2025, units, activityTypes: ACTIVITY_TYPES, modes: MODES, indicators: INDICATORS, mtime: MTIME,
});
const SETTINGS: CheckSettings = { year: 2025, week: null, activityTypes: ACTIVITY_TYPES, modes: MODES, indicators: INDICATORS, units: null };

let tmp: string;
let blank: Buffer;
let wb: ExcelJS.Workbook;

async function load(b: Buffer | string): Promise<ExcelJS.Workbook> {
  const w = new ExcelJS.Workbook();
  if (typeof b === 'string') await w.xlsx.readFile(b);
  else await w.xlsx.load(b as unknown as ExcelJS.Buffer);
  return w;
}

const rowValues = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-form-'));
  blank = await renderForm(options(null));
  wb = await load(blank);
  if (process.env.XLSX_LOOK_DIR) fs.writeFileSync(path.join(process.env.XLSX_LOOK_DIR, 'bieu-mau.xlsx'), await renderForm(options(UNITS)));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('sheets: the two data sheets, the instructions, and the hidden lists', () => {
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ['Hoạt động', 'visible'],
    ['Xã hội học tập', 'visible'],
    ['Hướng dẫn', 'visible'],
    ['Danh mục', 'hidden'],
  ]);
});

test('title on row 1, the unit line on row 2, the contract header on row 4, frozen below it', () => {
  const acts = wb.getWorksheet('Hoạt động')!;
  expect(acts.getCell('A1').value).toBe('BIỂU THỐNG KÊ HOẠT ĐỘNG TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025');
  expect(acts.getCell('A1').isMerged).toBe(true);
  expect(acts.getCell('A2').value).toBe('Đơn vị:');
  expect(rowValues(acts, 4)).toEqual(ACTIVITY_COLUMNS.map((c) => c.labels[0]));
  expect(rowValues(acts, 4)).toHaveLength(12);
  expect(acts.getCell('A4').font.bold).toBe(true);
  expect(acts.getCell('A4').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  expect(acts.getCell('C5').numFmt).toBe('dd/mm/yyyy');
  expect(acts.getColumn(6).width).toBeGreaterThan(30); // the title column
  const tallies = wb.getWorksheet('Xã hội học tập')!;
  expect(tallies.getCell('A1').value).toBe('BIỂU THỐNG KÊ SỐ LIỆU XÂY DỰNG XÃ HỘI HỌC TẬP NĂM 2025');
  expect(rowValues(tallies, 4)).toEqual(['Mã đơn vị', 'Tên đơn vị', ...TALLY_FIGURES.map((c) => c.labels[0])]);
  const xml = sheetXmls(blank);
  for (const name of ['Hoạt động', 'Xã hội học tập']) expect(xml.get(name)).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
});

test('validation: dropdowns from `Danh mục`, whole numbers, dates within the year, messages in Vietnamese', async () => {
  const acts = sheetXmls(blank).get('Hoạt động')!.replace(/&apos;/g, "'");
  const rule = (sqref: string) => new RegExp(`<dataValidation [^>]*sqref="${sqref}"[^>]*>(.*?)</dataValidation>`).exec(acts);
  const type = rule('E5:E204')!;
  expect(type[0]).toMatch(/^<dataValidation type="list"/);
  expect(type[1]).toBe("<formula1>'Danh mục'!$A$2:$A$14</formula1>");
  expect(type[0]).toContain('showErrorMessage="1"');
  expect(type[0]).toContain('phải chọn trong danh sách');
  expect(rule('G5:G204')![1]).toBe("<formula1>'Danh mục'!$B$2:$B$4</formula1>");
  expect(rule('H5:H204')![0]).toMatch(/type="whole" operator="greaterThanOrEqual"/);
  expect(rule('H5:H204')![1]).toBe('<formula1>1</formula1>');
  expect(rule('I5:I204')![1]).toBe('<formula1>0</formula1>');
  // 01/01/2025 and 31/12/2025 as Excel serials.
  expect(rule('C5:C204')![0]).toMatch(/type="date"/);
  expect(rule('C5:C204')![1]).toBe('<formula1>45658</formula1><formula2>46022</formula2>');
  expect(rule('D5:D204')).not.toBeNull();
  expect(rule('A5:A204')).toBeNull(); // no units list: codes are typed

  const tallies = sheetXmls(blank).get('Xã hội học tập')!;
  expect(tallies.match(/<dataValidation type="whole"/g)).toHaveLength(TALLY_FIGURES.length);

  const lists = wb.getWorksheet('Danh mục')!;
  expect(rowValues(lists, 2).slice(0, 2)).toEqual([ACTIVITY_TYPES[0].label, MODES[0].label]);
  expect(lists.getCell(`A${ACTIVITY_TYPES.length + 1}`).value).toBe('Khác');

  // With a units list, unit codes are a dropdown too, on both sheets.
  const withUnits = await renderForm(options(UNITS));
  const xml = new Map([...sheetXmls(withUnits)].map(([k, v]) => [k, v.replace(/&apos;/g, "'")]));
  const codes = `<formula1>'Danh mục'!$C$2:$C$${UNITS.length + 1}</formula1>`;
  expect(xml.get('Hoạt động')).toMatch(new RegExp(`<dataValidation type="list"[^>]*sqref="A5:A204">${codes.replace(/[$]/g, '\\$')}`));
  expect(xml.get('Xã hội học tập')).toContain(codes);
  const unitsList = (await load(withUnits)).getWorksheet('Danh mục')!;
  expect(unitsList.getColumn(3).values.slice(2)).toEqual(UNITS.map((u) => u.code));
});

test('instructions explain the columns, day-first dates, blanks, photos and sending, and never look like a header', () => {
  const help = wb.getWorksheet('Hướng dẫn')!;
  const all: string[] = [];
  help.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && all.push(c.value)));
  const text = all.join('\n');
  expect(text).toContain('ngày/tháng/năm');
  expect(text).toContain('không phải bằng 0');
  expect(text).toContain('dấu chấm phẩy (;)');
  expect(text).toContain('thư điện tử');
  for (const c of ACTIVITY_COLUMNS) expect(all).toContain(c.labels[0]);
  for (const name of ['Hướng dẫn', 'Danh mục']) {
    expect({ name, rows: headerLikeRows(wb.getWorksheet(name)!, INDICATORS) }).toEqual({ name, rows: [] });
  }
});

test('widths and help texts come from the column catalogue, filled in', async () => {
  const pairs = async (w: ExcelJS.Workbook) => {
    const out = new Map<string, string>();
    w.getWorksheet('Hướng dẫn')!.eachRow((row) => {
      const [label, how] = [row.getCell(1).value, row.getCell(2).value];
      if (typeof label === 'string' && typeof how === 'string' && !out.has(label)) out.set(label, how);
    });
    return out;
  };
  const typed = await pairs(wb);
  expect(typed.get('Mã đơn vị')).toBe('Mã của đơn vị theo danh mục được cấp. Bắt buộc.');
  expect(typed.get('Ngày tổ chức')).toBe('Ngày tổ chức hoạt động, ghi ngày/tháng/năm (ví dụ 02/10/2025). Bắt buộc.');
  expect(typed.get('Hình thức')).toBe(`Chọn: ${MODES.map((m) => m.label).join(', ')}. Để trống là trực tiếp.`);
  expect(typed.get('Gia đình học tập')).toBe('Số nguyên từ 0 trở lên, không lớn hơn “Tổng số hộ gia đình”. Để trống nếu không có số liệu.');
  expect(typed.get('Dân số')).toBe('Số nguyên từ 0 trở lên. Để trống nếu không có số liệu.');
  expect((await pairs(await load(await renderForm(options(UNITS))))).get('Mã đơn vị')).toBe('Chọn mã của đơn vị trong danh sách. Bắt buộc.');

  const activities = wb.getWorksheet('Hoạt động')!;
  ACTIVITY_COLUMNS.forEach((c, i) => expect([c.key, activities.getColumn(i + 1).width]).toEqual([c.key, c.form?.width]));
  expect(wb.getWorksheet('Xã hội học tập')!.getColumn(3).width).toBe(14); // a figure: the form's default
});

test('same options, same bytes', async () => {
  expect((await renderForm(options(null))).equals(blank)).toBe(true);
  expect((await renderForm(options(UNITS))).equals(await renderForm(options(UNITS)))).toBe(true);
});

// ---------------------------------------------------------------------------------------------
// The contract: a filled form is valid input.

interface Fill {
  type: string;
}

/** Fill the blank form as a clerk would: three activities, one tallies row; save it. */
async function fillForm(file: string, fill: Fill): Promise<void> {
  const w = await load(blank);
  const lists = w.getWorksheet('Danh mục')!;
  const typeLabels = (lists.getColumn(1).values as unknown[]).slice(2) as string[];
  const modeLabels = (lists.getColumn(2).values as unknown[]).slice(2) as string[];
  const acts = w.getWorksheet('Hoạt động')!;
  acts.getCell('B2').value = WARD.name;
  const day = (d: number) => new Date(Date.UTC(2025, 9, d));
  const rows: unknown[][] = [
    [WARD.code, WARD.name, day(1), null, fill.type, 'Lễ khai mạc Tuần lễ', modeLabels[0], 1, 250],
    [WARD.code, WARD.name, day(2), day(7), typeLabels[1], 'Tuyên truyền trên mạng xã hội', modeLabels[1], 6, 3200],
    [SCHOOLS[2].code, SCHOOLS[2].name, day(4), null, typeLabels[3], 'Lớp tin học cho người cao tuổi', modeLabels[2], 3, 60],
  ];
  rows.forEach((values, i) => values.forEach((v, c) => {
    if (v !== null) acts.getCell(5 + i, c + 1).value = v as ExcelJS.CellValue;
  }));
  const tallies = w.getWorksheet('Xã hội học tập')!;
  const figures = [24830, 9120, 18, 6800, 5059, 42, 31, 38, 30, 27, 24, null, 11200];
  [WARD.code, WARD.name, ...figures].forEach((v, c) => {
    if (v !== null) tallies.getCell(5, c + 1).value = v;
  });
  await w.xlsx.writeFile(file);
}

async function check(file: string) {
  const activities: Activity[] = [];
  const tallies: Tally[] = [];
  const sink: RecordSink = { activity: (a) => activities.push(a), tally: (t) => tallies.push(t), unit: () => undefined };
  const result = await checkFiles([file], SETTINGS, sink);
  return { result, activities, tallies };
}

test('a filled form passes the checker', async () => {
  const file = path.join(tmp, 'phuong-mong-cai-1.xlsx');
  await fillForm(file, { type: ACTIVITY_TYPES[0].label });
  const { result, activities, tallies } = await check(file);
  expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  expect(result.issues.map((i) => [i.code, i.sheet])).toEqual([
    ['table-unrecognized', 'Hướng dẫn'],
    ['table-unrecognized', 'Danh mục'],
  ]);
  expect(result.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.rows])).toEqual([
    ['Hoạt động', 'activities', 4, 3],
    ['Xã hội học tập', 'tallies', 4, 1],
  ]);
  expect(activities.map((a) => [a.date, a.endDate, a.type, a.mode, a.sessions, a.participants])).toEqual([
    ['2025-10-01', null, 'opening', 'in_person', 1, 250],
    ['2025-10-02', '2025-10-07', 'communication', 'online', 6, 3200],
    ['2025-10-04', null, 'class', 'hybrid', 3, 60],
  ]);
  expect(tallies[0].figures.families_learning).toBe(5059);
  expect(tallies[0].figures.citizens_total).toBeNull();
});

test('a type that is not in the list is reported at its cell', async () => {
  // Not "Hội thao" (sports day): without diacritics it is "Hội thảo" (seminar), which the
  // catalogue knows, so the checker accepts it as a seminar.
  const file = path.join(tmp, 'sai-loai.xlsx');
  await fillForm(file, { type: 'Hội diễn văn nghệ' });
  const { result } = await check(file);
  const errors = result.issues.filter((i) => i.severity === 'error');
  expect(errors.map((i) => [i.code, i.sheet, i.cell, i.value])).toEqual([['enum-unknown', 'Hoạt động', 'E5', 'Hội diễn văn nghệ']]);
});
