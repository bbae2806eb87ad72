import type { Severity } from '../validate/issue';

/** The stable issue codes of the input contract (inputs.md) and their severities. Scripts depend on both. */
export const ISSUE_CODES = {
  'file-unreadable': 'error',
  'csv-malformed': 'error',
  'encoding-guessed': 'info',
  'table-unrecognized': 'info',
  'header-missing': 'error',
  'header-duplicate': 'error',
  'header-unknown': 'warning',
  'cell-required': 'error',
  'cell-type': 'error',
  'cell-range': 'error',
  'enum-unknown': 'error',
  'date-outside-week': 'warning',
  'date-wrong-year': 'error',
  'exceeds-total': 'error',
  'rate-mismatch': 'warning',
  'unit-unknown': 'error',
  'unit-name-mismatch': 'warning',
  'unit-duplicate': 'error',
  'row-duplicate': 'warning',
  'photo-missing': 'warning',
  'photo-outside': 'error',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_CODES;
