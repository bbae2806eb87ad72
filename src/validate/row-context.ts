import type { TableKind } from '../catalog/columns';
import { severityOf, type IssueCode, type IssueParams } from '../catalog/issues';
import { cellRef, type CellValue, type RawRow } from '../read/types';
import type { Place } from '../records/issue';
import type { ColumnMapping } from './header';
import type { IssueSink } from './issue-sink';

/** Throws when a check raises a code its meta does not name: a programming error its tests catch. */
export function assertRaises(check: string, codes: readonly IssueCode[], code: IssueCode): void {
  if (!codes.includes(code)) throw new Error(`check ${check} raised ${code}, which its meta does not name`);
}

/** A record's way on, held by a check until it can judge the row (the week's year not yet known). */
export interface Hold {
  /** The check's verdict: the record goes on when `keep` (and the row had no error of its own). */
  release(keep: boolean): void;
}

/**
 * One data row as the checks see it: where it sits (so every issue names its file, sheet, row and
 * cell), its raw cells, the values parsed from them (`get`; the `cells` check parses every column,
 * later checks may refine a value: a type's text becomes its catalogue key), and `report`. An
 * error reported rejects the row: it becomes no record.
 *
 * One object serves every row of a table (a million rows make no million contexts): a check keeps
 * what it needs of a row (`place`, values), never the context.
 */
export class RowContext {
  raw: RawRow = { row: 0, cells: [] };
  /** True once the row has an error: it becomes no record. */
  rejected = false;
  /** The codes the running check may raise (its meta), set by the runner. */
  codes: readonly IssueCode[] = [];
  checkName = '';
  /**
   * Parsed values by column key. Never cleared between rows: `cells` sets every column of the
   * table's kind on every row (null when blank or bad), so each row overwrites the last one's.
   */
  private readonly values = new Map<string, unknown>();
  private held: HeldRecord | null = null;

  constructor(
    private readonly sink: IssueSink,
    readonly file: string,
    readonly sheet: string | null,
    readonly kind: TableKind,
    readonly mapping: ColumnMapping,
    /** Ordinal of the table in the run. */
    readonly table: number,
    /** The header labels by column index, as written. */
    readonly labels: (string | null)[],
  ) {}

  /** Starts the next row. */
  next(raw: RawRow): void {
    this.raw = raw;
    this.rejected = false;
    this.held = null;
  }

  get row(): number {
    return this.raw.row;
  }

  /** A column's cell as read, or null when the table has no such column. */
  cellValue(key: string): CellValue {
    const i = this.mapping.index.get(key);
    return i === undefined ? null : (this.raw.cells[i] ?? null);
  }

  /** A column's parsed value (null: blank, not parsed, or no such column). */
  get<T>(key: string): T | null {
    return (this.values.get(key) as T | undefined) ?? null;
  }

  /** A column's value: parsed (`cells`), or refined by a later check. `key` is a column of the table's kind. */
  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }

  /** Does the table have this column? */
  has(key: string): boolean {
    return this.mapping.index.has(key);
  }

  /** The header label the user wrote for a column: messages quote it as they know it. */
  label(key: string): string {
    const i = this.mapping.index.get(key);
    return (i !== undefined ? this.labels[i] : null) ?? key;
  }

  cell(key: string): string | null {
    const i = this.mapping.index.get(key);
    return i === undefined || this.sheet === null ? null : cellRef(i, this.raw.row);
  }

  /** Where a column's cell is, with the value an issue there shows (default: the cell as read); null: the whole row. */
  place(key: string | null, value: unknown = key === null ? null : this.cellValue(key)): Place {
    if (key === null) return { file: this.file, sheet: this.sheet, row: this.raw.row, column: null, cell: null, value: null };
    return { file: this.file, sheet: this.sheet, row: this.raw.row, column: key, cell: this.cell(key), value };
  }

  /** `Sheet!12`, or `file.csv:12`: this row, for a message about a later twin. */
  where(): string {
    return this.sheet === null ? `${this.file}:${this.raw.row}` : `${this.sheet}!${this.raw.row}`;
  }

  /** An issue at a column of this row (null: the row as a whole); `value` what it shows, by default the cell as read. */
  report<C extends IssueCode>(code: C, column: string | null, params: IssueParams<C>, value?: unknown): void {
    assertRaises(this.checkName, this.codes, code);
    this.sink.add(code, value === undefined ? this.place(column) : this.place(column, value), params, this.table);
    if (severityOf(code) === 'error') this.rejected = true;
  }

  /** The row becomes no record, with no issue of its own (a required column the header lacks: `header-missing` says so). */
  reject(): void {
    this.rejected = true;
  }

  /** Holds the row's record until the check releases it (once only per row). */
  hold(): Hold {
    this.held = new HeldRecord();
    return this.held;
  }

  /** The runner's last step: the row's record, on its way now or when released. */
  accept<R>(record: R, emit: (r: R) => void): void {
    if (this.held) this.held.attach(record, emit as (r: unknown) => void);
    else emit(record);
  }
}

/** A record waiting for its check's verdict; the verdict may come before the record is made. */
class HeldRecord implements Hold {
  private verdict: boolean | null = null;
  private waiting: { record: unknown; emit: (r: unknown) => void } | null = null;

  release(keep: boolean): void {
    this.verdict = keep;
    if (this.waiting && keep) this.waiting.emit(this.waiting.record);
    this.waiting = null;
  }

  attach(record: unknown, emit: (r: unknown) => void): void {
    if (this.verdict === null) this.waiting = { record, emit };
    else if (this.verdict) emit(record);
  }
}
