/**
 * A report over more units than a chart can show (the national report: 3,321 communes) charts
 * the units directly under its own unit (the provinces), each as Σ achieved / Σ total of the
 * tallies under it — the rule of the report's indicators, never a mean of rates.
 */
import { ratesByChildOf } from '../../src/aggregate/groups';
import { INDICATORS } from '../../src/catalog/indicators';
import type { Tally, Unit } from '../../src/records/records';

const unit = (code: string, parent: string | null, name = code): Unit => ({ code, name, kind: null, parent });
const tally = (code: string, total: number, learning: number): Tally => ({
  unit: code,
  unitName: null,
  figures: { families_total: total, families_learning: learning },
  typedRates: {},
  source: { file: 'x.csv', sheet: null, row: 2 },
});

const units = new Map(
  [unit('VN', null), unit('QN', 'VN', 'Tỉnh Quảng Ninh'), unit('HN', 'VN', 'Thành phố Hà Nội'), unit('QN-A', 'QN'), unit('QN-B', 'QN'), unit('HN-A', 'HN'), unit('HN-A-1', 'HN-A'), unit('XX', null)].map(
    (u) => [u.code, u],
  ),
);

test('groups by the unit directly under the root, Σ/Σ, in units-list order', () => {
  const tallies = [tally('HN-A-1', 100, 10), tally('QN-B', 300, 240), tally('QN-A', 100, 60), tally('XX', 50, 50)];
  const groups = ratesByChildOf('VN', tallies, units, INDICATORS);
  expect(groups.map((g) => [g.code, g.name, g.units])).toEqual([
    ['QN', 'Tỉnh Quảng Ninh', 2],
    ['HN', 'Thành phố Hà Nội', 1],
  ]);
  const families = INDICATORS.find((i) => i.numerator === 'families_learning')!.key;
  expect(groups[0].rates[families]).toBeCloseTo(300 / 400, 12); // not the mean of 0.8 and 0.6
  expect(groups[1].rates[families]).toBeCloseTo(0.1, 12);
});

test('a unit and its ancestor both reporting count once (the ancestor), as in the indicators', () => {
  const tallies = [tally('HN-A', 1000, 500), tally('HN-A-1', 100, 10)];
  const [hn] = ratesByChildOf('VN', tallies, units, INDICATORS);
  const families = INDICATORS.find((i) => i.numerator === 'families_learning')!.key;
  expect(hn.units).toBe(1);
  expect(hn.rates[families]).toBeCloseTo(0.5, 12);
});
