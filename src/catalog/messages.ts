import { TABLE_SHEET_NAMES } from './columns';
import { issueText, type IssueCode } from './issues';
import type { Lang } from './lang';

/**
 * Why a command could not run (exit 2), in Vietnamese and English; the CLI shows them in its
 * language (cli/main.ts). Issue messages are in catalog/issues.ts, the command line's own texts in
 * catalog/cli-messages.ts.
 */
export type Msg = Record<Lang, (p: MsgParams) => string>;

/** What a fatal message may mention: language-neutral, worded by the template. */
export interface MsgParams {
  label?: string;        // a config field
  value?: string;        // the file or value at fault
  other?: string;        // a second path (the folder an --out is made in, the inbox it overlaps)
  expected?: string;     // a CONFIG_EXPECTS key
  detail?: string;       // technical detail from a library or the system, as it gave it
  reason?: FatalReason;  // why a list or workbook is unusable, in words of FATAL_REASONS
  /** The first issue that makes a units list or a baseline unusable. */
  issue?: { code: IssueCode; row: number | null; value: string | null; params: object };
  line?: number;
  year?: number;
}

/** Why the units list or last year's workbook gives nothing to work with. */
export const FATAL_REASONS = {
  'not-found': { vi: 'không tồn tại', en: 'does not exist' },
  'no-units': { vi: 'không có đơn vị nào', en: 'no units in it' },
  'no-tallies': { vi: `không có trang “${TABLE_SHEET_NAMES.tallies}”`, en: `no “${TABLE_SHEET_NAMES.tallies}” sheet` },
} satisfies Record<string, Record<Lang, string>>;

export type FatalReason = keyof typeof FATAL_REASONS;

/** The detail of a fatal message: an issue (with its row), a known reason, or a library's words. */
function detailOf(p: MsgParams, lang: Lang): string {
  if (p.issue) return `${p.issue.row ? `${p.issue.row}: ` : ''}${issueText(p.issue, lang)}`;
  if (p.reason) return FATAL_REASONS[p.reason][lang];
  return p.detail ?? '';
}

export const CONFIG_EXPECTS: Record<string, Record<Lang, string>> = {
  isoDate: { vi: 'một ngày dạng yyyy-mm-dd (vd. 2025-10-15)', en: 'a date yyyy-mm-dd (e.g. 2025-10-15)' },
  text: { vi: 'một chuỗi văn bản không rỗng', en: 'a non-empty text' },
  textList: { vi: 'một danh sách văn bản (mỗi dòng bắt đầu bằng "- ")', en: 'a list of texts (one "- " line each)' },
  code: { vi: 'một mã đơn vị', en: 'a unit code' },
  key: { vi: 'một khóa chữ thường không dấu (vd. book_club)', en: 'a lower-case key (e.g. book_club)' },
  year: { vi: 'một năm (vd. 2025)', en: 'a year (e.g. 2025)' },
  fraction: { vi: 'một tỷ lệ từ 0 đến 1 (vd. 0.7)', en: 'a fraction from 0 to 1 (e.g. 0.7)' },
  list: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một nhóm trường con', en: 'a group of fields' },
  week: { vi: 'start và end dạng yyyy-mm-dd', en: 'start and end as yyyy-mm-dd' },
  number: { vi: 'số văn bản nguyên dương, hoặc để trống', en: 'a positive whole document number, or blank' },
  email: { vi: 'một địa chỉ e-mail', en: 'an e-mail address' },
  units: { vi: 'đường dẫn tệp danh mục đơn vị (CSV/XLSX) hoặc danh sách { code, name, kind, parent }', en: 'the path of a units list (CSV/XLSX) or a list of { code, name, kind, parent }' },
  decimals: { vi: 'số chữ số thập phân từ 0 đến 4', en: 'a number of decimals from 0 to 4' },
  count: { vi: 'một số nguyên dương', en: 'a positive whole number' },
  unknownField: { vi: 'không có trường này (xem lllweek init để có tệp mẫu)', en: 'no such field (lllweek init writes a commented example)' },
};

/** Why a command could not run (exit 2). */
export type FatalKey =
  | 'config-missing'
  | 'config-yaml'
  | 'config-field'
  | 'config-week'
  | 'input-missing'
  | 'no-inputs'
  | 'units-unreadable'
  | 'baseline-unreadable'
  | 'template-dir'
  | 'template-error'
  | 'output-unwritable'
  | 'output-exists'
  | 'locked'
  | 'theme-unknown'
  | 'bad-option'
  // output faults (issue 15)
  | 'disk-full'
  | 'output-denied'
  | 'out-not-folder'
  | 'out-parent-missing'
  | 'out-overlaps-inbox'
  | 'lock-lost';

