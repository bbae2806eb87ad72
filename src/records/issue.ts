import type { IssueCode } from '../catalog/issue-codes';

export type Severity = 'error' | 'warning' | 'info';

/** One problem found, exactly the shape of `validate --format json`'s `issues[]`. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  value: string | null;
  message: string;
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
