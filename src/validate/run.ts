import { UNREADABLE_REASONS, type Lang } from '../catalog/messages';
import { expandInputs } from '../read/files';
import { openTables } from '../read/open';
import type { ReadNotice } from '../read/types';
import { Fatal } from '../fatal';
import { CheckState, type CheckSettings } from './check-state';
import { checkTable, type TableInfo } from './check-table';
import { buildLabelIndex } from './header';
import type { Issue } from './issue';
import { IssueSink } from './issue-sink';
import type { RecordSink } from '../records/records';

export interface CheckResult {
  files: string[];
  tables: TableInfo[];
  issues: Issue[];
  summary: { errors: number; warnings: number; infos: number; tables: number; rows: number };
  /** The week's year: configured, else decided from the activity dates; null when neither. */
  year: number | null;
}

export interface CheckHooks {
  /** Called once per file before it is read, and per data row, for a progress bar. */
  onFile?: (file: string, index: number, total: number) => void;
  onRow?: () => void;
  /** Files found under a folder argument that are not inputs (the report's own earlier outputs). */
  skip?: (file: string) => boolean;
}

/** Sends what a reader says about a file into the issue list. */
export function noticeToIssue(sink: IssueSink, n: ReadNotice, table: number): void {
  if (n.code === 'file-unreadable') sink.add(n.code, { file: n.file }, { reason: UNREADABLE_REASONS[n.reason][sink.lang] }, table);
  else if (n.code === 'csv-malformed') sink.add(n.code, { file: n.file, row: n.row }, { line: n.row, detail: n.detail }, table);
  else sink.add(n.code, { file: n.file }, { encoding: n.encoding }, table);
}

/** Check every table of the inputs (files or folders), handing clean records to `records`. */
export async function checkInputs(
  inputs: string[],
  settings: CheckSettings,
  records: RecordSink,
  lang: Lang,
  hooks: CheckHooks = {},
): Promise<CheckResult> {
  const expanded = await expandInputs(inputs);
  if (expanded.missing.length > 0) throw new Fatal('input-missing', { value: expanded.missing[0] });
  const skip = hooks.skip;
  // A file named on the command line is always an input; only what a folder holds may be skipped.
  const files = skip ? expanded.files.filter((f) => inputs.includes(f) || !skip(f)) : expanded.files;
  if (files.length === 0) throw new Fatal('no-inputs');
  return checkFiles(files, settings, records, lang, hooks);
}

export async function checkFiles(files: string[], settings: CheckSettings, records: RecordSink, lang: Lang, hooks: CheckHooks = {}): Promise<CheckResult> {
  const sink = new IssueSink(lang);
  const state = new CheckState(settings, sink, records);
  const index = buildLabelIndex(settings.indicators);
  const tables: TableInfo[] = [];
  let ordinal = 0;
  for (const [i, file] of files.entries()) {
    hooks.onFile?.(file, i, files.length);
    const fileOrdinal = ordinal;
    for await (const table of openTables(file, (n) => noticeToIssue(sink, n, fileOrdinal))) {
      const info = await checkTable(state, index, table, ordinal++, hooks.onRow);
      if (info) tables.push(info);
    }
    ordinal++;
  }
  const year = state.dates.finish();
  state.units.finish(sink);
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  return {
    files,
    tables,
    issues: sink.issues(),
    summary: { errors: sink.counts.error, warnings: sink.counts.warning, infos: sink.counts.info, tables: tables.length, rows },
    year,
  };
}
