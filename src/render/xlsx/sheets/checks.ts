/**
 * The `Kiểm tra` sheet: for a rollup, how complete the submissions are and where each unit
 * stands; then every issue the checker found, with its place, so a clerk can go and fix it.
 */
import type { Worksheet } from 'exceljs';
import { CLI } from '../../../catalog/cli-messages';
import { ACTIVITY_COLUMNS, tallyColumns, UNIT_COLUMNS } from '../../../catalog/columns';
import { issueText } from '../../../catalog/issues';
import type { Indicator } from '../../../catalog/indicators';
import type { Issue } from '../../../records/issue';
import type { UnitStatus } from '../../workbook-input';
import type { HeaderGuard } from '../header-guard';
import { fitColumns, freezeAndFilter, titleRow, writeTable, type CellInput, type ColumnSpec, type Formats, type TablePlace } from '../style';

export interface ChecksInput {
  issues: Issue[];
  status?: UnitStatus[];
  indicators: Indicator[];
  guard: HeaderGuard;
  fmt: Formats;
}

const COMPLETENESS_COLUMNS: ColumnSpec[] = [
  { header: 'Tình trạng nộp', kind: 'text' },
  { header: 'Số đơn vị', kind: 'int' },
  { header: 'Tỷ lệ so với dự kiến', kind: 'rate' },
];

const STATUS_COLUMNS: ColumnSpec[] = [
  { header: 'Đơn vị (mã)', kind: 'text' },
  { header: 'Đơn vị (tên)', kind: 'text' },
  { header: 'Trạng thái', kind: 'text' },
  { header: 'Tệp', kind: 'text' },
  { header: 'Thời điểm', kind: 'text' },
  { header: 'Muộn', kind: 'text' },
  { header: 'Số lỗi', kind: 'int' },
];

const ISSUE_COLUMNS: ColumnSpec[] = [
  { header: 'Mã lỗi', kind: 'text' },
  { header: 'Mức độ', kind: 'text' },
  { header: 'Tệp', kind: 'text' },
  { header: 'Trang tính', kind: 'text' },
  { header: 'Dòng', kind: 'int' },
  { header: 'Cột', kind: 'text' },
  { header: 'Ô', kind: 'text' },
  { header: 'Giá trị', kind: 'text' },
  { header: 'Nội dung', kind: 'text' },
];
const VALUE_COL = ISSUE_COLUMNS.findIndex((c) => c.header === 'Giá trị');

const STATUS_LABEL: Record<UnitStatus['status'], string> = {
  submitted: 'Đã nộp',
  missing: 'Chưa nộp',
  rejected: 'Bị từ chối',
};

function completenessRows(status: UnitStatus[]): CellInput[][] {
  const expected = status.length;
  const count = (f: (s: UnitStatus) => boolean) => status.filter(f).length;
  const rows: [string, number][] = [
    ['Dự kiến', expected],
    ['Đã nộp', count((s) => s.status === 'submitted')],
    ['Đúng hạn', count((s) => s.status === 'submitted' && !s.late)],
    ['Nộp muộn', count((s) => s.status === 'submitted' && s.late)],
    ['Bị từ chối', count((s) => s.status === 'rejected')],
    ['Chưa nộp', count((s) => s.status === 'missing')],
  ];
  return rows.map(([label, n]) => [label, n, expected > 0 ? n / expected : null]);
}

function statusRow(s: UnitStatus): CellInput[] {
  return [s.code, s.name, STATUS_LABEL[s.status], s.file, s.time, s.late ? 'Có' : 'Không', s.issues];
}

/**
 * "Số buổi (sessions)": the label a clerk knows with the key the JSON output uses. A bare label
 * would let an issue row (column label + a header value) look like an input header.
 */
function columnLabels(indicators: Indicator[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of [...ACTIVITY_COLUMNS, ...tallyColumns(indicators), ...UNIT_COLUMNS]) if (!m.has(c.key)) m.set(c.key, c.labels[0]);
  return m;
}

function severityLabel(s: Issue['severity']): string {
  const t = CLI.severity[s]?.vi ?? s;
  return t.charAt(0).toLocaleUpperCase('vi-VN') + t.slice(1);
}

function issueRows(input: ChecksInput): CellInput[][] {
  const labels = columnLabels(input.indicators);
  return input.issues.map((i) => {
    const label = i.column ? labels.get(i.column) : undefined;
    const row: CellInput[] = [
      i.code,
      severityLabel(i.severity),
      i.file,
      i.sheet,
      i.row,
      i.column ? (label ? `${label} (${i.column})` : i.column) : null,
      i.cell,
      i.value,
      // The workbook is a Vietnamese document, whatever the language of the terminal that made it.
      issueText(i, 'vi'),
    ];
    // A sheet named like a column and a header label as the value would still read as a header.
    if (input.guard.looksLikeHeader(row.map((v) => (v === null || v === undefined ? null : String(v)))) && i.value !== null) {
      row[VALUE_COL] = `Giá trị: ${i.value}`;
    }
    return row;
  });
}

export function writeChecksSheet(ws: Worksheet, input: ChecksInput): void {
  const { fmt } = input;
  const headers: number[] = [];
  let row = 1;
  let main: TablePlace | null = null;
  const section = (title: string, columns: ColumnSpec[], rows: CellInput[][]): TablePlace => {
    titleRow(ws, row, title, columns.length);
    const t = writeTable(ws, { row: row + 1 }, columns, rows, fmt);
    headers.push(t.headerRow);
    row = t.lastRow + 2;
    return t;
  };
  if (input.status) {
    section('TÌNH HÌNH NỘP BÁO CÁO', COMPLETENESS_COLUMNS, completenessRows(input.status));
    main = section('CÁC ĐƠN VỊ', STATUS_COLUMNS, input.status.map(statusRow));
  }
  if (input.issues.length > 0) {
    const t = section('CÁC LỖI, CẢNH BÁO VÀ THÔNG TIN', ISSUE_COLUMNS, issueRows(input));
    main = main ?? t;
  }
  // One filter per sheet: the units when there are any (a rollup's main question), else the issues.
  if (main) freezeAndFilter(ws, main);
  fitColumns(ws, { headerRows: headers, fmt, max: 80 });
}
