/**
 * Cells the reader hands on as markers (read/types.ts, CellError) reach the clerk as coded issues
 * at their cells: a formula never calculated says to open and save the file again; an error
 * result keeps its own text; text past Excel's 32.767 characters is out of range.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectNoStack, lllweek } from '../helpers/cli';
import { buildXlsx, STYLE } from './ooxml-writer';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-markers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Số lượt người tham gia'];
const date = { s: STYLE.date, v: '45932' };
const file = path.join(dir, 'markers.xlsx');
fs.writeFileSync(
  file,
  buildXlsx([
    {
      name: 'Hoạt động',
      rows: [
        HEADER,
        ['X1', 'Xã A', date, 'Tuyên truyền', 'Loa truyền thanh', { f: 'SUM(B9:B12)' }],
        ['X2', 'Xã B', date, 'Tuyên truyền', 'Loa truyền thanh', { t: 'e', f: 'B9/0', v: '#DIV/0!' }],
        ['X3', 'Xã C', date, 'Tuyên truyền', 'Tọa đàm '.repeat(5000), 30],
      ],
    },
  ]),
);

type Issue = { code: string; severity: string; cell: string; value: string; message: string };
function issues(lang: 'en' | 'vi'): Issue[] {
  const r = lllweek(['--lang', lang, 'validate', file, '--format', 'json']);
  expectNoStack(r);
  expect(r.status).toBe(1);
  return (JSON.parse(r.stdout) as { issues: Issue[] }).issues;
}

test('each marker is an error at its cell, with the value the clerk can find', () => {
  expect(issues('en').map(({ code, severity, cell, value }) => ({ code, severity, cell, value }))).toEqual([
    { code: 'cell-type', severity: 'error', cell: 'F2', value: '=SUM(B9:B12)' },
    { code: 'cell-type', severity: 'error', cell: 'F3', value: '#DIV/0!' },
    { code: 'cell-range', severity: 'error', cell: 'E4', value: `${'Tọa đàm '.repeat(5).trim()}…` },
  ]);
});

test('the messages say what to do, in both languages', () => {
  const [noResult, error, long] = issues('en');
  expect(noResult.message).toContain('open the file in Excel or LibreOffice and save it again');
  expect(error.message).toContain('not a formula error');
  expect(long.message).toContain('at most 32.767 characters');
  const vi = issues('vi');
  expect(vi[0].message).toContain('hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại');
  expect(vi[2].message).toContain('tối đa 32.767 ký tự');
});
