import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { buildCfb, buildZip, collect, deflated, deflatedZeros, tmpDir, write } from './helpers';
import type { ReadNotice } from '../../src/read/types';

/** exceljs's worksheet reader, the class the XLSX reader streams every sheet through. */
const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader') as { prototype: { parse(): unknown } };

const dir = tmpDir();

async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hoạt động').getRow(1).values = ['Mã đơn vị', 'Ngày'];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function unreadable(file: string): Promise<ReadNotice[]> {
  const { tables, notices } = await collect(file);
  expect(tables).toEqual([]);
  expect(notices).toHaveLength(1);
  return notices;
}

describe('unreadable files: one notice, no table, no exception', () => {
  test.each<[string, string | Buffer, string, string | undefined]>([
    ['empty', '', 'empty', undefined],
    ['PDF', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', 'not-spreadsheet', 'pdf'],
    ['PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'not-spreadsheet', 'png'],
    ['random binary', Buffer.from([0x13, 0x37, 0x00, 0x42, 0xff, 0x00, 0x01]), 'not-spreadsheet', 'binary'],
    ['a bare CFB header (a damaged .xls)', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]), 'xls-corrupt', undefined],
    ['a CFB holding an empty Workbook stream', buildCfb(['Workbook', 'SummaryInformation']), 'xls-corrupt', undefined],
    ['a CFB holding no workbook (an Outlook message)', buildCfb(['__properties_version1.0']), 'not-spreadsheet', 'cfb'],
    ['a CFB holding EncryptionInfo (password-protected xlsx)', buildCfb(['EncryptionInfo', 'EncryptedPackage']), 'encrypted', undefined],
    ['a CFB holding a Word document', buildCfb(['WordDocument']), 'not-spreadsheet', 'doc'],
    ['HTML with a doctype', '<!DOCTYPE html><html></html>', 'html-xls', 'html'],
    ['XML Spreadsheet 2003 without a worksheet', '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', 'xml2003-corrupt', undefined],
    ['XML that is no spreadsheet', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'html-xls', 'xml'],
    ['UTF-16 HTML', Buffer.from('\ufeff<html></html>', 'utf16le'), 'html-xls', 'html'],
  ])('%s', async (name, data, reason, detail) => {
    const f = write(dir, `${name.replace(/\W+/g, '-')}.xls`, data);
    const [n] = await unreadable(f);
    expect(n).toMatchObject({ code: 'file-unreadable', file: f, reason });
    if (detail) expect(n).toMatchObject({ detail });
  });

  test('a missing file', async () => {
    const f = path.join(dir, 'nope.xlsx');
    expect(await unreadable(f)).toEqual([{ code: 'file-unreadable', file: f, reason: 'not-found' }]);
  });

  test('a truncated CFB still shows its encryption streams', async () => {
    const cfb = buildCfb(['EncryptionInfo', 'EncryptedPackage']);
    const cut = Buffer.concat([cfb.subarray(0, 512), cfb.subarray(1024, 1024 + 400)]); // FAT gone, directory bytes kept
    const [n] = await unreadable(write(dir, 'cut-encrypted.xlsx', cut));
    expect(n).toMatchObject({ reason: 'encrypted' });
  });

  test('a truncated xlsx (download cut short)', async () => {
    const wb = await smallWorkbook();
    const [n] = await unreadable(write(dir, 'truncated.xlsx', wb.subarray(0, Math.floor(wb.length / 2))));
    expect(n).toMatchObject({ reason: 'corrupt' });
  });

  test('a .docx (a zip without xl/workbook.xml)', async () => {
    const docx = buildZip([
      deflated('[Content_Types].xml', '<Types/>'),
      deflated('word/document.xml', '<w:document/>'),
    ]);
    const [n] = await unreadable(write(dir, 'report.xlsx', docx));
    expect(n).toMatchObject({ reason: 'not-spreadsheet', detail: 'docx' });
  });

  /** The small workbook with one part left out of its zip. */
  async function without(part: string): Promise<Buffer> {
    const files = unzipSync(await smallWorkbook());
    return buildZip(Object.entries(files).filter(([name]) => name !== part).map(([name, data]) => deflated(name, data)));
  }

  test('an xlsx whose workbook names a sheet part that is not in the zip', async () => {
    const [n] = await unreadable(write(dir, 'no-sheet-part.xlsx', await without('xl/worksheets/sheet1.xml')));
    expect(n).toMatchObject({ reason: 'corrupt', detail: expect.stringContaining('sheet1.xml') });
  });

  test('an xlsx without its workbook rels', async () => {
    const [n] = await unreadable(write(dir, 'no-rels.xlsx', await without('xl/_rels/workbook.xml.rels')));
    expect(n).toMatchObject({ reason: 'corrupt' });
  });
});

describe('zip bombs are refused before exceljs reads anything', () => {
  afterEach(() => jest.restoreAllMocks());

  test('the spy sees exceljs read an ordinary workbook (so the next test means something)', async () => {
    const parse = jest.spyOn(WorksheetReader.prototype, 'parse');
    const { tables } = await collect(write(dir, 'ordinary.xlsx', await smallWorkbook()));
    expect(tables).toHaveLength(1);
    expect(parse).toHaveBeenCalled();
  });

  test('an xlsx whose sheet1.xml is 300 MB of zeros deflated to a few hundred KB', async () => {
    const files = unzipSync(await smallWorkbook());
    const entries = Object.entries(files).map(([name, data]) =>
      name === 'xl/worksheets/sheet1.xml' ? deflatedZeros(name, 300 * 1024 * 1024) : deflated(name, data),
    );
    const bomb = buildZip(entries);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const f = write(dir, 'bomb.xlsx', bomb);

    const parse = jest.spyOn(WorksheetReader.prototype, 'parse');
    const [n] = await unreadable(f);
    expect(n).toMatchObject({ code: 'file-unreadable', reason: 'too-large', detail: expect.stringContaining('sheet1.xml') });
    expect(parse).not.toHaveBeenCalled();
  });

  test('an absurd number of entries', async () => {
    const files = unzipSync(await smallWorkbook());
    const entries = Object.entries(files).map(([name, data]) => deflated(name, data));
    for (let i = 0; i < 10_001; i++) entries.push({ name: `xl/media/x${i}`, stored: new Uint8Array(0), method: 0, crc: 0, size: 0 });
    const [n] = await unreadable(write(dir, 'many.xlsx', buildZip(entries)));
    expect(n).toMatchObject({ reason: 'too-large' });
  });
});

describe('the bytes decide, not the name', () => {
  test('an xlsx named .csv is read as a workbook, a CSV named .xlsx as text', async () => {
    const wb = write(dir, 'really-a-workbook.csv', await smallWorkbook());
    const csv = write(dir, 'really-text.xlsx', 'Mã đơn vị,Ngày\n01,2/10/2023\n');
    const a = await collect(wb);
    const b = await collect(csv);
    expect(a.tables.map((t) => [t.sheet, t.encoding])).toEqual([['Hoạt động', null]]);
    expect(b.tables.map((t) => [t.sheet, t.encoding])).toEqual([[null, 'utf-8']]);
    expect(b.tables[0].rows[1].cells).toEqual(['01', '2/10/2023']);
  });

  test('a directory given as a file', async () => {
    const d = path.join(dir, 'a-folder.xlsx');
    fs.mkdirSync(d);
    const [n] = await unreadable(d);
    expect(n).toMatchObject({ reason: 'not-spreadsheet' });
  });
});
