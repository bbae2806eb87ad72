/**
 * A unit name (and a title, a note) carrying C0 control characters and lone surrogates cannot
 * break the XML of the written .docx or .xlsx: every part parses as XML 1.0, and the name's
 * text is there without the characters XML cannot hold.
 *
 * Two ways in: a UTF-16LE CSV (where NUL is an ordinary character and any code unit, a lone
 * surrogate included, can be written) and an XLSX whose strings carry OOXML `_xHHHH_` escapes,
 * which the reader decodes (`_x0001_` → U+0001, `_xD800_` → a lone surrogate).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
// A strict XML 1.0 parser (exceljs reads workbooks with it): it rejects disallowed characters and character references.
import { SaxesParser } from 'saxes';
import { expectNoStack, lllweek } from '../helpers/cli';
import { docxText } from '../helpers/zip';
import { HEADER, outputFile, tmpDir, zipParts } from './helpers';

const CONTROLS = '\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff';
/** What XML 1.0 cannot carry, as raw characters (lone surrogates included: `u` flag). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;
/** ...nor as character references. */
const NOT_XML_REF = /&#(?:x0*(?:[0-8bcef]|1[0-9a-f]|d[89a-f][0-9a-f]{2}|fff[ef])|0*(?:[0-8]|1[124-9]|2\d|3[01]));/i;

const NAME = 'Phường Hải Hòa';
/** The name as typed by the attacker: controls between the words, a lone high and a lone low surrogate at the end. */
const DIRTY_NAME = `Phường\u0000 Hải\u0001\u0008 Hòa${CONTROLS}\ud800`;
const DIRTY_TITLE = `Tuyên\u000b truyền\u001f trên loa\udc00`;
const DIRTY_NOTE = `ghi\u0000chú\u0007`;

/** Parses every XML part of an OOXML file; returns the problems found (empty when all are well-formed). */
function xmlProblems(file: string): string[] {
  const problems: string[] = [];
  const parts = zipParts(file);
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push(`${name}: not valid UTF-8`);
      continue;
    }
    const bad = NOT_XML.exec(xml) ?? NOT_XML_REF.exec(xml);
    if (bad) problems.push(`${name}: ${JSON.stringify(bad[0])} at ${bad.index}`);
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => problems.push(`${name}: ${e.message}`));
    try {
      parser.write(xml).close();
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
    }
  }
  return problems;
}

function sharedAndSheetText(file: string): string {
  const parts = zipParts(file);
  return Object.keys(parts)
    .filter((n) => /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(n))
    .map((n) => strFromU8(parts[n]).replace(/<[^>]+>/g, ' '))
    .join('\n');
}

/** The name survives: its words in order, nothing between them but the space typed (a lone surrogate may become U+FFFD or go). */
function expectName(text: string): void {
  expect(text).toContain(NAME);
  expect(text).not.toMatch(/Phường\s*\S\s*Hải|Hải\s*\S+\s*Hòa/u);
}

const UNITS_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'];
const ACTIVITY_HEADER = HEADER.slice(0, 6).concat('Ghi chú');

function runReport(dir: string): { run: ReturnType<typeof lllweek>; out: string } {
  fs.writeFileSync(path.join(dir, 'lllweek.yaml'), 'agency:\n  unit: X1\n');
  const out = tmpDir('lllweek-ctrl-out-');
  const run = lllweek(['report', 'in', '--out', out, '--force'], { cwd: dir });
  return { run, out };
}

describe.each([
  [
    'a UTF-16LE CSV',
    (dir: string) => {
      const u16 = (rows: string[][]) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.map((r) => r.join('\t')).join('\r\n') + '\r\n', 'utf16le')]);
      fs.writeFileSync(path.join(dir, 'in', 'units.csv'), u16([UNITS_HEADER, ['X1', DIRTY_NAME, 'phường', '']]));
      fs.writeFileSync(
        path.join(dir, 'in', 'hd.csv'),
        u16([ACTIVITY_HEADER, ['X1', DIRTY_NAME, '02/10/2025', 'Tuyên truyền', DIRTY_TITLE, '30', DIRTY_NOTE]]),
      );
    },
  ],
  [
    'an XLSX with _xHHHH_ escapes',
    async (dir: string) => {
      const esc = (s: string) => s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Đơn vị').addRows([UNITS_HEADER, ['X1', esc(DIRTY_NAME), 'phường', null]]);
      wb.addWorksheet('Hoạt động').addRows([ACTIVITY_HEADER, ['X1', esc(DIRTY_NAME), '02/10/2025', 'Tuyên truyền', esc(DIRTY_TITLE), 30, esc(DIRTY_NOTE)]]);
      fs.writeFileSync(path.join(dir, 'in', 'don-vi.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    },
  ],
])('control characters and lone surrogates from %s', (_, write) => {
  let run: ReturnType<typeof lllweek>;
  let out: string;
  beforeAll(async () => {
    const dir = tmpDir('lllweek-ctrl-');
    fs.mkdirSync(path.join(dir, 'in'));
    await write(dir);
    ({ run, out } = runReport(dir));
  });

  it('the report is written, without a stack', () => {
    expectNoStack(run);
    expect(run.status).toBe(0);
  });

  it('every XML part of the .docx is well-formed (word/document.xml first of all)', () => {
    const docx = outputFile(out, 'docx');
    expect(Object.keys(zipParts(docx))).toContain('word/document.xml');
    expect(xmlProblems(docx)).toEqual([]);
  });

  it('the .docx carries the name, title and note minus the control characters', () => {
    const text = docxText(outputFile(out, 'docx'));
    expectName(text);
    expect(text).toContain('PHƯỜNG HẢI HÒA'); // the header block's upper-cased agency line
  });

  it('every XML part of the .xlsx is well-formed', () => {
    expect(xmlProblems(outputFile(out, 'xlsx'))).toEqual([]);
  });

  it('the .xlsx carries the name, title and note minus the control characters', () => {
    const text = sharedAndSheetText(outputFile(out, 'xlsx'));
    expectName(text);
    expect(text).toMatch(/Tuyên truyền trên loa/);
    expect(text).toMatch(/ghichú/);
  });
});
