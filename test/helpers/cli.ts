import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'lllweek');
export const FIXTURES = path.join(ROOT, 'fixtures');

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, in `cwd`, with a pinned "today" and English unless told. */
export function lllweek(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', LLLWEEK_TODAY: '2025-10-12', ...opts.env },
    encoding: 'utf8',
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No user mistake may show a stack trace. */
export function expectNoStack(r: Ran): void {
  expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(r.stderr).not.toMatch(/TypeError|ReferenceError|SyntaxError:/);
}
