/**
 * The SheetJS adapter (src/read/sheetjs/) through openTables: what each format's cells come out
 * as, that content (not the name) picks the reader, code page 1258, encryption, size limits, and
 * names that would pollute a prototype.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as run from '../../src/read/sheetjs/run';
import { overLimit, SHEETJS_LIMITS } from '../../src/read/sheetjs/limits';
import { odsValueCells } from '../../src/read/sheetjs/ods-cells';
import { byRow, collect, tmpDir, write } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const FORMATS = path.join(FIXTURES, 'formats');
const COMMUNE_XLSX = path.join(FIXTURES, 'commune', 'bao-cao-phuong-mong-cai-1.xlsx');
const dir = tmpDir();
/** Text as Vietnamese Windows writes it in code page 1258 (the fixtures' encoder, round-trip checked). */
const win1258 = (s: string): Buffer => (require('../../scripts/fixtures/util') as { encodeWin1258(s: string): Buffer }).encodeWin1258(s);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

afterEach(() => jest.restoreAllMocks());

describe('the same tables as the .xlsx, cell for cell', () => {
  let expected: Awaited<ReturnType<typeof collect>>;
  beforeAll(async () => {
    expected = await collect(COMMUNE_XLSX);
  });

  test.each(['bao-cao-libreoffice.xls', 'bao-cao-libreoffice.ods', 'bao-cao-xml-2003.xls'])('%s', async (name) => {
    const got = await collect(path.join(FORMATS, name));
    expect(got.notices).toEqual([]);
    expect(got.tables.map((t) => [t.sheet, t.encoding, t.rows])).toEqual(expected.tables.map((t) => [t.sheet, t.encoding, t.rows]));
  });

  test('a title merged over A1:L1 keeps its text in A1 only, as the file stores it', async () => {
    const { tables } = await collect(path.join(FORMATS, 'bao-cao-libreoffice.xls'));
    expect(tables[0].rows[0]).toEqual({ row: 1, cells: ['BIỂU THỐNG KÊ HOẠT ĐỘNG TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025'] });
  });
});

describe('formulas by their cached result, written by LibreOffice', () => {
  test.each(['cong-thuc-libreoffice.xls', 'cong-thuc-libreoffice.ods'])('%s', async (name) => {
    const { tables, notices } = await collect(path.join(FORMATS, name));
    expect(notices).toEqual([]);
    const rows = byRow(tables[0].rows);
    expect(rows.get(1)).toEqual(['Nhóm', null, 'Ngày']); // merged A1:B1
    expect(rows.get(2)).toEqual([350, 30, utc(2025, 10, 1)]);
    expect(rows.get(3)).toEqual([380, 'Phường Móng Cái 1', utc(2025, 10, 2)]);
    expect(rows.get(4)?.[0]).toEqual({ error: '#DIV/0!' });
  });

  test('a boolean result (.xls)', async () => {
    const { tables } = await collect(path.join(FORMATS, 'cong-thuc-libreoffice.xls'));
    expect(byRow(tables[0].rows).get(4)?.[1]).toBe(true);
  });
});

describe('dates: 1900 and 1904', () => {
  test('a 1904-date .xls: the serials count from 1904 (Excel shows 01/10/2025)', async () => {
    const { tables } = await collect(path.join(FORMATS, 'ngay-1904-libreoffice.xls'));
    expect(tables[0].rows.map((r) => r.cells[2])).toEqual(['Ngày tổ chức', utc(2025, 10, 1), utc(2025, 10, 7)]);
  });
});

