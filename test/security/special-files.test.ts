/**
 * `lllweek validate` on what is not a regular readable file: a FIFO (named pipe), a file or
 * folder it may not read, a symlink loop, a dangling link. It finishes (no hang), reports what
 * it could not read as a coded issue and never prints a stack.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, expectNoStack, type Ran } from '../helpers/cli';
import { activitiesCsv, tmpDir } from './helpers';

/** Like lllweek() in helpers/cli, but killed after `ms`: a hang must fail the test, not stall the suite. */
function lllweekTimed(args: string[], cwd: string, ms = 20_000): Ran & { signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', LLLWEEK_TODAY: '2025-10-12' },
    encoding: 'utf8',
    timeout: ms,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const ROOT_USER = process.getuid?.() === 0; // root reads through chmod 000
const WINDOWS = process.platform === 'win32';

function fifo(p: string): void {
  execFileSync('mkfifo', [p]);
}

describe('special files', () => {
  const dir = tmpDir('lllweek-special-');
  beforeAll(() => {
    fs.writeFileSync(path.join(dir, 'ok.csv'), activitiesCsv([{}]));
  });

  const codesOf = (r: Ran) => (JSON.parse(r.stdout).issues as { code: string; file: string }[]).map((i) => [i.file, i.code]);

  (WINDOWS ? it.skip : it)('a folder holding a FIFO named .csv: the FIFO is passed over, the rest is read', () => {
    const d = path.join(dir, 'with-fifo');
    fs.mkdirSync(d);
    fs.copyFileSync(path.join(dir, 'ok.csv'), path.join(d, 'ok.csv'));
    fifo(path.join(d, 'pipe.csv'));
    const r = lllweekTimed(['validate', 'with-fifo', '--format', 'json'], dir);
    expect(r.signal).toBeNull();
    expectNoStack(r);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.tables).toBe(1);
  });

  (WINDOWS ? it.skip : it)('a FIFO named on the command line: file-unreadable, not a wait for a writer that never comes', () => {
    fifo(path.join(dir, 'direct.csv'));
    const r = lllweekTimed(['validate', 'direct.csv', 'ok.csv', '--format', 'json'], dir);
    expect(r.signal).toBeNull();
    expectNoStack(r);
    expect(r.status).toBe(1);
    expect(codesOf(r)).toEqual([['direct.csv', 'file-unreadable']]);
  });

  it('/dev/null named on the command line: file-unreadable', () => {
    if (WINDOWS) return;
    const r = lllweekTimed(['validate', '/dev/null', '--format', 'json'], dir);
    expectNoStack(r);
    expect(r.status).toBe(1);
    expect(codesOf(r)).toEqual([['/dev/null', 'file-unreadable']]);
  });

  it('a symlink loop and a dangling link, named and inside a folder: no hang, no stack', () => {
    const d = path.join(dir, 'links');
    fs.mkdirSync(d);
    fs.copyFileSync(path.join(dir, 'ok.csv'), path.join(d, 'ok.csv'));
    fs.symlinkSync('loop.csv', path.join(d, 'loop.csv'));
    fs.symlinkSync('nowhere.csv', path.join(d, 'dangling.csv'));
    fs.symlinkSync('..', path.join(d, 'up')); // a folder link back up the tree
    const inFolder = lllweekTimed(['validate', 'links', '--format', 'json'], dir);
    expect(inFolder.signal).toBeNull();
    expectNoStack(inFolder);
    expect([0, 1]).toContain(inFolder.status);
    const named = lllweekTimed(['validate', 'links/loop.csv', '--format', 'json'], dir);
    expect(named.signal).toBeNull();
    expectNoStack(named);
    expect([1, 2]).toContain(named.status);
  });

  (ROOT_USER || WINDOWS ? it.skip : it)('an unreadable file (chmod 000), named and inside a folder: file-unreadable, no stack', () => {
    const d = path.join(dir, 'locked');
    fs.mkdirSync(d);
    fs.copyFileSync(path.join(dir, 'ok.csv'), path.join(d, 'ok.csv'));
    fs.writeFileSync(path.join(d, 'secret.csv'), activitiesCsv([{}]));
    fs.chmodSync(path.join(d, 'secret.csv'), 0o000);
    try {
      const r = lllweekTimed(['validate', 'locked', '--format', 'json'], dir);
      expectNoStack(r);
      expect(r.status).toBe(1);
      expect(codesOf(r)).toEqual([[path.join('locked', 'secret.csv'), 'file-unreadable']]);
      const named = lllweekTimed(['validate', 'locked/secret.csv'], dir);
      expectNoStack(named);
      expect(named.status).toBe(1);
      expect(named.stdout).toContain('file-unreadable');
    } finally {
      fs.chmodSync(path.join(d, 'secret.csv'), 0o600);
    }
  });

  (ROOT_USER || WINDOWS ? it.skip : it)('an unreadable sub-folder (chmod 000): the readable files still count, no stack', () => {
    const d = path.join(dir, 'locked-dir');
    fs.mkdirSync(path.join(d, 'closed'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'ok.csv'), path.join(d, 'ok.csv'));
    fs.chmodSync(path.join(d, 'closed'), 0o000);
    try {
      const r = lllweekTimed(['validate', 'locked-dir', '--format', 'json'], dir);
      expectNoStack(r);
      expect([0, 1]).toContain(r.status);
      expect(JSON.parse(r.stdout).summary.tables).toBe(1);
    } finally {
      fs.chmodSync(path.join(d, 'closed'), 0o700);
    }
  });
});
