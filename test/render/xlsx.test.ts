/**
 * The report workbook: sheets and their order, numeric/percent/date cells, frozen and filtered
 * headers, pictures, text that stays text, byte-identical output, and the round trip: its data
 * sheets re-validate clean with the project's own checker, its other sheets are skipped.
 * Set XLSX_LOOK_DIR to also write the sample workbook there (to open it and look at it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ACTIVITY_COLUMNS, rateColumns, TALLY_FIGURES, tallyColumns } from '../../src/catalog/columns';
import { ACTIVITY_TYPES } from '../../src/catalog/activity-types';
import { INDICATORS } from '../../src/catalog/indicators';
import { MODES } from '../../src/catalog/modes';
import { renderWorkbook } from '../../src/render/xlsx';
import type { WorkbookInput } from '../../src/render/workbook-input';
import type { Activity, RecordSink, Tally } from '../../src/records/records';
import { checkFiles } from '../../src/validate/run';
import { sampleWorkbookInput, SCHOOLS, WARD } from '../helpers/sample-workbook-input';
import { cellXml, headerLikeRows, sheetXmls, zipEntries } from '../helpers/xlsx-inspect';

const SHEETS = ['Báo cáo', 'Tổng hợp', 'Theo đơn vị', 'Hoạt động', 'Xã hội học tập', 'Kiểm tra', 'Thông tin'];
const HOSTILE_NAME = 'A & B <C> "D"';
const FORMULA_NAME = '=HYPERLINK("http://x","y")';
const FORMULA_TITLE = '+1-2';

let tmp: string;
let input: WorkbookInput;
let buf: Buffer;
let wb: ExcelJS.Workbook;
let xml: Map<string, string>;

async function load(b: Buffer): Promise<ExcelJS.Workbook> {
  const w = new ExcelJS.Workbook();
  await w.xlsx.load(b as unknown as ExcelJS.Buffer);
  return w;
}

/** The sample with units and a title a clerk (or an attacker) could have typed. */
function hostile(base: WorkbookInput): WorkbookInput {
  const rename = (code: string, name: string) => {
    for (const a of base.activities) if (a.unit === code) a.unitName = name;
    for (const t of base.tallies) if (t.unit === code) t.unitName = name;
    for (const u of base.aggregate.units) if (u.code === code) u.name = name;
  };
  rename(SCHOOLS[1].code, HOSTILE_NAME);
  rename(SCHOOLS[2].code, FORMULA_NAME);
  base.activities[3].title = FORMULA_TITLE;
  base.activities[4].title = 'Lớp tin học\u0001 cơ bản\u000b cho người cao tuổi';
  return base;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-xlsx-'));
  input = hostile(await sampleWorkbookInput());
  buf = await renderWorkbook(input);
  wb = await load(buf);
  xml = sheetXmls(buf);
  if (process.env.XLSX_LOOK_DIR) fs.writeFileSync(path.join(process.env.XLSX_LOOK_DIR, 'bao-cao.xlsx'), buf);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sheet = (name: string) => wb.getWorksheet(name)!;
const headerTexts = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

test('sheets come in the specified order', () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
  expect([...xml.keys()]).toEqual(SHEETS);
});