describe('text', () => {
  test('an Excel 95 .xls in code page 1258 reads its diacritics (SheetJS codepage tables loaded)', async () => {
    const { tables, notices } = await collect(path.join(FORMATS, 'hoat-dong-excel-95-cp1258.xls'));
    expect(notices).toEqual([]);
    expect(tables.map((t) => t.sheet)).toEqual(['Hoạt động']);
    const rows = byRow(tables[0].rows);
    expect(rows.get(1)?.slice(0, 2)).toEqual(['Mã đơn vị', 'Đơn vị']);
    const titles = tables[0].rows.map((r) => r.cells[5]);
    expect(titles).toContain('Lớp tin học cơ bản cho người cao tuổi');
    expect(titles).toContain('Tọa đàm vai trò của gia đình, dòng họ trong khuyến học, khuyến tài');
    // NFC, as every reader gives text: code page 1258 stores tone marks as combining characters.
    expect(titles.every((t) => typeof t !== 'string' || t === t.normalize('NFC'))).toBe(true);
  });

  const table = '<table><tr><td>Tên hoạt động</td><td>Số lượt</td><td>Ngày</td></tr><tr><td>Lớp tin học cơ bản cho người cao tuổi</td><td>1.250</td><td>02/10/2025</td></tr></table>';
  test.each<[string, Buffer]>([
    ['UTF-8 without BOM or charset', Buffer.from(`<html><body>${table}</body></html>`, 'utf8')],
    ['UTF-8 with a BOM', Buffer.from(`\ufeff<html><body>${table}</body></html>`, 'utf8')],
    ['Windows-1258 declared by a meta tag', win1258(`<html><head><meta charset="windows-1258"></head><body>${table}</body></html>`)],
    ['UTF-16 LE with a BOM', Buffer.from(`\ufeff<html><body>${table}</body></html>`, 'utf16le')],
  ])('HTML export, %s: text as typed, vi-VN numbers and dates left to the checker', async (_, bytes) => {
    const { tables, notices } = await collect(write(dir, 'xuat-excel.xls', bytes));
    expect(notices).toEqual([]);
    expect(tables.map((t) => [t.sheet, t.rows])).toEqual([
      ['xuat-excel', [{ row: 1, cells: ['Tên hoạt động', 'Số lượt', 'Ngày'] }, { row: 2, cells: ['Lớp tin học cơ bản cho người cao tuổi', '1.250', '02/10/2025'] }]],
    ]);
  });

  test('HTML: a colspan shifts the cells after it, as Excel lays them out', async () => {
    const html = '<table><tr><td colspan="2">Đơn vị</td><td>Ngày</td></tr><tr><td>QN-MC1</td><td>Phường Móng Cái 1</td><td>01/10/2025</td></tr></table>';
    const { tables } = await collect(write(dir, 'colspan.xls', html));
    expect(tables[0].rows).toEqual([{ row: 1, cells: ['Đơn vị', null, 'Ngày'] }, { row: 2, cells: ['QN-MC1', 'Phường Móng Cái 1', '01/10/2025'] }]);
  });
});

describe('content, not the name, decides the reader', () => {
  test.each([
    ['an .xlsm', path.join(FORMATS, 'bao-cao-macro.xlsm'), 'bao-cao.xlsm', false],
    ['an .xlsx named .xls', COMMUNE_XLSX, 'bao-cao.xls', false],
    ['an .xls named .xlsx', path.join(FORMATS, 'bao-cao-libreoffice.xls'), 'bao-cao.xlsx', true],
    ['an .ods named .xlsx', path.join(FORMATS, 'bao-cao-libreoffice.ods'), 'bao-cao-ods.xlsx', true],
    ['an HTML export named .xlsx', path.join(FORMATS, 'bao-cao-xuat-excel-html.xls'), 'bao-cao-html.xlsx', true],
  ])('%s', async (_, source, name, viaSheetjs) => {
    const load = jest.spyOn(run, 'loadSheets');
    const { tables, notices } = await collect(write(dir, name, fs.readFileSync(source)));
    expect(notices).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(load).toHaveBeenCalledTimes(viaSheetjs ? 1 : 0);
  });

  test('an OpenDocument text (.odt) is no spreadsheet', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    const { tables, notices } = await collect(write(dir, 'bao-cao.ods', odt));
    expect(tables).toEqual([]);
    expect(notices).toEqual([expect.objectContaining({ reason: 'not-spreadsheet', detail: 'opendocument' })]);
  });
});

