import { issueText, type IssueCode, type Severity } from '../catalog/issues';
import type { Lang } from '../catalog/lang';

/**
 * One problem found: its code (catalog/issues.ts), where it is, and the parameters its message is
 * made from where it is shown (`issueText`), in the language of that place.
 */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  /** The offending value as the user would read it back, or null. */
  value: string | null;
  params: object;
}

/** Where an issue was found; everything but the file may be unknown. */
export interface Place {
  file: string;
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  cell?: string | null;
  value?: unknown;
}

/**
 * An issue as JSON: exactly `issues[]` of `validate --format json` (inputs.md), which status.json
 * shares; the message in `lang`, the CLI's.
 */
export function issueJson(i: Issue, lang: Lang) {
  return { code: i.code, severity: i.severity, file: i.file, sheet: i.sheet, row: i.row, column: i.column, cell: i.cell, value: i.value, message: issueText(i, lang) };
}
