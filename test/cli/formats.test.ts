/**
 * The other files offices send (issue 13), through the built CLI: the commune sample as .xls and
 * .ods written by LibreOffice, as an HTML export, as XML Spreadsheet 2003 and as .xlsm gives the
 * report the same figures as its .xlsx; password-protected ones are refused saying which format
 * they were; folders pick them up; a hostile .ods costs a bounded worker thread, not the process.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { FIXTURES, lllweek, expectNoStack } from '../helpers/cli';

const COMMUNE = path.join(FIXTURES, 'commune');
const FORMATS = path.join(FIXTURES, 'formats');
const XLSX = 'bao-cao-phuong-mong-cai-1.xlsx';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A copy of the commune's folder (config, units, narrative, photos) with `file` in place of its workbook. */
function communeWith(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-formats-'));
  dirs.push(dir);
  fs.cpSync(COMMUNE, dir, { recursive: true });
  fs.rmSync(path.join(dir, XLSX));
  fs.copyFileSync(file, path.join(dir, path.basename(file)));
  return dir;
}

function dumpContext(dir: string, input: string): unknown {
  const r = lllweek(['report', input, '--dump-context'], { cwd: dir });
  expectNoStack(r);
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  return JSON.parse(r.stdout);
}

describe('the commune sample in every format gives the .xlsx figures (report --dump-context)', () => {
  let expected: unknown;
  beforeAll(() => {
    expected = dumpContext(communeWith(path.join(COMMUNE, XLSX)), XLSX);
  });

  test.each([
    ['.xls by LibreOffice (BIFF8)', 'bao-cao-libreoffice.xls'],
    ['.ods by LibreOffice', 'bao-cao-libreoffice.ods'],
    ['an HTML table saved as .xls', 'bao-cao-xuat-excel-html.xls'],
    ['XML Spreadsheet 2003 saved as .xls', 'bao-cao-xml-2003.xls'],
    ['.xlsm (macro-enabled)', 'bao-cao-macro.xlsm'],
  ])('%s', (_, name) => {
    expect(dumpContext(communeWith(path.join(FORMATS, name)), name)).toEqual(expected);
  });

  test('an .xls saved under an .xlsx name, and an .xlsx under an .xls name, read by content', () => {
    const dir = communeWith(path.join(FORMATS, 'bao-cao-libreoffice.xls'));
    fs.renameSync(path.join(dir, 'bao-cao-libreoffice.xls'), path.join(dir, 'that-is-binary.xlsx'));
    expect(dumpContext(dir, 'that-is-binary.xlsx')).toEqual(expected);
    const other = communeWith(path.join(COMMUNE, XLSX));
    fs.renameSync(path.join(other, XLSX), path.join(other, 'that-is-ooxml.xls'));
    expect(dumpContext(other, 'that-is-ooxml.xls')).toEqual(expected);
  });
});

describe('validate', () => {
  test('a folder holding an .ods and an .xlsm reads both (two tables each, the instruction sheet skipped)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-formats-'));
    dirs.push(dir);
    fs.copyFileSync(path.join(FORMATS, 'bao-cao-libreoffice.ods'), path.join(dir, 'a.ods'));
    fs.copyFileSync(path.join(FORMATS, 'bao-cao-macro.xlsm'), path.join(dir, 'b.xlsm'));
    const r = lllweek(['validate', '.', '--format', 'json', '--config', path.join(COMMUNE, 'lllweek.yaml')], { cwd: dir });
    const out = JSON.parse(r.stdout) as { tables: { file: string; sheet: string; rows: number }[] };
    expect(out.tables.map((t) => [t.file, t.sheet, t.rows])).toEqual([
      ['./a.ods', 'Hoạt động', 38],
      ['./a.ods', 'Xã hội học tập', 1],
      ['./b.xlsm', 'Hoạt động', 38],
      ['./b.xlsm', 'Xã hội học tập', 1],
    ]);
  });

  test.each([
    ['mat-khau-libreoffice.xls', 'en', 'Cannot read the file: the Excel 97-2003 (.xls) file is protected by a password'],
    ['mat-khau-libreoffice.ods', 'en', 'Cannot read the file: the OpenDocument/LibreOffice (.ods) file is protected by a password'],
    ['mat-khau-libreoffice.xls', 'vi', 'Không đọc được tệp: tệp Excel 97-2003 (.xls) được đặt mật khẩu'],
  ])('%s (%s): file-unreadable naming the format, exit 1', (name, lang, message) => {
    const r = lllweek(['validate', path.join(FORMATS, name), '--format', 'json', '--lang', lang], { cwd: COMMUNE });
    expectNoStack(r);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { tables: unknown[]; issues: { code: string; message: string }[] };
    expect(out.tables).toEqual([]);
    expect(out.issues).toEqual([expect.objectContaining({ code: 'file-unreadable', message: expect.stringContaining(message) })]);
  });

  test('a 1904-date .xls (written by LibreOffice) reads its dates as Excel shows them', () => {
    const r = lllweek(['validate', path.join(FORMATS, 'ngay-1904-libreoffice.xls'), '--format', 'json'], { cwd: COMMUNE });
    const out = JSON.parse(r.stdout) as { issues: unknown[]; tables: { rows: number }[] };
    // 01 and 07/10/2025 inside the week: read with the 1900 epoch they would be 2021 and out of it.
    expect({ status: r.status, issues: out.issues, rows: out.tables.map((t) => t.rows) }).toEqual({ status: 0, issues: [], rows: [2] });
  });
});

describe('a hostile .ods: refused at once, the process answers', () => {
  /** 843 bytes: one cell repeated over 16 384 columns and 1 048 576 rows (SheetJS alone: 4 GB, then a crash). */
  function repeatedCellOds(): Buffer {
    const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Hoạt động"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>Mã đơn vị</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const manifest = '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>';
    return Buffer.from(zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(content),
      'styles.xml': strToU8(`<?xml version="1.0"?><office:document-styles ${ns}/>`),
      'META-INF/manifest.xml': strToU8(manifest),
    }));
  }

  test('a cell repeated 17 billion times: ods-too-large within seconds, not a crash, and the next file still reads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-formats-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'a-repeat.ods'), repeatedCellOds());
    fs.copyFileSync(path.join(FORMATS, 'bao-cao-libreoffice.xls'), path.join(dir, 'b.xls'));
    const t0 = Date.now();
    const r = lllweek(['validate', '.', '--format', 'json', '--config', path.join(COMMUNE, 'lllweek.yaml')], { cwd: dir });
    expect(Date.now() - t0).toBeLessThan(20_000); // hang detection; SheetJS alone: 4 GB and a crash after minutes
    expectNoStack(r);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { tables: { file: string }[]; issues: { code: string; file: string; message: string }[] };
    expect(out.issues.filter((i) => i.code === 'file-unreadable')).toEqual([
      expect.objectContaining({ file: './a-repeat.ods', message: expect.stringContaining('(.ods) file is too large or too complex to read') }),
    ]);
    expect(out.tables.filter((t) => t.file === './b.xls')).toHaveLength(2);
  }, 120_000);
});
