import type { Lang } from '../catalog/lang';
import { terminalLines, terminalSafe } from './terminal';

/**
 * Diagnostics and progress on stderr, results on stdout; `--quiet` keeps only errors.
 * Whatever goes to stderr through here is made safe for a terminal (./terminal): a file name or a
 * value inside a message cannot clear the screen or forge a line. Several lines are given as an
 * array, never joined with `\n` by the caller: a line break inside one of them is shown as `\n`.
 */
export class Console {
  constructor(
    public lang: Lang,
    readonly quiet: boolean,
  ) {}

  /** A result: always printed, as given (JSON, or text the formatter has already made safe). */
  out(text: string): void {
    process.stdout.write(text);
  }

  info(lines: string | readonly string[]): void {
    if (!this.quiet) process.stderr.write(`${terminalLines(typeof lines === 'string' ? [lines] : lines)}\n`);
  }

  error(text: string): void {
    process.stderr.write(`lllweek: ${terminalSafe(text)}\n`);
  }
}