test('`Hoạt động` has the contract labels (no photos), catalogue labels, date cells and numbers', () => {
  const ws = sheet('Hoạt động');
  const cols = ACTIVITY_COLUMNS.filter((c) => c.key !== 'photos');
  expect(headerTexts(ws, 1)).toEqual(cols.map((c) => c.labels[0]));
  const at = (key: string, row: number) => ws.getCell(row, cols.findIndex((c) => c.key === key) + 1);
  expect(at('unit_code', 2).value).toBe(WARD.code);
  expect(at('date', 2).value).toEqual(new Date('2025-10-01T00:00:00Z'));
  expect(at('date', 2).numFmt).toBe('dd/mm/yyyy');
  expect(at('end_date', 3).value).toEqual(new Date('2025-10-07T00:00:00Z'));
  expect(at('end_date', 2).value).toBeNull();
  expect(at('type', 2).value).toBe('Lễ khai mạc, phát động');
  expect(at('mode', 3).value).toBe('Trực tuyến');
  expect(at('mode', 6).value).toBe('Kết hợp');
  expect(at('sessions', 3).value).toBe(6);
  expect(at('participants', 3).value).toBe(3200);
  expect(at('participants', 3).numFmt).toBe('#,##0');
  // Control characters are dropped, the rest of the text kept.
  expect(at('title', 6).value).toBe('Lớp tin học cơ bản cho người cao tuổi');

  const x = xml.get('Hoạt động')!;
  const ref = (key: string, row: number) => at(key, row).address;
  expect(cellXml(x, ref('participants', 3))).not.toMatch(/ t="/); // a number, not a string
  expect(cellXml(x, ref('participants', 3))).toContain('<v>3200</v>');
  expect(cellXml(x, ref('date', 2))).toContain(`<v>${45931}</v>`); // 01/10/2025 as a serial
  expect(cellXml(x, ref('title', 2))).toMatch(/ t="s"/);
});

test('`Xã hội học tập` has figures as numbers and rates recomputed as percent cells, blank when not computable', () => {
  const ws = sheet('Xã hội học tập');
  const cols = tallyColumns(INDICATORS);
  expect(headerTexts(ws, 1)).toEqual(cols.map((c) => c.labels[0]));
  const at = (key: string, row: number) => ws.getCell(row, cols.findIndex((c) => c.key === key) + 1);
  expect(at('families_total', 2).value).toBe(6800);
  expect(at('families_learning', 2).value).toBe(5059);
  expect(at('citizens_total', 2).value).toBeNull();
  expect(at('families_rate', 2).value).toBeCloseTo(5059 / 6800, 12);
  expect(at('families_rate', 2).numFmt).toBe('0.00%');
  expect(at('citizens_rate', 2).value).toBeCloseTo(11200 / 24830, 12); // population stands in
  expect(at('families_rate', 3).value).toBeNull(); // the school reported no households
  expect(at('organizations_rate', 3).value).toBe(1);
  expect(cellXml(xml.get('Xã hội học tập')!, at('families_total', 2).address)).not.toMatch(/ t="/);
});

test('`Theo đơn vị` has one row per unit, every figure and every rate, under labels the reader does not know', () => {
  const ws = sheet('Theo đơn vị');
  const head = headerTexts(ws, 2) as string[];
  expect(head.slice(0, 7)).toEqual(['Đơn vị (mã)', 'Đơn vị (tên)', 'Đơn vị (loại)', 'Đơn vị cấp trên (mã)', 'Số hoạt động', 'Tổng số buổi', 'Tổng lượt người tham gia']);
  expect(head).toHaveLength(7 + TALLY_FIGURES.length + INDICATORS.length);
  expect(head).toContain('Gia đình học tập (hộ)');
  for (const c of rateColumns(INDICATORS)) expect(head).toContain(`${c.labels[0]} (phần trăm)`);
  expect(ws.getCell(3, 1).value).toBe(WARD.code);
  expect(ws.getCell(3, 7).value).toBe(3450);
  const families = head.indexOf('Tỷ lệ gia đình học tập (phần trăm)') + 1;
  expect(ws.getCell(3, families).value).toBeCloseTo(5059 / 6800, 12);
  expect(ws.getCell(3, families).numFmt).toBe('0.00%');
  expect(ws.getCell(4, families).value).toBeNull(); // no tallies from the kindergarten
  expect(ws.rowCount).toBe(2 + input.aggregate.units.length);
});

test('`Tổng hợp` has the indicators with baseline, change and target, and activities by type × mode', () => {
  const ws = sheet('Tổng hợp');
  expect(headerTexts(ws, 2)).toEqual([
    'Chỉ tiêu', 'Đạt', 'Tổng số', 'Tỷ lệ', 'Đạt năm trước', 'Tỷ lệ năm trước', 'Thay đổi (điểm %)', 'Thay đổi (số lượng)', 'Chỉ tiêu quốc gia', 'Đánh giá',
  ]);
  const families = ws.getRow(3);
  expect(families.getCell(1).value).toBe('Gia đình học tập');
  expect(families.getCell(2).value).toBe(5059);
  expect(families.getCell(3).value).toBe(6800);
  expect(families.getCell(4).value).toBeCloseTo(5059 / 6800, 12);
  expect(families.getCell(4).numFmt).toBe('0.00%');
  expect(families.getCell(5).value).toBe(4980);
  expect(families.getCell(7).value).toBeCloseTo(5059 / 6800 - 4980 / 6750, 12);
  expect(families.getCell(7).numFmt).toBe('+0.00%;-0.00%;0.00%');
  expect(families.getCell(8).value).toBe(79);
  expect(families.getCell(9).value).toBe(0.7);
  expect(families.getCell(10).value).toBe('Đạt');
  expect(ws.getRow(3 + INDICATORS.length - 1).getCell(10).value).toBeNull(); // members: no national target

  // The activities table: find it by its first label.
  let top = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === 'Loại hoạt động') top = r;
  });
  expect(top).toBeGreaterThan(3);
  const head = headerTexts(ws, top) as string[];
  expect(head).toHaveLength(1 + 3 * (MODES.length + 1));
  expect(head.slice(1, 4)).toEqual(['Trực tiếp: số hoạt động', 'Trực tiếp: số buổi', 'Trực tiếp: lượt người']);
  const klass = ws.getRow(top + 3);
  expect(klass.getCell(1).value).toBe('Lớp học, bồi dưỡng');
  expect(klass.getCell(2).value).toBe(1); // in person
  expect(klass.getCell(8).value).toBe(1); // hybrid
  expect(klass.getCell(11).value).toBe(2); // total count
  const total = ws.getRow(top + 6);
  expect(total.getCell(1).value).toBe('Tổng cộng');
  expect(total.getCell(13).value).toBe(4325);
});

