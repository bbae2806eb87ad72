import type { Check } from './check';

/** What the readers say about a file before any table of it (read/types.ts `ReadNotice`), as issues. */
export const readNotices: Check = {
  name: 'read-notices',
  meta: {
    description: 'a file that cannot be read, a CSV syntax error, a CSV encoding guessed',
    codes: ['file-unreadable', 'csv-malformed', 'encoding-guessed'],
  },
  create: (run) => ({
    notice(n, table) {
      if (n.code === 'file-unreadable') run.report(n.code, { file: n.file }, { reason: n.reason }, table);
      else if (n.code === 'csv-malformed') run.report(n.code, { file: n.file, row: n.row }, { line: n.row, detail: n.detail }, table);
      else run.report(n.code, { file: n.file }, { encoding: n.encoding }, table);
    },
  }),
};
