/**
 * `lllweek form` and `lllweek init` as a clerk runs them: the blank form's sheets and validations,
 * a form filled through exceljs (as Excel saves it) passing `validate`, a bad type caught at its
 * cell; never overwriting without --force; init's sample config loading as written.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { FIXTURES, expectNoStack, lllweek } from '../helpers/cli';
import { sheetXmls } from '../helpers/xlsx-inspect';

const tmp = (p = 'lllweek-form-') => fs.mkdtempSync(path.join(os.tmpdir(), p));
const COMMUNE_CONFIG = path.join(FIXTURES, 'commune', 'lllweek.yaml');
const FORM_NAME = 'bieu-mau-tuan-le-hoc-tap-suot-doi-2025.xlsx';

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Column number of each header label on row 4. */
function headerColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(4).eachCell((cell, col) => out.set(String(cell.value), col));
  return out;
}

interface Filled {
  unit_code: string;
  unit_name: string;
  date: Date;
  type: string;
  title: string;
  mode: string;
  sessions: number;
  participants: number;
}

describe('lllweek form', () => {
  const dir = tmp();
  const file = path.join(dir, 'f.xlsx');
  let run: ReturnType<typeof lllweek>;
  let wb: ExcelJS.Workbook;
  let types: string[];
  let modes: string[];

  /** Fills the blank form through exceljs and saves it as `name`. */
  async function fill(name: string, activities: Filled[]): Promise<{ file: string; typeCol: string }> {
    const w = await load(file);
    const acts = w.getWorksheet('Hoạt động')!;
    const cols = headerColumns(acts);
    const at = (label: string) => {
      const c = cols.get(label);
      expect({ label, found: c !== undefined }).toEqual({ label, found: true });
      return c!;
    };
    acts.getCell(2, 2).value = 'Phường Móng Cái 1';
    activities.forEach((a, i) => {
      const r = acts.getRow(5 + i);
      r.getCell(at('Mã đơn vị')).value = a.unit_code;
      r.getCell(at('Tên đơn vị')).value = a.unit_name;
      r.getCell(at('Ngày tổ chức')).value = a.date;
      r.getCell(at('Loại hoạt động')).value = a.type;
      r.getCell(at('Tên hoạt động')).value = a.title;
      r.getCell(at('Hình thức')).value = a.mode;
      r.getCell(at('Số buổi')).value = a.sessions;
      r.getCell(at('Số lượt người tham gia')).value = a.participants;
    });
    const tallies = w.getWorksheet('Xã hội học tập')!;
    const tc = headerColumns(tallies);
    const figures: [string, string | number][] = [
      ['Mã đơn vị', 'QN-MC1'], ['Tên đơn vị', 'Phường Móng Cái 1'], ['Dân số', 25137], ['Hội viên khuyến học', 9803],
      ['Tổng số hộ gia đình', 6825], ['Gia đình học tập', 5078], ['Tổng số dòng họ', 46], ['Dòng họ học tập', 20],
    ];
    for (const [label, v] of figures) {
      expect({ label, found: tc.has(label) }).toEqual({ label, found: true });
      tallies.getCell(5, tc.get(label)!).value = v;
    }
    const out = path.join(dir, name);
    await w.xlsx.writeFile(out);
    return { file: out, typeCol: acts.getColumn(at('Loại hoạt động')).letter };
  }

  const good = (): Filled[] => [
    { unit_code: 'QN-MC1-TH01', unit_name: 'Trường Tiểu học Hải Hòa', date: new Date(Date.UTC(2025, 9, 2)), type: types[0], title: 'Lễ phát động Tuần lễ', mode: modes[0], sessions: 1, participants: 450 },
    { unit_code: 'QN-MC1-THCS01', unit_name: 'Trường THCS Trần Phú', date: new Date(Date.UTC(2025, 9, 3)), type: types[3], title: 'Lớp kỹ năng số cho phụ huynh', mode: modes[1], sessions: 3, participants: 62 },
    { unit_code: 'QN-MC1', unit_name: 'Phường Móng Cái 1', date: new Date(Date.UTC(2025, 9, 6)), type: types[8], title: 'Ngày hội đọc sách', mode: modes[2], sessions: 2, participants: 800 },
  ];

  beforeAll(async () => {
    // The ward's config: its units list becomes the unit-code dropdown.
    run = lllweek(['form', '--out', file, '--config', COMMUNE_CONFIG], { cwd: dir });
    wb = await load(file);
    const lists = wb.getWorksheet('Danh mục')!;
    const column = (c: number) => (lists.getColumn(c).values as unknown[]).slice(2).filter((v): v is string => typeof v === 'string');
    types = column(1);
    modes = column(2);
  });

  it('writes the workbook: data sheets, instructions, hidden lists', () => {
    expect(run.status).toBe(0);
    expectNoStack(run);
    expect(run.stderr).toContain(file);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Hoạt động', 'visible'],
      ['Xã hội học tập', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['Danh mục', 'hidden'],
    ]);
    expect(types).toContain('Lễ khai mạc, phát động');
    expect(types).toContain('Lớp học, bồi dưỡng');
    expect(types).toHaveLength(13);
    expect(modes).toEqual(['Trực tiếp', 'Trực tuyến', 'Kết hợp']);
    expect(wb.getWorksheet('Danh mục')!.getColumn(3).values).toContain('QN-MC1-TH01');
  });

  it('carries dropdown lists and whole-number and date validation in the sheet XML', () => {
    const xml = sheetXmls(fs.readFileSync(file));
    const acts = xml.get('Hoạt động')!;
    // types, modes and (from the config's units list) unit codes, from the hidden sheet
    expect(acts).toMatch(/<dataValidation type="list"[^>]*sqref="E5:E204"><formula1>&apos;Danh mục&apos;!\$A\$2:\$A\$14<\/formula1>/);
    expect(acts).toMatch(/<dataValidation type="list"[^>]*sqref="G5:G204"><formula1>&apos;Danh mục&apos;!\$B\$2:\$B\$4<\/formula1>/);
    expect(acts).toMatch(/<dataValidation type="list"[^>]*sqref="A5:A204"><formula1>&apos;Danh mục&apos;!\$C\$2:\$C\$10<\/formula1>/);
    expect(acts).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*sqref="I5:I204"><formula1>0<\/formula1>/);
    expect(acts).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*sqref="H5:H204"><formula1>1<\/formula1>/);
    // 01/01/2025 to 31/12/2025 as Excel serial days
    expect(acts).toMatch(/<dataValidation type="date"[^>]*sqref="C5:C204"><formula1>45658<\/formula1><formula2>46022<\/formula2>/);
    expect(xml.get('Xã hội học tập')!).toMatch(/<dataValidation type="whole"/);
  });

  it('filled with valid values through exceljs, it validates clean', async () => {
    const { file: filled } = await fill('filled.xlsx', good());
    const r = lllweek(['validate', filled, '--format', 'json', '--config', COMMUNE_CONFIG], { cwd: dir });
    const doc = JSON.parse(r.stdout);
    expect(doc.issues.filter((i: { severity: string }) => i.severity !== 'info')).toEqual([]);
    expect(doc.summary).toMatchObject({ errors: 0, warnings: 0, tables: 2, rows: 4 });
    expect(doc.tables.map((t: { sheet: string; kind: string; headerRow: number }) => [t.sheet, t.kind, t.headerRow])).toEqual([
      ['Hoạt động', 'activities', 4],
      ['Xã hội học tập', 'tallies', 4],
    ]);
    expect(r.status).toBe(0);
  });

  it('filled with a type not in the list, the error is at its cell', async () => {
    const rows = good();
    rows[1].type = 'Hội thảo khoa học quốc tế';
    const { file: filled, typeCol } = await fill('bad-type.xlsx', rows);
    const r = lllweek(['validate', filled, '--format', 'json', '--config', COMMUNE_CONFIG], { cwd: dir });
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'enum-unknown', sheet: 'Hoạt động', row: 6, column: 'type', cell: `${typeCol}6`, value: 'Hội thảo khoa học quốc tế' }),
    ]);
  });

  it('refuses to overwrite without --force (exit 2, file unchanged), overwrites with it', () => {
    fs.writeFileSync(path.join(dir, 'mine.xlsx'), 'a clerk’s own file');
    const r = lllweek(['form', '--out', 'mine.xlsx'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('already exists; add --force to overwrite');
    expectNoStack(r);
    expect(fs.readFileSync(path.join(dir, 'mine.xlsx'), 'utf8')).toBe('a clerk’s own file');
    const f = lllweek(['form', '--out', 'mine.xlsx', '--force'], { cwd: dir });
    expect(f.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'mine.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('lllweek init', () => {
  const cwd = tmp('lllweek-init-');
  const dir = path.join(cwd, 'bao-cao-2025');
  let first: ReturnType<typeof lllweek>;

  beforeAll(() => {
    // Last year's config in the folder the clerk runs from, with a field this version rejects:
    // init starts afresh and reads none of it.
    fs.writeFileSync(path.join(cwd, 'lllweek.yaml'), 'year: 2024\nold_field: 1\n');
    first = lllweek(['init', 'bao-cao-2025'], { cwd });
  });

  it('writes lllweek.yaml, narrative.md and the blank form of the current year', async () => {
    expectNoStack(first);
    expect(first.status).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([FORM_NAME, 'lllweek.yaml', 'narrative.md'].sort());
    const wb = await load(path.join(dir, FORM_NAME));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hoạt động', 'Xã hội học tập', 'Hướng dẫn', 'Danh mục']);
    expect(String(wb.getWorksheet('Hoạt động')!.getCell('A1').value)).toContain('NĂM 2025');
  });

  it('its lllweek.yaml loads: validate with --config it exits 0', () => {
    const r = lllweek(['validate', path.join(FIXTURES, 'commune-csv', 'hoat-dong-utf8.csv'), '--config', path.join(dir, 'lllweek.yaml')]);
    expectNoStack(r);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('keeps its examples commented and fills in the year', () => {
    const text = fs.readFileSync(path.join(dir, 'lllweek.yaml'), 'utf8');
    const cfg = parseYaml(text);
    expect(cfg.year).toBe(2025);
    expect(cfg.deadline).toBe('2025-10-15');
    for (const key of ['week', 'theme', 'report_date', 'units', 'baseline', 'templates', 'appendix_limit']) expect({ key, set: key in cfg }).toEqual({ key, set: false });
    expect(text).toMatch(/^# week:\n#   start: 2025-10-01$/m);
    expect(text).toMatch(/^# baseline: \.\.\/2024\/bao-cao\.xlsx$/m);
    expect(text).toMatch(/^# units: units\.csv$/m);
    expect(text).not.toContain('{{');
  });

  it('writes narrative.md with sections I, IV and V', () => {
    const text = fs.readFileSync(path.join(dir, 'narrative.md'), 'utf8');
    expect(text).toMatch(/^## I\. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI$/m);
    expect(text).toMatch(/^## IV\. ĐÁNH GIÁ CHUNG$/m);
    expect(text).toMatch(/^## V\. ĐỀ XUẤT, KIẾN NGHỊ$/m);
    expect(text).toContain('năm 2025');
  });

  it('a second init refuses without --force and changes nothing; with --force it overwrites', () => {
    const mine = '## I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI\n\nPhần lời đã viết.\n';
    fs.writeFileSync(path.join(dir, 'narrative.md'), mine);
    const before = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
    const again = lllweek(['init', 'bao-cao-2025'], { cwd });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; add --force to overwrite');
    expectNoStack(again);
    const after = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const f of Object.keys(before)) expect({ f, same: after[f].equals(before[f]) }).toEqual({ f, same: true });

    const forced = lllweek(['init', 'bao-cao-2025', '--force'], { cwd });
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'narrative.md'), 'utf8')).not.toBe(mine);
    expect(fs.readFileSync(path.join(dir, 'narrative.md'), 'utf8')).toContain('## IV. ĐÁNH GIÁ CHUNG');
  });
});
