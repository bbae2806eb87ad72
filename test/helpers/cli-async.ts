import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './cli';

export interface Done {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI as a child process that does not block the test: several can run at once (on a
 * 2-core machine, two at once halve the wall time) and one can be killed. Same environment as
 * `lllweek()` in ./cli (English, no colour, a pinned "today").
 */
export function start(args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): { child: ChildProcess; done: Promise<Done> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', LLLWEEK_TODAY: '2025-10-12', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<Done>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}
