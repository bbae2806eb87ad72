/**
 * The progress bar (src/cli/progress.ts) is for a person at a terminal: drawn on stderr only when
 * stderr is a TTY and --quiet is not given. A run whose stderr is a pipe (a script, cron, CI)
 * must get nothing of it: no bar characters, no cursor movement, no carriage returns.
 * Where `script` (util-linux) is present, a run under a pseudo-terminal shows that the bar is
 * really drawn there (so the pipe test is not passing for want of a bar), and that --quiet hides it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN, lllweek } from '../helpers/cli';

/** What cli-progress draws: bar glyphs, cursor hide/show, column 1, erase line; and a bare CR. */
const BAR_TRACES = [/[░█▓▒]/u, /\x1b\[\?25[lh]/, /\x1b\[1G/, /\x1b\[2?K/, /\r/, /\d+\/\d+ \| \d+ (rows|dòng)/];

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-progress-'));
  // Three files, one long enough for the bar to redraw several times (it does every 5 000 rows).
  const header = 'Mã đơn vị,Tên đơn vị,Ngày tổ chức,Loại hoạt động,Tên hoạt động,Hình thức,Số buổi,Số lượt người tham gia,Ghi chú\n';
  const row = (i: number) => `QN-MC1,Phường Móng Cái 1,0${1 + (i % 7)}/10/2025,"Lớp học, bồi dưỡng",Lớp tin học cơ bản số ${i},Trực tiếp,2,${10 + (i % 900)},\n`;
  fs.writeFileSync(path.join(dir, 'a.csv'), header + Array.from({ length: 16_000 }, (_, i) => row(i)).join(''));
  fs.writeFileSync(path.join(dir, 'b.csv'), header + Array.from({ length: 50 }, (_, i) => row(i)).join(''));
  fs.writeFileSync(path.join(dir, 'c.csv'), header + Array.from({ length: 50 }, (_, i) => row(i + 50)).join(''));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const expectNoBar = (stderr: string) => {
  for (const trace of BAR_TRACES) expect({ trace: String(trace), found: trace.test(stderr) }).toEqual({ trace: String(trace), found: false });
};

describe('stderr is a pipe: nothing of the bar', () => {
  test('validate', () => {
    const r = lllweek(['validate', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('16100');
    expectNoBar(r.stderr);
  });

  test('validate --lang vi', () => {
    const r = lllweek(['validate', dir, '--lang', 'vi']);
    expect(r.status).toBe(0);
    expectNoBar(r.stderr);
  });

  test('report', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-progress-out-'));
    try {
      const r = lllweek(['report', dir, '--out', out, '--format', 'xlsx']);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('Written');
      expectNoBar(r.stderr);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

/** Runs the CLI under a pseudo-terminal: `script` copies what the terminal received to its stdout. */
function underTty(args: string[]): string {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qc', `${cmd} >/dev/null`, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', NO_COLOR: '1', LLLWEEK_TODAY: '2025-10-12' },
    timeout: 60_000,
  });
  return r.stdout ?? '';
}

const hasScript = spawnSync('script', ['-qc', 'true', '/dev/null']).status === 0;
const ttyTest = hasScript && process.platform === 'linux' ? test : test.skip;

describe('stderr is a terminal', () => {
  ttyTest('the bar is drawn, counting files and rows, then cleared', () => {
    const seen = underTty(['validate', dir]);
    expect(seen).toMatch(/[░█]/u);
    expect(seen).toMatch(/\d+\/3 \| \d+ rows/);
    expect(seen).toMatch(/\x1b\[2K/); // cleared before the results
  });

  ttyTest('--quiet: no bar', () => {
    expectNoBar(underTty(['validate', dir, '--quiet']));
  });
});
