import { expandInputs } from '../read/files';
import { openTables } from '../read/open';
import type { Issue } from '../records/issue';
import type { RecordSink } from '../records/records';
import { Fatal } from '../fatal';
import type { Check, CheckRun, CheckSettings } from './checks/check';
import { CHECKS } from './checks';
import { buildLabelIndex } from './header';
import { IssueSink } from './issue-sink';
import { KnownUnits } from './known-units';
import { assertRaises } from './row-context';
import { checkTable, type TableInfo, type TableRun } from './table';
import { YearJudge } from './year';

export interface CheckResult {
  files: string[];
  tables: TableInfo[];
  issues: Issue[];
  summary: { errors: number; warnings: number; infos: number; tables: number; rows: number };
  /** The week's year: configured, else decided from the activity dates; null when neither. */
  year: number | null;
}

/** What the command line follows of a run (a progress bar), and which files a folder holds that are no input. */
export interface CheckHooks {
  /** Called once per file before it is read, and per data row. */
  onFile?: (file: string, index: number, total: number) => void;
  onRow?: () => void;
  /** Files found under a folder argument that are not inputs (the report's own earlier outputs). */
  skip?: (file: string) => boolean;
}

/**
 * Checks every table of the inputs (files or folders, inputs.md) and hands clean records to
 * `records`. Throws Fatal `input-missing` for an input that does not exist, `no-inputs` when
 * there is nothing to read; everything wrong inside a file is an issue.
 */
export async function checkInputs(inputs: string[], settings: CheckSettings, records: RecordSink, hooks: CheckHooks = {}): Promise<CheckResult> {
  const expanded = await expandInputs(inputs);
  if (expanded.missing.length > 0) throw new Fatal('input-missing', { value: expanded.missing[0] });
  const skip = hooks.skip;
  // A file named on the command line is always an input; only what a folder holds may be skipped.
  const files = skip ? expanded.files.filter((f) => inputs.includes(f) || !skip(f)) : expanded.files;
  if (files.length === 0) throw new Fatal('no-inputs');
  return checkFiles(files, settings, records, hooks);
}

/**
 * The same for files already found, with the checks of CHECKS (a check's tests give their own
 * list). Issues come in reading order: by file and table, then row.
 */
export async function checkFiles(
  files: string[],
  settings: CheckSettings,
  records: RecordSink,
  hooks: CheckHooks = {},
  checks: readonly Check[] = CHECKS,
): Promise<CheckResult> {
  const sink = new IssueSink();
  const units = new KnownUnits(settings.units);
  const year = new YearJudge(settings.year);
  const bound = (check: Check): CheckRun => ({
    settings,
    units,
    year,
    report: (code, place, params, table) => {
      assertRaises(check.name, check.meta.codes, code);
      sink.add(code, place, params, table);
    },
  });
  const run: TableRun = {
    settings,
    index: buildLabelIndex(settings.indicators),
    sink,
    checks: checks.map((check) => ({ check, on: check.create(bound(check)) })),
    // A units list found among the inputs joins the list the other tables are checked against.
    records: {
      activity: (a) => records.activity(a),
      tally: (t) => records.tally(t),
      unit: (u) => {
        units.add(u);
        records.unit(u);
      },
    },
  };
  const tables: TableInfo[] = [];
  let ordinal = 0;
  for (const [i, file] of files.entries()) {
    hooks.onFile?.(file, i, files.length);
    const fileOrdinal = ordinal;
    for await (const table of openTables(file, (n) => run.checks.forEach((c) => c.on.notice?.(n, fileOrdinal)))) {
      const info = await checkTable(run, table, ordinal++, hooks.onRow);
      if (info) tables.push(info);
    }
    ordinal++;
  }
  const decided = year.finish();
  for (const c of run.checks) c.on.end?.();
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  return {
    files,
    tables,
    issues: sink.issues(),
    summary: { errors: sink.counts.error, warnings: sink.counts.warning, infos: sink.counts.info, tables: tables.length, rows },
    year: decided,
  };
}
