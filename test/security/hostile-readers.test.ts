/**
 * Files built to make the readers hang or fill the memory (issue 15; hostile/README.md): each
 * ends within seconds, under a 256 MB heap, with the right exit status and coded issues — and a
 * second example of each kind, written here, does too.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, expectNoStack, ROOT } from '../helpers/cli';
import { buildZip, deflated } from '../read/helpers';
import { buildXlsx, editPart, ref } from '../read/ooxml-writer';
import { tmpDir } from './helpers';

const HOSTILE = path.join(__dirname, 'hostile');
const dir = tmpDir();
/** Seconds a case may take: the hang guard. Before the readers' caps these took minutes, or crashed. */
const BOUND_S = 20;

interface Outcome {
  status: number | null;
  codes: Record<string, number>;
  reasons: string[];
  issues: Array<{ code: string; cell: string | null; message: string }>;
}

/** `validate --format json` under a 256 MB heap and a time bound, as a scheduled job would run it. */
function validate(file: string): Outcome {
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, 'validate', file, '--format', 'json'], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LLLWEEK_TODAY: '2025-10-12' },
    encoding: 'utf8',
    timeout: BOUND_S * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.signal).toBeNull(); // killed by the time bound: a hang
  expectNoStack({ status: r.status, stdout: r.stdout, stderr: r.stderr });
  expect(r.stderr).not.toMatch(/Internal lllweek error|heap out of memory/);
  const doc = JSON.parse(r.stdout) as { issues: Array<{ code: string; cell: string | null; message: string }> };
  const codes: Record<string, number> = {};
  for (const i of doc.issues) codes[i.code] = (codes[i.code] ?? 0) + 1;
  const reasons = doc.issues.filter((i) => i.code === 'file-unreadable').map((i) => i.message);
  return { status: r.status, codes, reasons, issues: doc.issues };
}

const ACTIVITY_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Số lượt người tham gia'];
const SHEET1 = 'xl/worksheets/sheet1.xml';

describe('super-linear work over a part: an attribute run in workbook.xml', () => {
  test('workbook-attr-redos.xlsx: refused at once', () => {
    const o = validate(path.join(HOSTILE, 'workbook-attr-redos.xlsx'));
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'file-unreadable': 1 } });
  });

  test('second example: a <sheet> tag of 300.000 unbalanced quotes, never closed', () => {
    const xlsx = editPart(buildXlsx([{ name: 'Hoạt động', rows: [ACTIVITY_HEADER] }]), 'xl/workbook.xml', (xml) =>
      xml.replace('<sheet name=', `<sheet ${`'a"`.repeat(100_000)} name=`),
    );
    const f = path.join(dir, 'quotes.xlsx');
    fs.writeFileSync(f, xlsx);
    const o = validate(f);
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'file-unreadable': 1 } });
  });
});

describe('amplification: one huge shared string used by many cells', () => {
  test('shared-string-amplification-date.xlsx: every long cell is a cell-range issue, in seconds', () => {
    const o = validate(path.join(HOSTILE, 'shared-string-amplification-date.xlsx'));
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'cell-range': 1000 } });
    expect(o.issues[0]).toMatchObject({ cell: 'C2', message: expect.stringContaining('32.767') });
  });

  test('second example: a 2-million-character string of 200 runs, in the title and count columns of 3.000 rows', () => {
    const run = 'Tuần lễ hưởng ứng học tập suốt đời '.repeat(300); // 10.500 characters
    const big = { shared: Array.from({ length: 200 }, () => run) };
    const rows = [ACTIVITY_HEADER, ...Array.from({ length: 3000 }, (_, i) => [`X${i}`, 'Xã A', { s: 1, v: '45932' }, 'Tuyên truyền', big, big])];
    const f = path.join(dir, 'runs.xlsx');
    fs.writeFileSync(f, buildXlsx([{ name: 'Hoạt động', rows }]));
    const o = validate(f);
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'cell-range': 6000 } });
  });
});

