import { severityOf, type IssueCode, type IssueParams, type Severity } from '../catalog/issues';
import { isCellError } from '../read/types';
import type { Issue, Place } from '../records/issue';
import { formatViDate, isoFromDate } from '../text/vi-date';

/** The value of a cell as the user would read it back in the issue. */
export function shownValue(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : formatViDate(isoFromDate(v));
  if (isCellError(v)) return v.error;
  return String(v);
}

/**
 * Collects the issues of one run. Each issue remembers the ordinal of its table so the final list
 * can be put back in reading order after deferred checks (year, units) add theirs.
 */
export class IssueSink {
  private readonly list: { issue: Issue; table: number; seq: number }[] = [];
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private seq = 0;

  add<C extends IssueCode>(code: C, place: Place, params: IssueParams<C>, table = Number.MAX_SAFE_INTEGER): void {
    const severity = severityOf(code);
    const issue: Issue = {
      code,
      severity,
      file: place.file,
      sheet: place.sheet ?? null,
      row: place.row ?? null,
      column: place.column ?? null,
      cell: place.cell ?? null,
      value: shownValue(place.value),
      params,
    };
    this.counts[severity]++;
    this.list.push({ issue, table, seq: this.seq++ });
  }

  /** Issues in reading order: by table, then row, then the order they were found. */
  issues(): Issue[] {
    return this.list
      .slice()
      .sort((a, b) => a.table - b.table || (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.seq - b.seq)
      .map((e) => e.issue);
  }
}
