/**
 * The `Tổng hợp` sheet: the key figures. The indicators (achieved, total, rate, the baseline and
 * the change, the national target), then activities by type × mode, then the charts. Header
 * labels are chosen so that no row reads as an input table's header (see header-guard.ts).
 */
import type { Worksheet } from 'exceljs';
import type { Aggregate, Tally3 } from '../../../aggregate/types';
import type { Mode } from '../../../catalog/modes';
import type { ImageBook } from '../images';
import { BOLD, fitColumns, freezeAndFilter, titleRow, unshareStyles, writeTable, type CellInput, type ColumnSpec, type Formats } from '../style';

const IMAGE_WIDTH = 600;

export interface SummaryInput {
  year: number;
  aggregate: Aggregate;
  modes: Mode[];
  charts: string[];
  images: ImageBook;
  fmt: Formats;
}

const INDICATOR_COLUMNS: ColumnSpec[] = [
  { header: 'Chỉ tiêu', kind: 'text' },
  { header: 'Đạt', kind: 'int' },
  { header: 'Tổng số', kind: 'int' },
  { header: 'Tỷ lệ', kind: 'rate' },
  { header: 'Đạt năm trước', kind: 'int' },
  { header: 'Tỷ lệ năm trước', kind: 'rate' },
  { header: 'Thay đổi (điểm %)', kind: 'signedRate' },
  { header: 'Thay đổi (số lượng)', kind: 'signedInt' },
  { header: 'Chỉ tiêu quốc gia', kind: 'rate' },
  { header: 'Đánh giá', kind: 'text' },
];

function indicatorRows(agg: Aggregate): CellInput[][] {
  return agg.indicators.map((i) => [
    i.label,
    i.numerator,
    i.denominator,
    i.rate,
    i.baseline?.numerator,
    i.baseline?.rate,
    i.change?.rate,
    i.change?.numerator,
    i.target?.rate,
    i.target ? (i.target.met ? 'Đạt' : 'Chưa đạt') : null,
  ]);
}

/** "Trực tiếp: số buổi": one label per figure, never the input's bare "Số buổi". */
function activityColumns(modes: Mode[]): ColumnSpec[] {
  const group = (name: string): ColumnSpec[] => [
    { header: `${name}: số hoạt động`, kind: 'int' },
    { header: `${name}: số buổi`, kind: 'int' },
    { header: `${name}: lượt người`, kind: 'int' },
  ];
  return [{ header: 'Loại hoạt động', kind: 'text' }, ...modes.flatMap((m) => group(m.label)), ...group('Tổng')];
}

const three = (t: Tally3 | undefined): CellInput[] => (t ? [t.count, t.sessions, t.participants] : [0, 0, 0]);

function activityRows(agg: Aggregate, modes: Mode[]): CellInput[][] {
  const rows = agg.activities.byType.map((t) => [t.label, ...modes.flatMap((m) => three(t.byMode[m.key])), ...three(t.total)]);
  rows.push(['Tổng cộng', ...modes.flatMap((m) => three(agg.activities.byMode[m.key])), ...three(agg.activities.total)]);
  return rows;
}

export function writeSummarySheet(ws: Worksheet, input: SummaryInput): void {
  const { fmt } = input;
  titleRow(ws, 1, `KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM ${input.year}`, INDICATOR_COLUMNS.length);
  const indicators = writeTable(ws, { row: 2 }, INDICATOR_COLUMNS, indicatorRows(input.aggregate), fmt);

  const top = indicators.lastRow + 2;
  const columns = activityColumns(input.modes);
  titleRow(ws, top, 'HOẠT ĐỘNG THEO LOẠI VÀ HÌNH THỨC', columns.length);
  const activities = writeTable(ws, { row: top + 1 }, columns, activityRows(input.aggregate, input.modes), fmt);
  unshareStyles(ws, activities.lastRow);
  ws.getRow(activities.lastRow).font = BOLD;

  freezeAndFilter(ws, indicators);
  fitColumns(ws, { headerRows: [indicators.headerRow, activities.headerRow], headerCap: 16, fmt, max: 40 });

  let row = activities.lastRow + 2;
  for (const name of input.charts) {
    const placed = input.images.place(ws, name, row, 1, IMAGE_WIDTH);
    if (placed) row += placed.rows + 1;
  }
}
