/**
 * File names and cell values reach the terminal (stderr, and `validate`'s text on stdout) as visible
 * escapes, never as what a terminal would obey: a name that clears the screen, one that forges a
 * "Rejected:" or an issue line, one that turns `gpj.exe` into `exe.jpg` (U+202E); on every path
 * (issue lines, rollup's rejected files, a fatal message, commander's own errors). JSON output
 * carries them exactly, for the script that reads it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { terminalSafe } from '../../src/cli/terminal';
import { FIXTURES, expectNoStack } from '../helpers/cli';
import { provinceOffice, runBounded } from '../write/helpers';
import { activitiesCsv, tmpDir } from './helpers';

/** What a terminal would obey; only the line breaks between our own lines may remain. */
const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const CLEAR = '\u001b[2J\u001b[H';
const RLO = '\u202e';

describe('terminalSafe', () => {
  it.each([
    ['Vietnamese letters and typographic quotes pass unchanged', 'Phường Hải Hòa – số liệu “2025”.xlsx', 'Phường Hải Hòa – số liệu “2025”.xlsx'],
    ['clear screen, cursor home', `a${CLEAR}b`, 'a\\x1b[2J\\x1b[Hb'],
    ['line breaks and a tab', 'dòng 1\r\ndòng 2\tcột', 'dòng 1\\r\\ndòng 2\\tcột'],
    ['a window title (OSC … BEL)', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['C1 CSI, backspace, DEL, NUL', '\u009b2J\u0008\u007f\u0000', '\\x9b2J\\x08\\x7f\\x00'],
    ['RIGHT-TO-LEFT OVERRIDE', `anh-${RLO}gpj.exe`, 'anh-\\u202egpj.exe'],
    ['every other bidi control', '\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c', '\\u2066\\u2067\\u2068\\u2069\\u202a\\u202b\\u202c\\u202d\\u200e\\u200f\\u061c'],
    ['line and paragraph separators, NEL', '\u2028\u2029\u0085', '\\u2028\\u2029\\x85'],
  ])('%s', (_name, raw, shown) => {
    expect(terminalSafe(raw)).toBe(shown);
    expect(terminalSafe(raw)).not.toMatch(OBEYED);
  });
});

describe('file names', () => {
  const FORGED_LINE = '\n  Rejected: nothing (0 errors)\n';
  const NAMES = [`xa-a${CLEAR}.csv`, `xa-b${FORGED_LINE}.csv`, `xa-c-${RLO}vsc.exe.csv`];

  it('validate: each name shown escaped in its group line, nothing obeyed, no line forged', async () => {
    const dir = tmpDir('lllweek-names-');
    for (const n of NAMES) fs.writeFileSync(path.join(dir, n), ''); // empty: file-unreadable, one issue each
    const r = await runBounded(['validate', '.'], dir, 20);
    expectNoStack(r);
    expect([r.status, r.timedOut, r.stderr]).toEqual([1, false, '']);
    expect(r.stdout).not.toMatch(OBEYED);
    const groups = r.stdout.split('\n').filter((l) => l.startsWith('./xa-'));
    expect(groups).toEqual(['./xa-a\\x1b[2J\\x1b[H.csv', './xa-b\\n  Rejected: nothing (0 errors)\\n.csv', './xa-c-\\u202evsc.exe.csv']);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  Rejected'))).toEqual([]);
  });

  it('validate --format json: the names exactly as they are', async () => {
    const dir = tmpDir('lllweek-names-');
    for (const n of NAMES) fs.writeFileSync(path.join(dir, n), '');
    const r = await runBounded(['validate', '.', '--format', 'json'], dir, 20);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).issues.map((i: { file: string }) => i.file).sort()).toEqual(NAMES.map((n) => `./${n}`).sort());
  });

  it('rollup: a rejected submission’s name on stderr is escaped, and forges no "Rejected:" line', async () => {
    const office = provinceOffice();
    for (const n of NAMES) fs.copyFileSync(path.join(FIXTURES, 'broken', 'unreadable-truncated.xlsx'), path.join(office, 'hop-thu', n.replace(/\.csv$/, '.xlsx')));
    const r = await runBounded(['rollup', 'hop-thu', '--out', 'tong-hop'], office, 60);
    expectNoStack(r);
    expect([r.status, r.timedOut]).toEqual([3, false]);
    expect(r.stderr).not.toMatch(OBEYED);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  Rejected:'))).toEqual([
      '  Rejected: hop-thu/xa-a\\x1b[2J\\x1b[H.xlsx (1 error)',
      '  Rejected: hop-thu/xa-b\\n  Rejected: nothing (0 errors)\\n.xlsx (1 error)',
      '  Rejected: hop-thu/xa-c-\\u202evsc.exe.xlsx (1 error)',
    ]);
  });

  it('a fatal message naming a file (input-missing) and commander’s error quoting an option are escaped', async () => {
    const dir = tmpDir('lllweek-names-');
    const missing = await runBounded(['validate', `khong-co${CLEAR}.csv`], dir, 20);
    expect([missing.status, missing.stderr]).toEqual([2, 'lllweek: khong-co\\x1b[2J\\x1b[H.csv not found\n']);
    const option = await runBounded(['validate', `--x${RLO}${CLEAR}`], dir, 20);
    expect(option.status).toBe(2);
    expect(option.stderr).not.toMatch(OBEYED);
    expect(option.stderr).toContain('--x\\u202e\\x1b[2J\\x1b[H');
  });
});

describe('cell values', () => {
  it('U+202E and a window title in cells: escaped in the text output, exact in the JSON', async () => {
    const dir = tmpDir('lllweek-cells-');
    const type = `Tuyên truyền${RLO}\u001b]0;pwned\u0007`;
    fs.writeFileSync(path.join(dir, 'hd.csv'), activitiesCsv([{ type }, { participants: `12${RLO}` }]));
    const text = await runBounded(['validate', 'hd.csv'], dir, 20);
    expect(text.status).toBe(1);
    expect(text.stdout).not.toMatch(OBEYED);
    expect(text.stdout).toContain('Tuyên truyền\\u202e\\x1b]0;pwned\\x07');
    expect(text.stdout).toContain('12\\u202e');
    const json = await runBounded(['validate', 'hd.csv', '--format', 'json'], dir, 20);
    expect(JSON.parse(json.stdout).issues.map((i: { value: string }) => i.value)).toEqual(expect.arrayContaining([type, `12${RLO}`]));
  });
});
