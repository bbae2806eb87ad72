import type { Lang } from '../catalog/lang';

/** Diagnostics and progress on stderr, results on stdout; `--quiet` keeps only errors. */
export class Console {
  constructor(
    public lang: Lang,
    readonly quiet: boolean,
  ) {}

  /** A result: always printed. */
  out(text: string): void {
    process.stdout.write(text);
  }

  info(text: string): void {
    if (!this.quiet) process.stderr.write(`${text}\n`);
  }

  error(text: string): void {
    process.stderr.write(`lllweek: ${text}\n`);
  }
}
