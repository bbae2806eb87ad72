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
  /** How the blank form shows the column (columns the form does not write have none). */
  form?: FormField;
}

/**
 * A column in the blank form: its width (characters; the form's default when absent) and the
 * sentence the instructions sheet gives for it. `{year}`, `{types}`, `{modes}` and `{limit}`
 * (", không lớn hơn “<the whole>”" for a part of an indicator) are filled in by the form;
 * `helpWithList` replaces `help` when the form offers the units as a dropdown.
 */
export interface FormField {
  width?: number;
  help: string;
  helpWithList?: string;
}

const UNIT_CODE: Column = {
  key: 'unit_code', labels: ['Mã đơn vị', 'Mã ĐV'], type: 'code', required: true,
  form: { width: 14, help: 'Mã của đơn vị theo danh mục được cấp.', helpWithList: 'Chọn mã của đơn vị trong danh sách.' },
};
const UNIT_NAME: Column = { key: 'unit_name', labels: ['Tên đơn vị', 'Đơn vị'], type: 'text', form: { width: 28, help: 'Tên đầy đủ của đơn vị.' } };

export const ACTIVITY_COLUMNS: Column[] = [
  UNIT_CODE,
  UNIT_NAME,
  {
    key: 'date', labels: ['Ngày tổ chức', 'Ngày', 'Thời gian'], type: 'date', required: true,
    form: { width: 13, help: 'Ngày tổ chức hoạt động, ghi ngày/tháng/năm (ví dụ 02/10/{year}).' },
  },
  {
    key: 'end_date', labels: ['Đến ngày', 'Ngày kết thúc'], type: 'date',
    form: { width: 13, help: 'Ngày kết thúc, nếu hoạt động kéo dài nhiều ngày; để trống nếu chỉ trong một ngày.' },
  },
  { key: 'type', labels: ['Loại hoạt động'], type: 'type', required: true, form: { width: 26, help: 'Chọn trong danh sách: {types}.' } },
  { key: 'title', labels: ['Tên hoạt động', 'Nội dung'], type: 'text', required: true, form: { width: 42, help: 'Tên hoặc nội dung của hoạt động.' } },
  { key: 'mode', labels: ['Hình thức'], type: 'mode', form: { width: 13, help: 'Chọn: {modes}. Để trống là trực tiếp.' } },
  { key: 'sessions', labels: ['Số buổi', 'Số lớp'], type: 'sessions', form: { width: 10, help: 'Số buổi (hoặc số lớp): số nguyên từ 1 trở lên; để trống là 1.' } },
  {
    key: 'participants', labels: ['Số lượt người tham gia', 'Số người tham gia', 'Lượt người'], type: 'count', required: true,
    form: { width: 14, help: 'Tổng số lượt người tham gia: số nguyên từ 0 trở lên.' },
  },
  {
    key: 'photos', labels: ['Ảnh', 'Hình ảnh'], type: 'paths',
    form: { width: 26, help: 'Tên các tệp ảnh của hoạt động (JPEG, PNG), cách nhau bằng dấu chấm phẩy (;), ví dụ: khai-mac-1.jpg; khai-mac-2.jpg.' },
  },
  { key: 'caption', labels: ['Chú thích ảnh'], type: 'text', form: { width: 30, help: 'Chú thích cho ảnh (nếu có).' } },
  { key: 'notes', labels: ['Ghi chú'], type: 'text', form: { width: 24, help: 'Ghi chú khác (nếu có).' } },
];

/** Every figure of a tallies row is filled in the same way. */
const FIGURE: FormField = { help: 'Số nguyên từ 0 trở lên{limit}. Để trống nếu không có số liệu.' };

/** The figures of a tallies row (after the unit), in the order the form writes them. */
export const TALLY_FIGURES: Column[] = [
  { key: 'population', labels: ['Dân số'], type: 'count', form: FIGURE },
  { key: 'members', labels: ['Hội viên khuyến học', 'Số hội viên'], type: 'count', form: FIGURE },
  { key: 'branches', labels: ['Chi hội khuyến học', 'Số chi hội'], type: 'count', form: FIGURE },
  { key: 'families_total', labels: ['Tổng số hộ gia đình', 'Số hộ gia đình'], type: 'count', form: FIGURE },
  { key: 'families_learning', labels: ['Gia đình học tập'], type: 'count', form: FIGURE },
  { key: 'clans_total', labels: ['Tổng số dòng họ', 'Số dòng họ'], type: 'count', form: FIGURE },
  { key: 'clans_learning', labels: ['Dòng họ học tập'], type: 'count', form: FIGURE },
  { key: 'communities_total', labels: ['Số thôn, tổ dân phố', 'Số cộng đồng'], type: 'count', form: FIGURE },
  { key: 'communities_learning', labels: ['Cộng đồng học tập'], type: 'count', form: FIGURE },
  { key: 'organizations_total', labels: ['Số cơ quan, đơn vị', 'Tổng số đơn vị'], type: 'count', form: FIGURE },
  { key: 'organizations_learning', labels: ['Đơn vị học tập'], type: 'count', form: FIGURE },
  { key: 'citizens_total', labels: ['Số công dân'], type: 'count', form: FIGURE },
  { key: 'citizens_learning', labels: ['Công dân học tập'], type: 'count', form: FIGURE },
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
