import type { Console } from './console';
import type { CheckHooks } from '../validate/run';
import { terminalSafe } from './terminal';

/** Rows between two redraws: a bar must cost nothing next to the rows it counts. */
const EVERY = 5000;

/**
 * A progress bar on stderr for many files and big tables, only when stderr is a terminal and not
 * --quiet: nothing of it reaches pipes or CI logs.
 */
export class Progress {
  private bar: import('cli-progress').SingleBar | null = null;
  private rows = 0;
  private file = '';

  constructor(private readonly con: Console) {}

  get enabled(): boolean {
    return Boolean(process.stderr.isTTY) && !this.con.quiet;
  }

  hooks(): CheckHooks {
    if (!this.enabled) return {};
    return {
      onFile: (file, index, total) => {
        this.file = terminalSafe(file);
        if (!this.bar) this.start(total);
        this.bar?.update(index, { file: this.file, rows: this.rows });
      },
      onRow: () => {
        if (++this.rows % EVERY === 0) this.bar?.update({ file: this.file, rows: this.rows });
      },
    };
  }

  private start(total: number): void {
    const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
    const rowsWord = this.con.lang === 'vi' ? 'dòng' : 'rows';
    this.bar = new SingleBar(
      { format: `{bar} {value}/{total} | {rows} ${rowsWord} | {file}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    this.bar.start(total, 0, { file: '', rows: 0 });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
