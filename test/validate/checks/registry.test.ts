/** The checks and the issue catalogue fit together: every code raised by a check that names it, and only by such. */
import { ACTIVITY_TYPES } from '../../../src/catalog/activity-types';
import { INDICATORS } from '../../../src/catalog/indicators';
import { ISSUES, type IssueCode } from '../../../src/catalog/issues';
import { MODES } from '../../../src/catalog/modes';
import { CHECKS } from '../../../src/validate/checks';
import type { Check, CheckRun } from '../../../src/validate/checks/check';
import { KnownUnits } from '../../../src/validate/known-units';
import { YearJudge } from '../../../src/validate/year';
import { runCase } from '../../helpers/check-tester';

const RUN: CheckRun = {
  settings: { year: 2025, week: null, activityTypes: ACTIVITY_TYPES, modes: MODES, indicators: INDICATORS, units: null },
  units: new KnownUnits(null),
  year: new YearJudge(2025),
  report: () => undefined,
};

it('every code of the catalogue is named by a check, and every check names only catalogue codes', () => {
  const named = new Set(CHECKS.flatMap((c) => c.meta.codes));
  expect([...named].sort()).toEqual(Object.keys(ISSUES).sort());
});

it('each catalogue entry has a severity, a description and a message in both languages', () => {
  for (const [code, e] of Object.entries(ISSUES)) {
    expect({ code, severity: ['error', 'warning', 'info'].includes(e.severity), described: e.description.length > 10 }).toEqual({ code, severity: true, described: true });
    expect([typeof e.vi, typeof e.en]).toEqual(['function', 'function']);
  }
});

it('checks have distinct names; one that listens to rows names the kinds of table it reads, and only such a one', () => {
  expect(new Set(CHECKS.map((c) => c.name)).size).toBe(CHECKS.length);
  for (const c of CHECKS) expect({ check: c.name, row: Boolean(c.create(RUN).row) }).toEqual({ check: c.name, row: (c.meta.kinds?.length ?? 0) > 0 });
});

it('a check that raises a code its meta does not name fails loudly', async () => {
  const rogue: Check = {
    name: 'rogue',
    meta: { description: 'raises what it does not declare', codes: ['row-duplicate'] as IssueCode[], kinds: ['tallies'] },
    create: () => ({ row: (ctx) => ctx.report('unit-duplicate', 'unit_code', { other: 'x' }) }),
  };
  await expect(runCase(rogue, { kind: 'tallies', header: ['Mã đơn vị', 'Dân số', 'Số hộ gia đình'], valid: [], invalid: [] }, { rows: [['X', 1, 1]] })).rejects.toThrow(
    'check rogue raised unit-duplicate, which its meta does not name',
  );
});
