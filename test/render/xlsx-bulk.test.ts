/**
 * Very long data tables (more than BULK_ROWS rows) have their rows written as XML rather than as
 * exceljs cells (src/render/xlsx/bulk-rows.ts). The workbook must say exactly what exceljs would
 * have written: every cell's value, number format and border, the shared strings, the column
 * widths, the filter and the frozen header; the sheets before the data sheets are the same XML;
 * and the project's own checker reads the same records back from both.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { renderWorkbook } from '../../src/render/xlsx';
import { BULK_ROWS } from '../../src/render/xlsx/style';
import type { WorkbookInput } from '../../src/render/workbook-input';
import type { Activity, Tally } from '../../src/records/records';
import { checkFiles } from '../../src/validate/run';
import { sampleWorkbookInput } from '../helpers/sample-workbook-input';
import { sheetXmls } from '../helpers/xlsx-inspect';

jest.setTimeout(180_000);

const N_ACTIVITIES = BULK_ROWS + 1_500;
const N_TALLIES = BULK_ROWS + 300;
/** Names a clerk (or an attacker) could type: entities, edge spaces, a line break, control characters. */
const NAMES = ['A & B <C> "D" \'E\'', ' Trường có dấu cách đầu', 'Hai dòng\ntên', 'Xóa\u007f ký\u0001 tự', 'Phường Móng Cái 1'];

function bigInput(base: WorkbookInput): WorkbookInput {
  const acts: Activity[] = [];
  for (let i = 0; i < N_ACTIVITIES; i++) {
    const a = base.activities[i % base.activities.length];
    acts.push({
      ...a,
      unitName: i % 7 === 0 ? null : NAMES[i % NAMES.length],
      title: `${a.title} ${i % 97}`,
      date: `2025-10-0${1 + (i % 7)}`,
      // end dates, captions and notes only far down the table: the rows written as XML carry them
      endDate: i > BULK_ROWS + 100 && i % 3 === 0 ? '2025-10-07' : null,
      caption: i > BULK_ROWS + 200 && i % 5 === 0 ? `Ảnh ${i}` : null,
      notes: i % 11 === 0 ? '=HYPERLINK("http://x","y")' : null,
      participants: i * 37,
      sessions: 1 + (i % 9),
    });
  }
  const t0 = base.tallies[0];
  const tallies: Tally[] = [];
  for (let i = 0; i < N_TALLIES; i++) {
    // Figures first appear after BULK_ROWS, rates later still: exceljs must write rows until every look has occurred.
    const figures = Object.fromEntries(Object.keys(t0.figures).map((k) => [k, i > BULK_ROWS + 100 ? (t0.figures[k] ?? null) : null]));
    if (i > BULK_ROWS + 200) Object.assign(figures, { families_total: 1000 + i, families_learning: 700 + (i % 300) });
    tallies.push({ ...t0, unit: `U${i}`, unitName: NAMES[i % NAMES.length], figures, source: { ...t0.source, row: i + 2 } });
  }
  return { ...base, activities: acts, tallies };
}

let tmp: string;
let bulkBuf: Buffer;
let plainBuf: Buffer;
let bulkWb: ExcelJS.Workbook;
let plainWb: ExcelJS.Workbook;

async function load(b: Buffer): Promise<ExcelJS.Workbook> {
  const w = new ExcelJS.Workbook();
  await w.xlsx.load(b as unknown as ExcelJS.Buffer);
  return w;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-bulk-'));
  const input = bigInput(await sampleWorkbookInput());
  bulkBuf = await renderWorkbook(input);
  plainBuf = await renderWorkbook(input, { bulk: false });
  [bulkWb, plainWb] = await Promise.all([load(bulkBuf), load(plainBuf)]);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const plainValue = (v: ExcelJS.CellValue) => (v instanceof Date ? `date:${v.toISOString()}` : v);

describe.each(['Hoạt động', 'Xã hội học tập'])('sheet %s', (name) => {
  test('every cell as exceljs writes it: value, number format, border, font', () => {
    const a = bulkWb.getWorksheet(name)!;
    const b = plainWb.getWorksheet(name)!;
    expect(a.rowCount).toBe(b.rowCount);
    expect(a.rowCount).toBeGreaterThan(BULK_ROWS);
    // exceljs counts rows and columns anew on each call: ask once.
    const rows = b.rowCount;
    const cols = b.columnCount;
    expect(a.columnCount).toBe(cols);
    const diffs: string[] = [];
    for (let r = 1; r <= rows; r++) {
      const ra = a.getRow(r);
      const rb = b.getRow(r);
      for (let c = 1; c <= cols; c++) {
        const ca = ra.getCell(c);
        const cb = rb.getCell(c);
        const sa = JSON.stringify([plainValue(ca.value), ca.numFmt ?? null, ca.border ?? null, ca.font ?? null, ca.type]);
        const sb = JSON.stringify([plainValue(cb.value), cb.numFmt ?? null, cb.border ?? null, cb.font ?? null, cb.type]);
        if (sa !== sb && diffs.length < 5) diffs.push(`${ca.address}: ${sa} ≠ ${sb}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  test('column widths, filter, frozen header and dimension', () => {
    const a = bulkWb.getWorksheet(name)!;
    const b = plainWb.getWorksheet(name)!;
    expect(a.columns.map((c) => c.width)).toEqual(b.columns.map((c) => c.width));
    expect(a.autoFilter).toEqual(b.autoFilter);
    expect(a.views).toEqual(b.views);
    const dim = (x: string) => /<dimension ref="([^"]+)"/.exec(x)![1];
    expect(dim(sheetXmls(bulkBuf).get(name)!)).toBe(dim(sheetXmls(plainBuf).get(name)!));
  });
});

test('the sheets before the data sheets are the same XML', () => {
  const a = sheetXmls(bulkBuf);
  const b = sheetXmls(plainBuf);
  for (const name of ['Báo cáo', 'Tổng hợp', 'Theo đơn vị']) expect(a.get(name)).toBe(b.get(name));
});

test('the same records read back by the checker, and the same bytes run to run', async () => {
  const read = async (buf: Buffer, file: string) => {
    fs.writeFileSync(path.join(tmp, file), buf);
    const acts: Activity[] = [];
    const tallies: Tally[] = [];
    const result = await checkFiles([path.join(tmp, file)], { year: 2025, week: null, activityTypes: (await sampleWorkbookInput()).activityTypes, modes: (await sampleWorkbookInput()).modes, indicators: (await sampleWorkbookInput()).indicators, units: null },
      { activity: (x) => void acts.push({ ...x, source: { ...x.source, file: '' } }), tally: (x) => void tallies.push({ ...x, source: { ...x.source, file: '' } }), unit: () => undefined });
    return { acts, tallies, summary: result.summary, codes: result.issues.map((i) => `${i.code} ${i.sheet} ${i.row} ${i.column}`) };
  };
  const a = await read(bulkBuf, 'bulk.xlsx');
  const b = await read(plainBuf, 'plain.xlsx');
  expect(a.acts.length).toBe(N_ACTIVITIES);
  expect(a.summary).toEqual(b.summary);
  expect(a.codes).toEqual(b.codes);
  // compared as text: a failing deep equality of 10 000 records would take jest minutes to print
  expect(JSON.stringify(a.acts) === JSON.stringify(b.acts)).toBe(true);
  expect(JSON.stringify(a.tallies) === JSON.stringify(b.tallies)).toBe(true);
  expect(Buffer.compare(await renderWorkbook(bigInput(await sampleWorkbookInput())), bulkBuf)).toBe(0);
});
