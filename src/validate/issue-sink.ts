import { ISSUE_CODES, type IssueCode } from '../catalog/issue-codes';
import { ISSUE_MESSAGES, type Lang, type MsgParams } from '../catalog/messages';
import type { Issue, Place, Severity } from './issue';
import { formatViDate, isoFromDate } from '../text/vi-date';
import { isCellError } from '../read/types';

/** The value of a cell as the user would read it back in the issue. */
export function shownValue(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : formatViDate(isoFromDate(v));
  if (isCellError(v)) return v.error;
  return String(v);
}

/**
 * Collects issues in the user's language. Each issue remembers the ordinal of its table so the
 * final list can be put back in reading order after deferred checks (year, units) add theirs.
 */
export class IssueSink {
  private readonly list: { issue: Issue; table: number; seq: number }[] = [];
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private seq = 0;

  constructor(readonly lang: Lang) {}

  add(code: IssueCode, place: Place, params: MsgParams = {}, table = Number.MAX_SAFE_INTEGER): Issue {
    const severity = ISSUE_CODES[code];
    const value = shownValue(place.value);
    const issue: Issue = {
      code,
      severity,
      file: place.file,
      sheet: place.sheet ?? null,
      row: place.row ?? null,
      column: place.column ?? null,
      cell: place.cell ?? null,
      value,
      message: ISSUE_MESSAGES[code][this.lang]({ value: value ?? '', ...params }),
    };
    this.counts[severity]++;
    this.list.push({ issue, table, seq: this.seq++ });
    return issue;
  }

  /** Issues in reading order: by table, then row, then the order they were found. */
  issues(): Issue[] {
    return this.list
      .slice()
      .sort((a, b) => a.table - b.table || (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.seq - b.seq)
      .map((e) => e.issue);
  }

  get hasErrors(): boolean {
    return this.counts.error > 0;
  }
}