describe('refused before or instead of parsing', () => {
  test.each([
    ['mat-khau-libreoffice.xls', 'xls-encrypted'],
    ['mat-khau-libreoffice.ods', 'ods-encrypted'],
  ])('%s (password set by LibreOffice): %s', async (name, reason) => {
    const { tables, notices } = await collect(path.join(FORMATS, name));
    expect(tables).toEqual([]);
    expect(notices).toEqual([expect.objectContaining({ code: 'file-unreadable', reason })]);
  });

  test('an HTML file over the size limit is refused without being parsed', async () => {
    const big = Buffer.alloc(SHEETJS_LIMITS.maxFileBytes + 1, 0x20);
    Buffer.from('<html><table><tr><td>x</td></tr></table>').copy(big);
    const load = jest.spyOn(run, 'loadSheets');
    const { tables, notices } = await collect(write(dir, 'huge.xls', big));
    expect(tables).toEqual([]);
    expect(notices).toEqual([expect.objectContaining({ reason: 'html-too-large' })]);
    expect(load).not.toHaveBeenCalled();
  });

  test('an .ods: its cells with a value are counted before parsing, repeats included', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const file = path.join(FORMATS, 'bao-cao-libreoffice.ods');
    const content = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['content.xml']);
    const { tables } = await collect(file);
    const read = tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.cells.filter((c) => c !== null).length, 0), 0);
    expect(odsValueCells(content, Infinity)).toBe(read);
    const bomb = '<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>';
    expect(odsValueCells(bomb, SHEETJS_LIMITS.maxOdsCells)).toBeGreaterThan(SHEETJS_LIMITS.maxOdsCells);
    // LibreOffice's padding: empty cells and rows repeated to the sheet's end cost nothing.
    expect(odsValueCells('<table:table-row table:number-rows-repeated="1048553"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>', 10)).toBe(0);
  });

  test('an .ods whose parts unpack beyond the limit', () => {
    expect(overLimit({ format: 'ods', fileSize: 1000, unpackedSize: SHEETJS_LIMITS.maxUnpackedBytes + 1 })).toMatch(/^unpacks to/);
    expect(overLimit({ format: 'ods', fileSize: 1000, unpackedSize: 1000 })).toBeNull();
  });
});

describe('the worker thread bounds what SheetJS may take (the built worker: npm test builds first)', () => {
  const WORKER = path.resolve(__dirname, '..', '..', 'dist', 'read', 'sheetjs', 'worker.js');
  const XLS = path.join(FORMATS, 'bao-cao-libreoffice.xls');

  test('past its time: too-large, and the next file gets a fresh thread', async () => {
    expect(fs.existsSync(WORKER)).toBe(true);
    const slow = await run.loadSheetsOnWorker(WORKER, XLS, 'xls', { ...SHEETJS_LIMITS, maxMillis: 1 });
    expect(slow).toEqual({ ok: false, reason: 'xls-too-large', detail: 'over 0.001 s while parsing' });
    const next = await run.loadSheetsOnWorker(WORKER, XLS, 'xls');
    expect(next.ok && next.sheets.map((s) => s.name)).toEqual(['Hoạt động', 'Xã hội học tập', 'Hướng dẫn']);
  });

  test('past its heap: too-large, not the process', async () => {
    const big = write(dir, 'big.xls', `<table>${'<tr><td>Lớp tin học cơ bản cho người cao tuổi</td><td>1.250</td></tr>'.repeat(200_000)}</table>`);
    const result = await run.loadSheetsOnWorker(WORKER, big, 'html', { ...SHEETJS_LIMITS, maxHeapMb: 32 });
    expect(result.ok ? 'read' : result).toEqual({ ok: false, reason: 'html-too-large', detail: 'over 32 MB while parsing' });
  }, 60_000);
});

describe('sheet and property names are data, never keys of a prototype', () => {
  const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
  /** An XML Spreadsheet 2003 with those sheet names and document properties named like them. */
  const xml = `<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:dt="uuid:C2F41010-65B3-11d1-A29F-00AA00C14882">
<DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><__proto__>x</__proto__><constructor>y</constructor></DocumentProperties>
<CustomDocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><__proto__ dt:dt="string">polluted</__proto__><polluted dt:dt="string">yes</polluted><constructor dt:dt="string">z</constructor></CustomDocumentProperties>
${NAMES.map((n) => `<Worksheet ss:Name="${n}"><Table><Row><Cell><Data ss:Type="String">${n}</Data></Cell><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet>`).join('\n')}
</Workbook>`;

  test('each sheet reads under its own name; Object.prototype is untouched', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const { tables, notices } = await collect(write(dir, 'proto.xls', xml));
    expect(notices).toEqual([]);
    expect(tables.map((t) => [t.sheet, t.rows])).toEqual(NAMES.map((n) => [n, [{ row: 1, cells: [n, 1] }]]));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
  });
});
