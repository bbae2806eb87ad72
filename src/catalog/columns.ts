import { INDICATORS, type Indicator } from './indicators';

/**
 * The columns of each table kind (inputs.md): key, accepted labels, whether required, and the
 * value type the checker parses. The first label is the one the form and the output workbook write.
 */
export type TableKind = 'activities' | 'tallies' | 'units';

export type ColumnType =
  | 'text'
  | 'code'       // unit codes: text, leading zeros kept, 123 never 123.0
  | 'date'
  | 'type'       // activity type catalogue
  | 'mode'       // mode catalogue
  | 'count'      // whole ≥ 0
  | 'sessions'   // whole ≥ 1
  | 'rate'       // a percentage the unit typed; checked, never used
  | 'paths';     // `;`-separated photo paths

export interface Column {
  key: string;
  labels: string[];
  type: ColumnType;
  required?: boolean;
}

const UNIT_CODE: Column = { key: 'unit_code', labels: ['Mã đơn vị', 'Mã ĐV'], type: 'code', required: true };
const UNIT_NAME: Column = { key: 'unit_name', labels: ['Tên đơn vị', 'Đơn vị'], type: 'text' };

export const ACTIVITY_COLUMNS: Column[] = [
  UNIT_CODE,
  UNIT_NAME,
  { key: 'date', labels: ['Ngày tổ chức', 'Ngày', 'Thời gian'], type: 'date', required: true },
  { key: 'end_date', labels: ['Đến ngày', 'Ngày kết thúc'], type: 'date' },
  { key: 'type', labels: ['Loại hoạt động'], type: 'type', required: true },
  { key: 'title', labels: ['Tên hoạt động', 'Nội dung'], type: 'text', required: true },
  { key: 'mode', labels: ['Hình thức'], type: 'mode' },
  { key: 'sessions', labels: ['Số buổi', 'Số lớp'], type: 'sessions' },
  { key: 'participants', labels: ['Số lượt người tham gia', 'Số người tham gia', 'Lượt người'], type: 'count', required: true },
  { key: 'photos', labels: ['Ảnh', 'Hình ảnh'], type: 'paths' },
  { key: 'caption', labels: ['Chú thích ảnh'], type: 'text' },
  { key: 'notes', labels: ['Ghi chú'], type: 'text' },
];

/** The figures of a tallies row (after the unit), in the order the form writes them. */
export const TALLY_FIGURES: Column[] = [
  { key: 'population', labels: ['Dân số'], type: 'count' },
  { key: 'members', labels: ['Hội viên khuyến học', 'Số hội viên'], type: 'count' },
  { key: 'branches', labels: ['Chi hội khuyến học', 'Số chi hội'], type: 'count' },
  { key: 'families_total', labels: ['Tổng số hộ gia đình', 'Số hộ gia đình'], type: 'count' },
  { key: 'families_learning', labels: ['Gia đình học tập'], type: 'count' },
  { key: 'clans_total', labels: ['Tổng số dòng họ', 'Số dòng họ'], type: 'count' },
  { key: 'clans_learning', labels: ['Dòng họ học tập'], type: 'count' },
  { key: 'communities_total', labels: ['Số thôn, tổ dân phố', 'Số cộng đồng'], type: 'count' },
  { key: 'communities_learning', labels: ['Cộng đồng học tập'], type: 'count' },
  { key: 'organizations_total', labels: ['Số cơ quan, đơn vị', 'Tổng số đơn vị'], type: 'count' },
  { key: 'organizations_learning', labels: ['Đơn vị học tập'], type: 'count' },
  { key: 'citizens_total', labels: ['Số công dân'], type: 'count' },
  { key: 'citizens_learning', labels: ['Công dân học tập'], type: 'count' },
];

/** `Tỷ lệ gia đình học tập` → `families_rate`: one optional typed-rate column per indicator. */
export function rateColumns(indicators: Indicator[]): Column[] {
  return indicators.map((ind) => ({
    key: `${ind.key}_rate`,
    labels: [`Tỷ lệ ${ind.label.charAt(0).toLowerCase()}${ind.label.slice(1)}`, `Tỷ lệ ${ind.key}`],
    type: 'rate' as const,
  }));
}

export function tallyColumns(indicators: Indicator[] = INDICATORS): Column[] {
  return [UNIT_CODE, UNIT_NAME, ...TALLY_FIGURES, ...rateColumns(indicators)];
}

export const UNIT_COLUMNS: Column[] = [
  { key: 'code', labels: ['Mã đơn vị', 'Mã ĐV'], type: 'code', required: true },
  { key: 'name', labels: ['Tên đơn vị', 'Đơn vị'], type: 'text', required: true },
  { key: 'kind', labels: ['Loại', 'Loại đơn vị', 'Cấp'], type: 'text' },
  { key: 'parent', labels: ['Mã đơn vị cấp trên', 'Đơn vị cấp trên', 'Mã cấp trên'], type: 'code' },
];

export function columnsOf(kind: TableKind, indicators: Indicator[] = INDICATORS): Column[] {
  if (kind === 'activities') return ACTIVITY_COLUMNS;
  if (kind === 'tallies') return tallyColumns(indicators);
  return UNIT_COLUMNS;
}

/** The Vietnamese name of each table kind: the sheet names the form and the workbook write. */
export const TABLE_SHEET_NAMES: Record<TableKind, string> = {
  activities: 'Hoạt động',
  tallies: 'Xã hội học tập',
  units: 'Danh mục đơn vị',
};