test('data sheets have a frozen, filtered header', () => {
  const frozen = (name: string, row: number) => {
    const x = xml.get(name)!;
    expect(x).toMatch(new RegExp(`<pane [^>]*ySplit="${row}"[^>]*state="frozen"`));
    expect(x).toMatch(new RegExp(`<autoFilter ref="A${row}:[A-Z]+\\d+"`));
  };
  frozen('Hoạt động', 1);
  frozen('Xã hội học tập', 1);
  frozen('Theo đơn vị', 2);
  frozen('Tổng hợp', 2);
  frozen('Kiểm tra', 2);
  expect(xml.get('Hoạt động')).toContain('<autoFilter ref="A1:K7"/>');
});

test('columns are sized to their content', () => {
  const ws = sheet('Hoạt động');
  const title = ws.getColumn(ACTIVITY_COLUMNS.findIndex((c) => c.key === 'title') + 1).width!;
  const sessions = ws.getColumn(ACTIVITY_COLUMNS.findIndex((c) => c.key === 'sessions') + 1).width!;
  expect(title).toBeGreaterThan(40);
  expect(title).toBeLessThanOrEqual(60);
  expect(sessions).toBeLessThan(15);
});

test('`Báo cáo` carries the document: header block, bold headings, merged wrapped paragraphs, numeric table cells, pictures', () => {
  const ws = sheet('Báo cáo');
  const texts: { r: number; c: number; v: unknown; cell: ExcelJS.Cell }[] = [];
  ws.eachRow((row, r) => row.eachCell((cell, c) => {
    if (!cell.isMerged || cell.master.address === cell.address) texts.push({ r, c, v: cell.value, cell });
  }));
  const find = (s: string) => texts.find((t) => typeof t.v === 'string' && t.v === s);
  expect(find('UBND TỈNH QUẢNG NINH')?.c).toBe(1);
  expect(find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')?.c).toBeGreaterThan(1);
  expect(find('BÁO CÁO')?.cell.font.bold).toBe(true);
  const heading = find('I. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG')!;
  expect(heading.cell.font.bold).toBe(true);
  const body = texts.find((t) => typeof t.v === 'object' && t.v !== null && 'richText' in t.v)!;
  const rich = (body.v as ExcelJS.CellRichTextValue).richText;
  expect(rich.map((r) => r.text).join('')).toContain('Học để phát triển bản thân”, UBND phường');
  expect(rich.find((r) => r.text === 'Học để phát triển bản thân')?.font?.bold).toBe(true);
  expect(body.cell.alignment.wrapText).toBe(true);
  expect(ws.getRow(body.r).height).toBeGreaterThan(15); // two lines at least
  const merges = (ws.model as unknown as { merges: string[] }).merges;
  expect(merges).toContain(`A${body.r}:H${body.r}`);
  expect(find('- Lễ khai mạc với 250 lượt người tham gia;')).toBeDefined();
  expect(find('2. Thứ hai')).toBeDefined();
  // The numbers of a table are numbers; its percent cells are percent.
  const rate = texts.find((t) => typeof t.v === 'number' && t.cell.numFmt === '0.00%')!;
  expect(rate.v).toBeCloseTo(5059 / 6800, 12);
  const households = texts.find((t) => t.v === 6800)!;
  expect(households.cell.numFmt).toBe('#,##0');
  expect(households.cell.border.top?.style).toBe('thin');
  // The early table's header is among the rows the reader scans: its columns are numbered.
  expect(find('Số buổi\n(2)')).toBeDefined();
  expect(find('Chỉ tiêu')).toBeDefined();
  expect(find('Số lượt người tham gia')).toBeDefined(); // the appendix, further down, is left alone
  expect(find('Nguyễn Văn An')?.cell.font.bold).toBe(true);
  expect(ws.getImages()).toHaveLength(3); // the chart and two photos
});

test('pictures are in the package: the chart as PNG, the photos as JPEG', () => {
  const media = Object.keys(zipEntries(buf)).filter((n) => n.startsWith('xl/media/'));
  expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(1);
  expect(media.filter((n) => n.endsWith('.jpeg'))).toHaveLength(2);
  expect(sheet('Tổng hợp').getImages()).toHaveLength(1);
});

test('text from the inputs stays text: no formula, markup intact', () => {
  for (const [name, x] of xml) expect({ name, hasFormula: /<f[ >]/.test(x) }).toEqual({ name, hasFormula: false });
  const values: unknown[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => values.push(c.value)));
  expect(values).toContain(FORMULA_NAME);
  expect(values).toContain(FORMULA_TITLE);
  expect(values).toContain(HOSTILE_NAME);
  const acts = sheet('Hoạt động');
  expect(acts.getCell('B5').value).toBe(HOSTILE_NAME);
  expect(acts.getCell('F5').value).toBe(FORMULA_TITLE);
  expect(acts.getCell('B6').type).toBe(ExcelJS.ValueType.String);
});

