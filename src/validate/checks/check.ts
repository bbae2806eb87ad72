import type { Column, TableKind } from '../../catalog/columns';
import type { IssueCode, IssueParams } from '../../catalog/issues';
import type { Settings } from '../../config/settings';
import type { ReadNotice } from '../../read/types';
import type { Place } from '../../records/issue';
import type { ColumnMapping, HeaderMatch } from '../header';
import type { KnownUnits } from '../known-units';
import type { RowContext } from '../row-context';
import type { YearJudge } from '../year';

/**
 * The contract of a check, after ESLint's rules: a module that exports one `Check`, whose `meta`
 * names the codes it may raise (each with its entry in catalog/issues.ts) and whose `create` is
 * called once per run and answers the hooks it wants. It reports through the row context
 * (`ctx.report(code, column, params)`) or, for a table or a judgement deferred to the end, through
 * `run.report`; raising a code its meta does not name is a programming error (it throws).
 *
 * To add one: write `src/validate/checks/<name>.ts`, add its codes to catalog/issues.ts, put it in
 * CHECKS (checks/index.ts) where it should run, and give it a table of valid and invalid rows in
 * test/validate/checks/ (test/helpers/check-tester.ts). A hook the checks do not have yet (a
 * table's end, a file's end) is added to `CheckListeners` and called from the runner (validate/run.ts,
 * validate/table.ts).
 */
export interface Check {
  /** The module's name: `exceeds-total`, `cells`. */
  name: string;
  meta: CheckMeta;
  create(run: CheckRun): CheckListeners;
}

export interface CheckMeta {
  /** What the check finds, in a sentence. */
  description: string;
  /** The codes it may raise. */
  codes: readonly IssueCode[];
  /** The kinds of table whose rows it sees (its `row` hook); none: it has no `row` hook. */
  kinds?: readonly TableKind[];
}

/** What the checker reads of the settings (config/settings.ts). */
export type CheckSettings = Pick<Settings, 'year' | 'week' | 'activityTypes' | 'modes' | 'indicators' | 'units'>;

/** What a check shares with the run: the settings, the units list in force, the week's year. */
export interface CheckRun {
  readonly settings: CheckSettings;
  readonly units: KnownUnits;
  readonly year: YearJudge;
  /** An issue at a place captured earlier (`ctx.place`, `TableContext.place`); `table` orders it among the others. */
  report<C extends IssueCode>(code: C, place: Place, params: IssueParams<C>, table: number): void;
}

/** The events of a run a check may want, in the order they come. */
export interface CheckListeners {
  /** A reader's word about a file (before any table of it), `table` the file's ordinal. */
  notice?(n: ReadNotice, table: number): void;
  /** A table whose header matches no kind: skipped. */
  unrecognized?(t: { file: string; sheet: string | null; table: number }): void;
  /** A table whose header was found and mapped, before its rows. */
  table?(t: TableContext): void;
  /** Each data row of a table of `meta.kinds`, checks in CHECKS order. */
  row?(ctx: RowContext): void;
  /** After every input: judgements that waited for the whole run. */
  end?(): void;
}

/** A recognised table, once its header is mapped. */
export interface TableContext {
  file: string;
  sheet: string | null;
  kind: TableKind;
  /** Ordinal of the table in the run, for `run.report`. */
  table: number;
  header: HeaderMatch;
  mapping: ColumnMapping;
  /** The columns of its kind (catalog/columns.ts), with the indicators in force. */
  columns: Column[];
  /** The place of a header cell: `col` its 0-based index (null: the whole header row). */
  place(col: number | null, column: string | null, value: string | null): Place;
}
