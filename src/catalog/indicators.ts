/**
 * Learning-society indicators (inputs.md): each is data — a numerator and a denominator column
 * of the tallies table — never code. The config may add to or replace them.
 */
export interface Indicator {
  key: string;
  label: string;
  numerator: string;
  denominator: string;
  /** Used as the denominator when `denominator` is blank (citizens: the population). */
  fallbackDenominator?: string;
  /** What the numerator counts, for "tăng 0,64% = 6.385 người". */
  unit?: string;
  /** National targets by year, as fractions, with the decision that sets them. */
  targets?: { year: number; rate: number; source: string }[];
}

const QD387 = 'Quyết định 387/QĐ-TTg';
const QD677 = 'Quyết định 677/QĐ-TTg';

export const INDICATORS: Indicator[] = [
  { key: 'families', label: 'Gia đình học tập', numerator: 'families_learning', denominator: 'families_total', unit: 'hộ',
    targets: [{ year: 2025, rate: 0.7, source: QD387 }] },
  { key: 'clans', label: 'Dòng họ học tập', numerator: 'clans_learning', denominator: 'clans_total', unit: 'dòng họ',
    targets: [{ year: 2025, rate: 0.65, source: QD387 }] },
  { key: 'communities', label: 'Cộng đồng học tập (thôn, tổ dân phố)', numerator: 'communities_learning', denominator: 'communities_total', unit: 'cộng đồng',
    targets: [{ year: 2025, rate: 0.65, source: QD387 }] },
  { key: 'organizations', label: 'Đơn vị học tập', numerator: 'organizations_learning', denominator: 'organizations_total', unit: 'đơn vị',
    targets: [{ year: 2025, rate: 0.8, source: QD387 }] },
  { key: 'citizens', label: 'Công dân học tập', numerator: 'citizens_learning', denominator: 'citizens_total', fallbackDenominator: 'population', unit: 'người',
    targets: [{ year: 2025, rate: 0.4, source: QD677 }, { year: 2030, rate: 0.6, source: QD677 }] },
  { key: 'members', label: 'Hội viên khuyến học so với dân số', numerator: 'members', denominator: 'population', unit: 'người' },
];