test('`Kiểm tra` lists the issues, and the completeness of a rollup; absent when there is neither', async () => {
  const ws = sheet('Kiểm tra');
  expect(headerTexts(ws, 2)).toEqual(['Mã lỗi', 'Mức độ', 'Tệp', 'Trang tính', 'Dòng', 'Cột', 'Ô', 'Giá trị', 'Nội dung']);
  expect(headerTexts(ws, 3)).toEqual([
    'date-outside-week', 'Cảnh báo', 'inbox/mc1.xlsx', 'Hoạt động', 11, 'Ngày tổ chức (date)', 'C11', '12/10/2025', 'Ngày 12/10/2025 nằm ngoài Tuần lễ (01/10/2025–07/10/2025); kiểm tra lại',
  ]);

  const base = await sampleWorkbookInput();
  const none = await load(await renderWorkbook({ ...base, issues: [] }));
  expect(none.worksheets.map((w) => w.name)).toEqual(SHEETS.filter((s) => s !== 'Kiểm tra'));

  const status = [
    { code: WARD.code, name: WARD.name, status: 'submitted' as const, file: 'inbox/mc1.xlsx', time: '2025-10-08T09:15:00+07:00', late: false, issues: 0, superseded: [] },
    { code: SCHOOLS[0].code, name: SCHOOLS[0].name, status: 'submitted' as const, file: 'inbox/mn.xlsx', time: '2025-10-11T16:00:00+07:00', late: true, issues: 1, superseded: [] },
    { code: SCHOOLS[1].code, name: SCHOOLS[1].name, status: 'rejected' as const, file: 'inbox/th.xlsx', time: null, late: false, issues: 3, superseded: [] },
    { code: SCHOOLS[2].code, name: SCHOOLS[2].name, status: 'missing' as const, file: null, time: null, late: false, issues: 0, superseded: [] },
  ];
  const rolled = await renderWorkbook({ ...base, status });
  const rollup = await load(rolled);
  const checks = rollup.getWorksheet('Kiểm tra')!;
  const table = [3, 4, 5, 6, 7, 8].map((r) => headerTexts(checks, r));
  expect(table).toEqual([
    ['Dự kiến', 4, 1], ['Đã nộp', 2, 0.5], ['Đúng hạn', 1, 0.25], ['Nộp muộn', 1, 0.25], ['Bị từ chối', 1, 0.25], ['Chưa nộp', 1, 0.25],
  ]);
  expect(checks.getCell('C3').numFmt).toBe('0.00%');
  expect(headerTexts(checks, 11)).toEqual(['Đơn vị (mã)', 'Đơn vị (tên)', 'Trạng thái', 'Tệp', 'Thời điểm', 'Muộn', 'Số lỗi']);
  expect(headerTexts(checks, 13)).toEqual([SCHOOLS[0].code, SCHOOLS[0].name, 'Đã nộp', 'inbox/mn.xlsx', '2025-10-11T16:00:00+07:00', 'Có', 1]);
  expect(headerTexts(checks, 15)[2]).toBe('Chưa nộp');
  expect(headerTexts(checks, 18)[0]).toBe('Mã lỗi'); // then the issues
  expect(headerTexts(checks, 19)[0]).toBe('date-outside-week');
  expect(sheetXmls(rolled).get('Kiểm tra')).toMatch(/<pane [^>]*ySplit="11"/);
  expect(headerLikeRows(checks, INDICATORS)).toEqual([]);
});

