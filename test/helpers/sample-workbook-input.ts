/**
 * A realistic WorkbookInput made by hand: Phường Móng Cái 1 (QN-MC1) and three of its schools,
 * six activities in the 2025 week, the ward's learning-society tallies (6.800 households, 5.059
 * learning families) and one school's, a baseline for one indicator, a tiny PNG chart, two JPEG
 * photos, a document model with every block type, and two issues.
 */
import sharp from 'sharp';
import type { Aggregate, IndicatorResult, Tally3, UnitSummary } from '../../src/aggregate/types';
import { ACTIVITY_TYPES } from '../../src/catalog/activity-types';
import { INDICATORS, type Indicator } from '../../src/catalog/indicators';
import { MODES } from '../../src/catalog/modes';
import { KNOWN_WEEKS } from '../../src/catalog/weeks';
import type { DocumentModel, ImageStore, TableCell } from '../../src/document/types';
import type { WorkbookInput } from '../../src/render/workbook-input';
import type { Issue } from '../../src/records/issue';
import type { Activity, Tally } from '../../src/records/records';

export const WARD = { code: 'QN-MC1', name: 'Phường Móng Cái 1' };
export const SCHOOLS = [
  { code: 'MC1-MN', name: 'Trường Mầm non Hải Hòa' },
  { code: 'MC1-TH', name: 'Trường Tiểu học Trần Phú' },
  { code: 'MC1-THCS', name: 'Trường THCS Chu Văn An' },
];

const source = (row: number) => ({ file: 'inbox/mc1.xlsx', sheet: 'Hoạt động', row });

function activity(
  row: number, unit: { code: string; name: string }, date: string, endDate: string | null,
  type: string, title: string, mode: string, sessions: number, participants: number,
): Activity {
  return {
    unit: unit.code, unitName: unit.name, date, endDate, type, title, mode, sessions, participants,
    photos: [], caption: null, notes: null, source: source(row),
  };
}

export function sampleActivities(): Activity[] {
  const [mn, th, thcs] = SCHOOLS;
  return [
    activity(5, WARD, '2025-10-01', null, 'opening', 'Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025', 'in_person', 1, 250),
    activity(6, WARD, '2025-10-02', '2025-10-07', 'communication', 'Tuyên truyền trên hệ thống loa truyền thanh và mạng xã hội', 'online', 6, 3200),
    activity(7, mn, '2025-10-03', null, 'class', 'Lớp kỹ năng sống cho cha mẹ trẻ', 'in_person', 2, 85),
    activity(8, th, '2025-10-03', null, 'book_exhibition', 'Trưng bày sách, tư liệu về Bác Hồ', 'in_person', 1, 420),
    activity(9, thcs, '2025-10-04', null, 'class', 'Lớp tin học cơ bản cho người cao tuổi', 'hybrid', 3, 60),
    activity(10, thcs, '2025-10-06', null, 'contest', 'Cuộc thi Đại sứ văn hóa đọc', 'online', 1, 310),
  ];
}

const blankFigures = (): Record<string, number | null> => ({
  population: null, members: null, branches: null, families_total: null, families_learning: null,
  clans_total: null, clans_learning: null, communities_total: null, communities_learning: null,
  organizations_total: null, organizations_learning: null, citizens_total: null, citizens_learning: null,
});

