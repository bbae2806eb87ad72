import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { INDICATORS } from '../../src/catalog/indicators';
import { aggregateIndicators, withBaseline } from '../../src/aggregate/indicators';
import { countedTallies } from '../../src/aggregate/aggregate';
import { viHelpers } from '../../src/compose/helpers';
import type { Tally, Unit } from '../../src/records/records';

const tally = (unit: string, figures: Record<string, number | null>): Tally => ({
  unit, unitName: null, figures, typedRates: {}, source: { file: 'x.csv', sheet: null, row: 2 },
});
const families = (rs: ReturnType<typeof aggregateIndicators>) => rs.find((r) => r.key === 'families')!;

describe('learning-society indicators', () => {
  it('are Σ numerators / Σ denominators, never the mean of the units’ rates', () => {
    const r = families(aggregateIndicators(INDICATORS, [
      tally('A', { families_learning: 90, families_total: 100 }),
      tally('B', { families_learning: 100, families_total: 1000 }),
    ], 2025));
    expect(r.numerator).toBe(190);
    expect(r.denominator).toBe(1100);
    expect(r.rate).toBeCloseTo(190 / 1100, 12); // the mean of rates would be 0.5
    expect(r.target).toEqual({ year: 2025, rate: 0.7, source: 'Quyết định 387/QĐ-TTg', met: false });
  });

  it('leave out a unit with a blank part, and a rate with no unit reporting is null, not 0%', () => {
    const rs = aggregateIndicators(INDICATORS, [
      tally('A', { families_learning: 138068, families_total: 187624 }),
      tally('B', { families_learning: null, families_total: 5000 }),
    ], 2025);
    expect(families(rs)).toMatchObject({ numerator: 138068, denominator: 187624, unitsReporting: 1 });
    expect(viHelpers(2).rate(families(rs).rate)).toBe('73,59%');
    const clans = rs.find((r) => r.key === 'clans')!;
    expect(clans).toMatchObject({ numerator: null, denominator: null, rate: null, target: null });
    expect(viHelpers(2).rate(clans.rate)).toBe('-');
  });

  it('citizens fall back to the population when their own total is blank', () => {
    const rs = aggregateIndicators(INDICATORS, [tally('A', { citizens_learning: 115071, citizens_total: null, population: 710000 })], 2025);
    expect(rs.find((r) => r.key === 'citizens')).toMatchObject({ numerator: 115071, denominator: 710000 });
  });

  it('count a unit once when its parent reported too', () => {
    const units = new Map<string, Unit>([
      ['P', { code: 'P', name: 'Phường', kind: 'phường', parent: null }],
      ['S', { code: 'S', name: 'Trường', kind: 'trường', parent: 'P' }],
    ]);
    const kept = countedTallies([tally('P', { families_total: 10 }), tally('S', { families_total: 3 })], units);
    expect(kept.map((t) => t.unit)).toEqual(['P']);
  });

  it('show the change against last year as the difference of the rates shown, and in people', () => {
    const now = aggregateIndicators(INDICATORS, [tally('A', { members: 337294, population: 935700 })], 2024);
    const before = aggregateIndicators(INDICATORS, [tally('A', { members: 330909, population: 935700 })], 2023);
    const members = withBaseline(now, before, 2023, 2).find((r) => r.key === 'members')!;
    expect(members.change!.numerator).toBe(6385);
    const h = viHelpers(2);
    expect(h.rate(members.rate)).toBe('36,05%');
    expect(h.rateChange(members.change!.rate)).toBe('tăng 0,69%');
    expect(h.numChange(-1204, 'người')).toBe('giảm 1.204 người');
    expect(h.rateChange(0)).toBe('không đổi');

    const hb = Handlebars.create();
    for (const [n, f] of Object.entries(h)) hb.registerHelper(n, f as Handlebars.HelperDelegate);
    const tpl = hb.compile(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', 'society.hbs'), 'utf8'));
    const html = tpl({ society: { indicators: [members], hasBaseline: true, baselineYear: 2023, units: [], columns: [] }, charts: {} });
    expect(html).toContain('Hội viên khuyến học so với dân số: 337.294/935.700, đạt 36,05% (tăng 0,69% = 6.385 người so với năm 2023)');
  });
});