export const FATAL_MESSAGES: Record<FatalKey, Msg> = {
  'config-missing': { vi: (p) => `Không tìm thấy tệp cấu hình ${p.value}`, en: (p) => `Config file ${p.value} not found` },
  'config-yaml': {
    vi: (p) => `Tệp cấu hình ${p.value} sai cú pháp YAML ở dòng ${p.line}: ${p.detail}`,
    en: (p) => `Config file ${p.value} is not valid YAML at line ${p.line}: ${p.detail}`,
  },
  'config-field': {
    vi: (p) => `Cấu hình sai ở trường "${p.label}": cần ${CONFIG_EXPECTS[p.expected ?? '']?.vi ?? p.expected}`,
    en: (p) => `Config field "${p.label}" is wrong: expected ${CONFIG_EXPECTS[p.expected ?? '']?.en ?? p.expected}`,
  },
  'config-week': {
    vi: (p) => `Cấu hình: week.end (${p.value}) trước week.start`,
    en: (p) => `Config: week.end (${p.value}) is before week.start`,
  },
  'theme-unknown': {
    vi: (p) => `Không có chủ đề Tuần lễ năm ${p.year} sẵn trong chương trình; hãy ghi "theme:" trong lllweek.yaml`,
    en: (p) => `No built-in theme for ${p.year}; give "theme:" in lllweek.yaml`,
  },
  'input-missing': { vi: (p) => `Không tìm thấy ${p.value}`, en: (p) => `${p.value} not found` },
  'no-inputs': {
    vi: () => 'Không có tệp .csv, .xlsx, .xlsm, .xls hoặc .ods nào để đọc',
    en: () => 'No .csv, .xlsx, .xlsm, .xls or .ods file to read',
  },
  'units-unreadable': {
    vi: (p) => `Không đọc được danh mục đơn vị ${p.value}: ${detailOf(p, 'vi')}`,
    en: (p) => `Cannot read the units list ${p.value}: ${detailOf(p, 'en')}`,
  },
  'baseline-unreadable': {
    vi: (p) => `Không đọc được báo cáo năm trước ${p.value}: ${detailOf(p, 'vi')}`,
    en: (p) => `Cannot read the baseline workbook ${p.value}: ${detailOf(p, 'en')}`,
  },
  'template-dir': { vi: (p) => `Không có thư mục mẫu ${p.value}`, en: (p) => `Template folder ${p.value} not found` },
  'template-error': {
    vi: (p) => `Mẫu ${p.value} có lỗi: ${p.detail}`,
    en: (p) => `Template ${p.value} has an error: ${p.detail}`,
  },
  'output-unwritable': {
    vi: (p) => `Không ghi được vào ${p.value}: ${p.detail}`,
    en: (p) => `Cannot write to ${p.value}: ${p.detail}`,
  },
  'output-exists': {
    vi: (p) => `${p.value} đã có; thêm --force để ghi đè`,
    en: (p) => `${p.value} already exists; add --force to overwrite`,
  },
  locked: {
    vi: (p) => `Một lần chạy khác đang ghi vào ${p.value}; thử lại sau`,
    en: (p) => `Another run is writing to ${p.value}; try again later`,
  },
  'bad-option': { vi: (p) => `Tùy chọn sai: ${p.detail}`, en: (p) => `Bad option: ${p.detail}` },
  // output faults (issue 15): each leaves the previous outputs as they were
  'disk-full': {
    vi: (p) => `Ổ đĩa đã đầy khi ghi ${p.value}: chưa ghi kết quả mới nào, các tệp kết quả trước vẫn nguyên. Hãy giải phóng dung lượng rồi chạy lại`,
    en: (p) => `The disk is full (writing ${p.value}): nothing new was written and the previous outputs are unchanged. Free some space and run again`,
  },
  'output-denied': {
    vi: (p) => `Không có quyền ghi vào ${p.value} (thư mục chỉ đọc hoặc không được phép ghi); chọn thư mục khác bằng --out hoặc sửa quyền của thư mục`,
    en: (p) => `No permission to write in ${p.value} (a read-only folder, or one not yours to write); choose another folder with --out or fix its permissions`,
  },
  'out-not-folder': {
    vi: (p) => `${p.value} là một tệp, không phải thư mục: --out cần tên một thư mục`,
    en: (p) => `${p.value} is a file, not a folder: --out names a folder`,
  },
  'out-parent-missing': {
    vi: (p) => `Không có thư mục ${p.other} để tạo ${p.value} trong đó; kiểm tra lại đường dẫn --out`,
    en: (p) => `There is no folder ${p.other} to make ${p.value} in; check the --out path`,
  },
  'out-overlaps-inbox': {
    vi: (p) => `--out ${p.value} chồng lên hộp thư ${p.other} (cùng một thư mục, hoặc thư mục này nằm trong thư mục kia): kết quả sẽ bị đọc như bài nộp, hoặc bài nộp bị bỏ qua như kết quả. Hãy dùng một thư mục riêng, vd. tong-hop/ cạnh hop-thu/`,
    en: (p) => `--out ${p.value} overlaps the inbox ${p.other} (the same folder, or one inside the other): outputs would be read as submissions, or submissions skipped as outputs. Use a folder of its own, e.g. tong-hop/ beside hop-thu/`,
  },
  'lock-lost': {
    vi: (p) => `Khóa ${p.value} đã bị xóa hoặc bị lần chạy khác chiếm trong khi đang chạy: đã dừng, các tệp kết quả trước vẫn nguyên`,
    en: (p) => `The lock ${p.value} was removed or taken by another run while this one was running: stopped, the previous outputs are unchanged`,
  },
};