test('`Thông tin` records year, week, agency, version, date and the inputs with their SHA-256', () => {
  const ws = sheet('Thông tin');
  const pairs = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value]));
  expect(pairs['Năm']).toBe(2025);
  expect(pairs['Tuần lễ']).toBe('01/10/2025 – 07/10/2025');
  expect(pairs['Cơ quan']).toBe('UBND phường Móng Cái 1');
  expect(pairs['Mã đơn vị']).toBe(WARD.code);
  expect(pairs['Phiên bản lllweek']).toBe('0.1.0');
  expect(pairs['Thời điểm lập']).toEqual(new Date('2025-10-09T00:00:00Z'));
  expect(headerTexts(ws, 9)).toEqual(['Tệp đầu vào', 'SHA-256']);
  expect(headerTexts(ws, 10)).toEqual([input.info.inputs[0].file, input.info.inputs[0].sha256]);
  expect(wb.creator).toBe('lllweek');
  expect(wb.created).toEqual(new Date('2025-10-09T00:00:00Z'));
});

test('no sheet but the data sheets offers a row the reader could take for a header', () => {
  for (const ws of wb.worksheets) {
    if (ws.name === 'Hoạt động' || ws.name === 'Xã hội học tập') continue;
    expect({ sheet: ws.name, rows: headerLikeRows(ws, INDICATORS) }).toEqual({ sheet: ws.name, rows: [] });
  }
});

test('same input, same bytes', async () => {
  const again = await renderWorkbook(hostile(await sampleWorkbookInput()));
  expect(again.equals(buf)).toBe(true);
});

test('the workbook is a valid input: its data sheets re-validate clean, the others are skipped', async () => {
  const file = path.join(tmp, 'bao-cao.xlsx');
  fs.writeFileSync(file, buf);
  const activities: Activity[] = [];
  const tallies: Tally[] = [];
  const sink: RecordSink = { activity: (a) => activities.push(a), tally: (t) => tallies.push(t), unit: () => undefined };
  const settings = { year: 2025, week: null, activityTypes: ACTIVITY_TYPES, modes: MODES, indicators: INDICATORS, units: null };
  const result = await checkFiles([file], settings, sink);

  expect(result.issues.filter((i) => i.code !== 'table-unrecognized')).toEqual([]);
  expect(result.issues.map((i) => i.sheet).sort()).toEqual(['Báo cáo', 'Kiểm tra', 'Theo đơn vị', 'Thông tin', 'Tổng hợp']);
  expect(result.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.rows])).toEqual([
    ['Hoạt động', 'activities', 1, 6],
    ['Xã hội học tập', 'tallies', 1, 2],
  ]);
  // What comes back is what went in (photos aside).
  expect(activities.map((a) => [a.unit, a.unitName, a.date, a.endDate, a.type, a.title, a.mode, a.sessions, a.participants])).toEqual(
    input.activities.map((a) => [a.unit, a.unitName, a.date, a.endDate, a.type, a.title.replace(/[\u0001\u000b]/g, ''), a.mode, a.sessions, a.participants]),
  );
  expect(tallies.map((t) => [t.unit, t.figures])).toEqual(input.tallies.map((t) => [t.unit, t.figures]));
  expect(tallies[0].typedRates.families_rate).toBeCloseTo((5059 / 6800) * 100, 9);
});
