/**
 * The contract of the exceljs internals the workbook writers rely on (render/xlsx/exceljs-adapter.ts):
 * the Workbook class by its own module, the sheet validations model, and the mirrors of how exceljs
 * serialises text, shared strings, dates and rows, each against exceljs's own function or output.
 * An exceljs upgrade that breaks one of these fails here (and exceljs is pinned exactly for it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { addValidation, excelSerial, rowOpenTag, sharedStringXml, Workbook, workbookParts, xmlEncode } from '../../src/render/xlsx/exceljs-adapter';

// exceljs's own helpers, the reference the mirrors are held to.
const utils = require('exceljs/lib/utils/utils') as { xmlEncode(s: string): string; dateToExcel(d: Date): number };

const TEXTS = ['plain', 'a & b <c> "d" \'e\'', 'x\u0001y\u007fz\tw\nv\r', ' cách đầu', 'cách cuối ', 'hai\ndòng', 'Xã Hòa Phú', '\ud83d\ude00', ''];

test('exceljs is the version pinned in package.json', () => {
  const root = path.join(__dirname, '..', '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'exceljs', 'package.json'), 'utf8')) as { version: string };
  expect(pkg.dependencies.exceljs).toBe(installed.version);
});

test("lib/doc/workbook is exceljs's Workbook", () => {
  expect(Workbook).toBe(ExcelJS.Workbook);
});

test.each(TEXTS.map((t) => [JSON.stringify(t), t]))('xmlEncode(%s) is exceljs’s', (_shown, t) => {
  expect(xmlEncode(t)).toBe(utils.xmlEncode(t));
});

test('dates: excelSerial is exceljs’s dateToExcel', () => {
  for (const iso of ['2025-10-01', '2025-10-07', '1900-03-01', '2099-12-31']) {
    const d = new Date(`${iso}T00:00:00Z`);
    expect(excelSerial(d)).toBe(utils.dateToExcel(d));
  }
});

test('shared strings, rows and validations are written as the mirrors say', async () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet('S');
  TEXTS.filter((t) => xmlEncode(t) !== '').forEach((t, i) => (ws.getCell(i + 1, 2).value = t));
  ws.getCell(1, 4).value = 5;
  addValidation(ws, 'C2:C9', { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true });
  const parts = await workbookParts(wb);
  const sst = strFromU8(parts['xl/sharedStrings.xml']);
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  expect(strings).toEqual(TEXTS.filter((t) => xmlEncode(t) !== '').map(sharedStringXml));
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
  expect(sheet).toContain(rowOpenTag(1, 2, 4));
  expect(sheet).toMatch(/<dataValidation type="whole"[^>]*sqref="C2:C9">/);
});