export function sampleTallies(): Tally[] {
  return [
    {
      unit: WARD.code, unitName: WARD.name,
      figures: {
        ...blankFigures(), population: 24830, members: 9120, branches: 18, families_total: 6800, families_learning: 5059,
        clans_total: 42, clans_learning: 31, communities_total: 38, communities_learning: 30,
        organizations_total: 27, organizations_learning: 24, citizens_learning: 11200,
      },
      typedRates: {},
      source: { file: 'inbox/mc1.xlsx', sheet: 'Xã hội học tập', row: 5 },
    },
    {
      unit: SCHOOLS[2].code, unitName: SCHOOLS[2].name,
      figures: { ...blankFigures(), organizations_total: 1, organizations_learning: 1 },
      typedRates: {},
      source: { file: 'inbox/thcs.xlsx', sheet: 'Xã hội học tập', row: 5 },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Aggregation, by hand (the counts are small enough to check by eye).

const t3 = (count: number, sessions: number, participants: number): Tally3 => ({ count, sessions, participants });

function rate(ind: Indicator, figures: Record<string, number | null>): number | null {
  const num = figures[ind.numerator];
  const den = figures[ind.denominator] ?? (ind.fallbackDenominator ? figures[ind.fallbackDenominator] : null);
  return num != null && den != null && den > 0 ? num / den : null;
}

function indicatorResults(tallies: Tally[]): IndicatorResult[] {
  return INDICATORS.map((ind) => {
    let num = 0;
    let den = 0;
    let n = 0;
    for (const t of tallies) {
      const r = rate(ind, t.figures);
      if (r === null) continue;
      num += t.figures[ind.numerator] ?? 0;
      den += t.figures[ind.denominator] ?? t.figures[ind.fallbackDenominator ?? ''] ?? 0;
      n++;
    }
    const r = n > 0 ? num / den : null;
    const goal = ind.targets?.find((g) => g.year === 2025);
    const result: IndicatorResult = {
      key: ind.key, label: ind.label, numerator: n ? num : null, denominator: n ? den : null, rate: r, unitsReporting: n,
      baseline: null, change: null, target: goal && r !== null ? { ...goal, met: r >= goal.rate } : null,
    };
    if (ind.key === 'families') {
      const before = { year: 2024, numerator: 4980, denominator: 6750, rate: 4980 / 6750 };
      result.baseline = before;
      result.change = { rate: (r ?? 0) - before.rate, numerator: num - before.numerator };
    }
    return result;
  });
}

function unitSummaries(tallies: Tally[]): UnitSummary[] {
  const [mn, th, thcs] = SCHOOLS;
  const figuresOf = (code: string) => tallies.find((t) => t.unit === code)?.figures ?? {};
  const summary = (u: { code: string; name: string }, kind: string, parent: string, a: Tally3): UnitSummary => {
    const tally = tallies.find((t) => t.unit === u.code);
    return {
      code: u.code, name: u.name, kind, parent, activities: a,
      figures: figuresOf(u.code),
      rates: tally ? Object.fromEntries(INDICATORS.map((i) => [i.key, rate(i, tally.figures)])) : {},
      hasTally: !!tally,
    };
  };
  return [
    summary(WARD, 'phường', 'QN', t3(2, 7, 3450)),
    summary(mn, 'trường', WARD.code, t3(1, 2, 85)),
    summary(th, 'trường', WARD.code, t3(1, 1, 420)),
    summary(thcs, 'trường', WARD.code, t3(2, 4, 370)),
  ];
}

export function sampleAggregate(tallies: Tally[]): Aggregate {
  const label = (key: string) => ACTIVITY_TYPES.find((t) => t.key === key)!;
  const type = (key: string, total: Tally3, byMode: Record<string, Tally3>) => ({
    type: key, label: label(key).label, noun: label(key).noun ?? label(key).label, total, byMode,
  });
  return {
    activities: {
      total: t3(6, 14, 4325),
      byType: [
        type('opening', t3(1, 1, 250), { in_person: t3(1, 1, 250) }),
        type('communication', t3(1, 6, 3200), { online: t3(1, 6, 3200) }),
        type('class', t3(2, 5, 145), { in_person: t3(1, 2, 85), hybrid: t3(1, 3, 60) }),
        type('book_exhibition', t3(1, 1, 420), { in_person: t3(1, 1, 420) }),
        type('contest', t3(1, 1, 310), { online: t3(1, 1, 310) }),
      ],
      byMode: { in_person: t3(3, 4, 755), online: t3(2, 7, 3510), hybrid: t3(1, 3, 60) },
      first: '2025-10-01',
      last: '2025-10-07',
    },
    indicators: indicatorResults(tallies),
    units: unitSummaries(tallies),
  };
}

// ---------------------------------------------------------------------------------------------
// Images and the document model

export async function sampleImages(): Promise<ImageStore> {
  const chart = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#fff' } }).png().toBuffer();
  const photo = (r: number) => sharp({ create: { width: 60, height: 40, channels: 3, background: { r, g: 90, b: 60 } } }).jpeg().toBuffer();
  const store: ImageStore = new Map();
  store.set('chart-activities', { png: chart, width: 800, height: 400, alt: 'Biểu đồ hoạt động theo loại' });
  store.set('photo-1', { png: await photo(200), width: 1200, height: 800, alt: 'Lễ khai mạc', format: 'jpeg' });
  store.set('photo-2', { png: await photo(120), width: 800, height: 1200, alt: 'Trưng bày sách', format: 'jpeg' });
  return store;
}

const txt = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ runs: [{ text }], ...extra });
const num = (value: number, shown: string): TableCell => ({ runs: [{ text: shown }], numeric: true, value });
const pct = (value: number, shown: string): TableCell => ({ runs: [{ text: shown }], numeric: true, percent: true, value });

export function sampleModel(): DocumentModel {
  return {
    title: 'Báo cáo kết quả Tuần lễ hưởng ứng học tập suốt đời năm 2025',
    blocks: [
      {
        type: 'header-block', parent: 'UBND tỉnh Quảng Ninh', agency: 'UBND phường Móng Cái 1', number: 'Số: 05/BC-UBND',
        nation: 'Cộng hòa xã hội chủ nghĩa Việt Nam', motto: 'Độc lập - Tự do - Hạnh phúc', placeDate: 'Móng Cái, ngày 09 tháng 10 năm 2025',
      },
      { type: 'paragraph', role: 'title', runs: [{ text: 'BÁO CÁO' }] },
      { type: 'paragraph', role: 'subject', runs: [{ text: 'Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025' }] },
      { type: 'paragraph', role: 'basis', runs: [{ text: 'Căn cứ Kế hoạch số 120/KH-UBND ngày 15/9/2025 của UBND phường;' }] },
      {
        type: 'paragraph', role: 'body',
        runs: [
          { text: 'Thực hiện chủ đề “' }, { text: 'Học để phát triển bản thân', bold: true },
          { text: '”, UBND phường Móng Cái 1 báo cáo kết quả như sau:' }, { text: '', break: true },
          { text: 'Dòng thứ hai của đoạn văn.', italic: true },
        ],
      },
      { type: 'heading', level: 1, runs: [{ text: 'I. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG' }] },
      // A table this early sits among the rows the reader scans for a header.
      {
        type: 'table',
        head: [
          [txt('Loại hoạt động', { rowspan: 2 }), txt('Trực tiếp', { colspan: 2 })],
          [txt('Số buổi'), txt('Lượt người')],
        ],
        body: [
          [txt('Lớp học, bồi dưỡng'), num(2, '2'), num(85, '85')],
          [txt('Lễ khai mạc, phát động'), num(1, '1'), num(250, '250')],
        ],
      },
      { type: 'heading', level: 2, runs: [{ text: '1. Các hoạt động nổi bật' }] },
      { type: 'list', ordered: false, items: [[{ text: 'Lễ khai mạc với 250 lượt người tham gia;' }], [{ text: 'Cuộc thi Đại sứ văn hóa đọc.' }]] },
      { type: 'list', ordered: true, items: [[{ text: 'Thứ nhất' }], [{ text: 'Thứ hai' }]] },
      { type: 'figure', image: 'chart-activities', caption: [{ text: 'Biểu đồ 1. Hoạt động theo loại' }] },
      { type: 'heading', level: 1, runs: [{ text: 'II. KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP' }] },
      {
        type: 'table',
        head: [[txt('Chỉ tiêu'), txt('Đạt'), txt('Tổng số'), txt('Tỷ lệ')]],
        body: [[txt('Gia đình học tập'), num(5059, '5.059'), num(6800, '6.800'), pct(5059 / 6800, '74,40%')]],
      },
      { type: 'paragraph', role: 'placeholder', runs: [{ text: '(Ưu điểm; tồn tại, hạn chế: đơn vị bổ sung)' }] },
      { type: 'pagebreak' },
      { type: 'paragraph', role: 'body', align: 'center', runs: [{ text: 'HÌNH ẢNH TIÊU BIỂU', bold: true }] },
      {
        type: 'gallery',
        items: [
          { image: 'photo-1', caption: [{ text: 'Phường Móng Cái 1, 01/10/2025: Lễ khai mạc' }] },
          { image: 'photo-2', caption: [{ text: 'Trường Tiểu học Trần Phú, 03/10/2025: Trưng bày sách' }] },
        ],
      },
      {
        type: 'signature-block', recipientsTitle: 'Nơi nhận:',
        recipients: ['- Phòng Văn hóa - Xã hội (để b/c);', '- Lưu: VT.'],
        signerLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        signerName: 'Nguyễn Văn An',
      },
      { type: 'pagebreak', orientation: 'landscape' },
      { type: 'heading', level: 1, runs: [{ text: 'PHỤ LỤC: DANH SÁCH HOẠT ĐỘNG' }] },
      // Past the rows the reader scans: its input-like header may stay as it is.
      {
        type: 'table', landscape: true,
        head: [[txt('TT'), txt('Đơn vị'), txt('Ngày'), txt('Loại hoạt động'), txt('Số lượt người tham gia')]],
        body: [
          [num(1, '1'), txt(WARD.name), txt('01/10/2025'), txt('Lễ khai mạc, phát động'), num(250, '250')],
          [num(2, '2'), txt(SCHOOLS[0].name), txt('03/10/2025'), txt('Lớp học, bồi dưỡng'), num(85, '85')],
        ],
      },
    ],
  };
}

export function sampleIssues(): Issue[] {
  return [
    {
      code: 'date-outside-week', severity: 'warning', file: 'inbox/mc1.xlsx', sheet: 'Hoạt động', row: 11, column: 'date',
      cell: 'C11', value: '12/10/2025', params: { week: '01/10/2025–07/10/2025' },
    },
    {
      code: 'table-unrecognized', severity: 'info', file: 'inbox/mc1.xlsx', sheet: 'Hướng dẫn', row: null, column: null,
      cell: null, value: null, params: { kinds: 'Hoạt động, Xã hội học tập, Danh mục đơn vị' },
    },
  ];
}

export async function sampleWorkbookInput(): Promise<WorkbookInput> {
  const tallies = sampleTallies();
  return {
    model: sampleModel(),
    images: await sampleImages(),
    charts: ['chart-activities'],
    aggregate: sampleAggregate(tallies),
    activities: sampleActivities(),
    tallies,
    activityTypes: ACTIVITY_TYPES,
    modes: MODES,
    indicators: INDICATORS,
    issues: sampleIssues(),
    decimals: 2,
    info: {
      year: 2025,
      week: { start: KNOWN_WEEKS[2025].start, end: KNOWN_WEEKS[2025].end },
      theme: KNOWN_WEEKS[2025].theme,
      agency: 'UBND phường Móng Cái 1',
      unit: WARD.code,
      version: '0.1.0',
      generated: '2025-10-09',
      inputs: [
        { file: 'inbox/mc1.xlsx', sha256: 'a3f1c0de9b7e4d2a8c6b5f4e3d2c1b0a9f8e7d6c5b4a39281706f5e4d3c2b1a0' },
        { file: 'inbox/thcs.xlsx', sha256: '0b1c2d3e4f5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0' },
      ],
    },
  };
}
