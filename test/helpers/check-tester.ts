/**
 * A check's tests as tables of valid and invalid rows, after ESLint's RuleTester. Each case is a
 * small table the helper writes as a CSV (header + rows) into a folder of its own, then checks with
 * the real runner and only `cells` (which parses every value the others read), the checks the
 * table says must run before, and the check under test. Only the issues of the check's own codes
 * are compared: a valid case raises none, an invalid one exactly those listed.
 *
 *   checkTable(exceedsTotal, {
 *     kind: 'tallies',
 *     header: ['Mã đơn vị', 'Tổng số hộ gia đình', 'Gia đình học tập'],
 *     valid: [{ rows: [['X1', 100, 80]] }],
 *     invalid: [{ rows: [['X1', 100, 120]], issues: [{ code: 'exceeds-total', row: 0, column: 'families_learning' }] }],
 *   });
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ACTIVITY_TYPES } from '../../src/catalog/activity-types';
import { INDICATORS } from '../../src/catalog/indicators';
import type { IssueCode } from '../../src/catalog/issues';
import { MODES } from '../../src/catalog/modes';
import type { Issue } from '../../src/records/issue';
import { cells } from '../../src/validate/checks/cells';
import type { Check, CheckSettings } from '../../src/validate/checks/check';
import { checkFiles } from '../../src/validate/run';

export type Cell = string | number | null;

export interface CheckCase {
  /** What the case shows (default: its rows). */
  name?: string;
  /** The data rows under the header (a table, for checks across rows). */
  rows: Cell[][];
  /** Invalid cases: the check's issues, `row` the 0-based index in `rows` (or the header), `params` matched as a subset. */
  issues?: { code: IssueCode; row: number | 'header'; column: string | null; value?: string | null; params?: object }[];
  /** How many records the table hands on, when the case says. */
  records?: number;
  /** Settings of this case, over the table's. */
  settings?: Partial<CheckSettings>;
}

export interface CheckTable {
  kind: 'activities' | 'tallies' | 'units';
  header: string[];
  /** Checks that must run before the one under test (besides `cells`), in CHECKS order. */
  before?: Check[];
  /** Over the defaults: year 2025, the built-in catalogues and indicators, no units list. */
  settings?: Partial<CheckSettings>;
  /** Files beside the table (photos), by relative path. */
  files?: Record<string, Buffer | string>;
  valid: CheckCase[];
  invalid: CheckCase[];
}

const DEFAULTS: CheckSettings = { year: 2025, week: null, activityTypes: ACTIVITY_TYPES, modes: MODES, indicators: INDICATORS, units: null };

const csvCell = (c: Cell) => (c === null ? '' : typeof c === 'number' ? String(c) : `"${c.replace(/"/g, '""')}"`);

/** Runs one case: its table's issues of `check`'s codes, and the records handed on. */
export async function runCase(check: Check, table: CheckTable, c: CheckCase): Promise<{ issues: Issue[]; records: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lllweek-check-${check.name}-`));
  for (const [name, data] of Object.entries(table.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  const file = path.join(dir, `${table.kind}.csv`);
  fs.writeFileSync(file, [table.header, ...c.rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
  let records = 0;
  const count = () => void records++;
  const checks = [cells, ...(table.before ?? []), check].filter((k, i, all) => all.indexOf(k) === i);
  const result = await checkFiles([file], { ...DEFAULTS, ...table.settings, ...c.settings }, { activity: count, tally: count, unit: count }, {}, checks);
  fs.rmSync(dir, { recursive: true, force: true });
  return { issues: result.issues.filter((i) => check.meta.codes.includes(i.code)), records };
}

/** The table's cases as jest tests: `check name › valid|invalid › case`. */
export function checkTable(check: Check, table: CheckTable): void {
  const title = (c: CheckCase) => c.name ?? JSON.stringify(c.rows);
  describe(`check ${check.name}`, () => {
    if (table.valid.length > 0) describe('valid', () => {
      it.each(table.valid.map((c) => [title(c), c] as const))('%s', async (_name, c) => {
        const r = await runCase(check, table, c);
        expect(r.issues).toEqual([]);
        if (c.records !== undefined) expect(r.records).toBe(c.records);
      });
    });
    if (table.invalid.length > 0) describe('invalid', () => {
      it.each(table.invalid.map((c) => [title(c), c] as const))('%s', async (_name, c) => {
        const r = await runCase(check, table, c);
        // The CSV's line 1 is the header, line 2 the first row.
        const got = r.issues.map((i) => ({ code: i.code, row: i.row === 1 ? 'header' : i.row! - 2, column: i.column }));
        expect(got).toEqual((c.issues ?? []).map(({ code, row, column }) => ({ code, row, column })));
        (c.issues ?? []).forEach((want, n) => {
          if (want.params) expect(r.issues[n].params).toMatchObject(want.params);
          if (want.value !== undefined) expect(r.issues[n].value).toBe(want.value);
        });
        if (c.records !== undefined) expect(r.records).toBe(c.records);
      });
    });
  });
}
