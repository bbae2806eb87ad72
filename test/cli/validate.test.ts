import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, lllweek, expectNoStack } from '../helpers/cli';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-validate-'));

describe('validate on clean data in every shape a clerk sends', () => {
  it('the commune workbook: header on row 4 under a merged title, the instructions sheet skipped', () => {
    const r = lllweek(['validate', 'fixtures/commune/bao-cao-phuong-mong-cai-1.xlsx', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['valid', 'summary', 'tables', 'issues']);
    expect(doc.valid).toBe(true);
    expect(doc.summary).toEqual({ errors: 0, warnings: 0, infos: 1, tables: 2, rows: 39 });
    expect(doc.tables).toEqual([
      { file: 'fixtures/commune/bao-cao-phuong-mong-cai-1.xlsx', sheet: 'Hoạt động', kind: 'activities', headerRow: 4, rows: 38, encoding: null },
      { file: 'fixtures/commune/bao-cao-phuong-mong-cai-1.xlsx', sheet: 'Xã hội học tập', kind: 'tallies', headerRow: 4, rows: 1, encoding: null },
    ]);
    expect(doc.issues).toEqual([
      {
        code: 'table-unrecognized', severity: 'info', file: 'fixtures/commune/bao-cao-phuong-mong-cai-1.xlsx', sheet: 'Hướng dẫn',
        row: null, column: null, cell: null, value: null, message: expect.stringContaining('Skipped'),
      },
    ]);
  });

  it.each([
    ['hoat-dong-utf8.csv', 'utf-8', 'activities', 38, 1],
    ['hoat-dong-windows-1258.csv', 'windows-1258', 'activities', 38, 1],
    ['xa-hoi-hoc-tap-utf16.csv', 'utf-16le', 'tallies', 1, 3],
    ['hoat-dong-nfd-upper.csv', 'utf-8', 'activities', 38, 1],
  ])('%s reads clean as %s', (file, encoding, kind, rows, headerRow) => {
    const r = lllweek(['validate', path.join('fixtures/commune-csv', file), '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.errors).toBe(0);
    expect(doc.summary.warnings).toBe(0);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]).toMatchObject({ sheet: null, kind, encoding, rows, headerRow });
    const infos = doc.issues.map((i: { code: string }) => i.code);
    expect(infos).toEqual(encoding === 'windows-1258' ? ['encoding-guessed'] : []);
    expect(r.status).toBe(0);
  });

  it('a folder means every spreadsheet inside, recursively, skipping lock and hidden files', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'xa', '.an'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'commune-csv', 'hoat-dong-utf8.csv'), path.join(dir, 'xa', 'a.csv'));
    fs.writeFileSync(path.join(dir, 'xa', '~$a.xlsx'), 'lock');
    fs.writeFileSync(path.join(dir, 'xa', '.an', 'b.csv'), 'junk"');
    fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'not a table');
    const r = lllweek(['validate', dir, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.tables.map((t: { file: string }) => path.basename(t.file))).toEqual(['a.csv']);
    expect(r.status).toBe(0);
  });

  it('the province: fifteen workbooks, no issue', () => {
    const r = lllweek(['validate', '.', '--format', 'json'], { cwd: path.join(FIXTURES, 'province') });
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.errors + doc.summary.warnings).toBe(0);
    expect(doc.tables.filter((t: { kind: string }) => t.kind === 'activities')).toHaveLength(14);
    expect(r.status).toBe(0);
  });
});

describe('validate exit statuses and messages', () => {
  it('exits 1 on errors; --strict makes warnings count', () => {
    const cwd = path.join(FIXTURES, 'broken');
    expect(lllweek(['validate', 'dates.xlsx'], { cwd }).status).toBe(1);
    const warnOnly = lllweek(['validate', 'row-duplicate.xlsx'], { cwd });
    expect(warnOnly.status).toBe(0);
    expect(lllweek(['validate', 'row-duplicate.xlsx', '--strict'], { cwd }).status).toBe(1);
  });

  it('text output groups by file and sheet and closes with a count line', () => {
    const r = lllweek(['validate', 'exceeds-total.xlsx', '--lang', 'vi'], { cwd: path.join(FIXTURES, 'broken') });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('exceeds-total.xlsx › Xã hội học tập');
    expect(lines[1]).toMatch(/^ {2}[A-Z]+\d+ +lỗi +.+\[exceeds-total\]$/);
    expect(lines[lines.length - 1]).toMatch(/^\d+ lỗi, \d+ cảnh báo, \d+ thông tin; \d+ bảng, \d+ dòng số liệu$/);
    expect(r.stderr).toBe('');
  });

  it('takes Vietnamese from the locale and --lang over it', () => {
    const cwd = path.join(FIXTURES, 'broken');
    const vi = lllweek(['validate', 'exceeds-total.xlsx'], { cwd, env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.stdout).toContain('lớn hơn');
    const en = lllweek(['validate', 'exceeds-total.xlsx', '--lang', 'en'], { cwd, env: { LANG: 'vi_VN.UTF-8' } });
    expect(en.stdout).toContain('is larger than');
  });

  it.each([
    [['validate', 'khong-co.xlsx'], /not found/],
    [['validate'], /missing required argument/],
    [['validate', 'fixtures/commune', '--format', 'xml'], /invalid/i],
    [['validate', 'fixtures/commune', '--bogus'], /unknown option/],
    [['validate', 'fixtures/commune', '--config', 'khong-co.yaml'], /Config file khong-co.yaml not found/],
  ])('%j could not run: exit 2, one clear line, no stack', (args, message) => {
    const r = lllweek(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
    expectNoStack(r);
  });

  it.each([
    ['year: "hai nghìn"\n', /"year".*a year/],
    ['week:\n  start: 01/10/2025\n  end: 2025-10-07\n', /"week.start".*yyyy-mm-dd/],
    ['decimals: 9\n', /"decimals"/],
    ['agency:\n  nam: X\n', /"agency.nam".*no such field/],
    ['year: 2025\nyear: 2024\n', /not valid YAML at line/],
    ['units: khong-co.csv\n', /units list khong-co.csv/],
    ['- 1\n- 2\n', /Config field/],
  ])('a bad config %j names the field and exits 2', (yaml, message) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'lllweek.yaml'), yaml);
    const r = lllweek(['validate', path.join(FIXTURES, 'commune-csv', 'hoat-dong-utf8.csv')], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expectNoStack(r);
  });

  it('--version and --help', () => {
    expect(lllweek(['--version']).stdout.trim()).toBe(require('../../package.json').version);
    const help = lllweek(['validate', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Example:');
  });
});