describe('deep nesting', () => {
  test('deep-nesting-48k.xlsx: refused quickly', () => {
    const o = validate(path.join(HOSTILE, 'deep-nesting-48k.xlsx'));
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'file-unreadable': 1 } });
    expect(o.reasons[0]).toMatch(/abnormal/);
  });

  test('second example: three million nested runs in the shared strings', () => {
    const xlsx = editPart(buildXlsx([{ name: 'Hoạt động', rows: [ACTIVITY_HEADER] }]), 'xl/sharedStrings.xml', (xml) =>
      xml.replace('</sst>', `<si>${'<r>'.repeat(3_000_000)}</si></sst>`),
    );
    const f = path.join(dir, 'nested-sst.xlsx');
    fs.writeFileSync(f, xlsx);
    const o = validate(f);
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'file-unreadable': 1 } });
    expect(o.reasons[0]).toMatch(/abnormal/);
  });
});

describe('cells far to the right', () => {
  const activities = (n: number) => [ACTIVITY_HEADER, ...Array.from({ length: n }, (_, i) => [`X${i}`, 'Xã A', { s: 1, v: '45932' }, 'Tuyên truyền', `Hoạt động ${i}`, 30])];

  test('an empty cell in column XFD on each of 40.000 rows: read in seconds, as the rows they are', () => {
    const xlsx = editPart(buildXlsx([{ name: 'Hoạt động', rows: activities(40_000) }]), SHEET1, (xml) => xml.replace(/<\/row>/g, '<c r="XFD1" s="1"/></row>'));
    const f = path.join(dir, 'xfd-empty.xlsx');
    fs.writeFileSync(f, xlsx);
    const o = validate(f);
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 0, codes: {} });
  });

  test('second example: a value in column XFD on each of 40.000 rows is refused once the blanks pass the cap', () => {
    let row = 1;
    const xlsx = editPart(buildXlsx([{ name: 'Hoạt động', rows: activities(40_000) }]), SHEET1, (xml) =>
      xml.replace(/<\/row>/g, () => `<c r="${ref(16_383, row++)}"><v>1</v></c></row>`),
    );
    const f = path.join(dir, 'xfd-values.xlsx');
    fs.writeFileSync(f, xlsx);
    const o = validate(f);
    expect(o.status).toBe(1);
    expect(o.codes['file-unreadable']).toBe(1);
    expect(o.reasons[0]).toMatch(/abnormal/);
  });
});

describe('one CSV line of empty fields', () => {
  test('200 MB of commas: refused after the first slice, never read whole', () => {
    const f = path.join(dir, 'commas.csv');
    const fd = fs.openSync(f, 'w');
    fs.writeSync(fd, `${ACTIVITY_HEADER.join(',')}\n`);
    const mb = Buffer.alloc(1024 * 1024, ',');
    for (let i = 0; i < 200; i++) fs.writeSync(fd, mb);
    fs.closeSync(fd);
    const o = validate(f);
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'file-unreadable': 1 } });
    expect(o.reasons[0]).toMatch(/16\.384 columns/);
  });

  test('second example: a record of 20.000 quoted empty fields ("",""…)', () => {
    const f = path.join(dir, 'quoted-empties.csv');
    fs.writeFileSync(f, `${ACTIVITY_HEADER.join(',')}\nX1,Xã A,02/10/2025,Tuyên truyền,T,30\n${'"",'.repeat(20_000)}\n`);
    const o = validate(f);
    expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'file-unreadable': 1 } });
  });
});

test('a zip whose only part is a 2 KB workbook.xml of one open tag, never closed: damaged, said at once', () => {
  const f = path.join(dir, 'open-tag.xlsx');
  fs.writeFileSync(
    f,
    buildZip([
      deflated('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      deflated('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
      deflated('xl/workbook.xml', `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="${'x'.repeat(2000)}`),
    ]),
  );
  const o = validate(f);
  expect({ status: o.status, codes: o.codes }).toEqual({ status: 1, codes: { 'file-unreadable': 1 } });
});
