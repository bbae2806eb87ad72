import type { IssueCode } from './issue-codes';
import type { SheetjsFormat, UnreadableReason } from '../read/types';

/**
 * Every message the user reads, in Vietnamese and English. Codes never change with the
 * language; only these texts do.
 */
export type Lang = 'vi' | 'en';
export type Msg = Record<Lang, (p: MsgParams) => string>;

/** What a message may mention. */
export interface MsgParams {
  label?: string;        // the column's label as the user knows it
  value?: string;        // the offending value, as typed
  expected?: string;     // what was expected (already localised by the caller when needed)
  suggestion?: string;   // nearest catalogue entry
  detail?: string;       // technical detail from a library
  line?: number;
  total?: string;        // the whole a part exceeds
  totalLabel?: string;
  computed?: string;     // rate computed from the parts
  week?: string;         // 01/10/2025–07/10/2025
  year?: number;
  other?: string;        // another place (first occurrence)
  encoding?: string;
  kinds?: string;
  reason?: string;
}

const q = (s?: string) => `“${s ?? ''}”`;

export const ISSUE_MESSAGES: Record<IssueCode, Msg> = {
  'file-unreadable': {
    vi: (p) => `Không đọc được tệp: ${p.reason}`,
    en: (p) => `Cannot read the file: ${p.reason}`,
  },
  'csv-malformed': {
    vi: (p) => `Tệp CSV sai cú pháp ở dòng ${p.line} (${p.detail}); kiểm tra dấu ngoặc kép chưa đóng, rồi lưu lại tệp`,
    en: (p) => `CSV syntax error at line ${p.line} (${p.detail}); look for an unclosed quote, then save the file again`,
  },
  'encoding-guessed': {
    vi: (p) => `Tệp không có dấu hiệu bảng mã; đã đọc theo bảng mã ${p.encoding}. Nên lưu lại dạng "CSV UTF-8"`,
    en: (p) => `The file does not declare its encoding; it was read as ${p.encoding}. Saving it as "CSV UTF-8" avoids the guess`,
  },
  'table-unrecognized': {
    vi: (p) => `Bỏ qua: dòng tiêu đề không khớp với bảng nào (${p.kinds}) trong 20 dòng đầu`,
    en: (p) => `Skipped: no header row matching a known table (${p.kinds}) in the first 20 rows`,
  },
  'header-missing': {
    vi: (p) => `Thiếu cột bắt buộc ${q(p.label)}`,
    en: (p) => `Required column ${q(p.label)} is missing`,
  },
  'header-duplicate': {
    vi: (p) => `Cột ${q(p.value)} trùng nội dung với cột ${q(p.other)} (cùng là ${q(p.label)}); xóa một cột`,
    en: (p) => `Column ${q(p.value)} means the same as column ${q(p.other)} (both ${q(p.label)}); remove one`,
  },
  'header-unknown': {
    vi: (p) => `Cột ${q(p.value)} không thuộc biểu mẫu, sẽ bị bỏ qua`,
    en: (p) => `Column ${q(p.value)} is not part of the form and is ignored`,
  },
  'cell-required': {
    vi: (p) => `Ô ${q(p.label)} đang trống; cột này bắt buộc`,
    en: (p) => `${q(p.label)} is blank; it is required`,
  },
  'cell-type': {
    vi: (p) => `${q(p.label)}: giá trị ${q(p.value)} không hợp lệ; cần ${p.expected}`,
    en: (p) => `${q(p.label)}: ${q(p.value)} is not valid; expected ${p.expected}`,
  },
  'cell-range': {
    vi: (p) => `${q(p.label)}: giá trị ${q(p.value)} ngoài phạm vi; cần ${p.expected}`,
    en: (p) => `${q(p.label)}: ${q(p.value)} is out of range; expected ${p.expected}`,
  },
  'enum-unknown': {
    vi: (p) => `${q(p.label)}: ${q(p.value)} không có trong danh mục${p.suggestion ? `; có phải là ${q(p.suggestion)}?` : ''} (danh mục: ${p.expected})`,
    en: (p) => `${q(p.label)}: ${q(p.value)} is not in the catalogue${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : ''} (catalogue: ${p.expected})`,
  },
  'date-outside-week': {
    vi: (p) => `Ngày ${p.value} nằm ngoài Tuần lễ (${p.week}); kiểm tra lại`,
    en: (p) => `Date ${p.value} is outside the week (${p.week}); check it`,
  },
  'date-wrong-year': {
    vi: (p) => `Ngày ${p.value} không thuộc năm ${p.year}; có thể nhập nhầm năm`,
    en: (p) => `Date ${p.value} is not in ${p.year}; the year is probably mistyped`,
  },
  'exceeds-total': {
    vi: (p) => `${q(p.label)} (${p.value}) lớn hơn ${q(p.totalLabel)} (${p.total})`,
    en: (p) => `${q(p.label)} (${p.value}) is larger than ${q(p.totalLabel)} (${p.total})`,
  },
  'rate-mismatch': {
    vi: (p) => `${q(p.label)} ghi ${p.value} nhưng tính từ số liệu được ${p.computed}`,
    en: (p) => `${q(p.label)} says ${p.value} but the figures give ${p.computed}`,
  },
  'unit-unknown': {
    vi: (p) => `Mã đơn vị ${q(p.value)} không có trong danh mục đơn vị${p.suggestion ? `; có phải là ${q(p.suggestion)}?` : ''}`,
    en: (p) => `Unit code ${q(p.value)} is not in the units list${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : ''}`,
  },
  'unit-name-mismatch': {
    vi: (p) => `Tên đơn vị ${q(p.value)} khác với danh mục (${q(p.expected)})`,
    en: (p) => `Unit name ${q(p.value)} differs from the units list (${q(p.expected)})`,
  },
  'unit-duplicate': {
    vi: (p) => `Đơn vị ${q(p.value)} có hai dòng số liệu (dòng đầu: ${p.other}); giữ một dòng`,
    en: (p) => `Unit ${q(p.value)} has two rows of figures (first: ${p.other}); keep one`,
  },
  'row-duplicate': {
    vi: (p) => `Dòng trùng hoàn toàn với ${p.other}; có thể nhập hai lần`,
    en: (p) => `Row identical to ${p.other}; probably entered twice`,
  },
  'photo-missing': {
    vi: (p) => `Ảnh ${q(p.value)} ${p.reason}`,
    en: (p) => `Photo ${q(p.value)} ${p.reason}`,
  },
  'photo-outside': {
    vi: (p) => `Đường dẫn ảnh ${q(p.value)} ra ngoài thư mục hồ sơ; đặt ảnh trong thư mục của tệp và ghi đường dẫn tương đối`,
    en: (p) => `Photo path ${q(p.value)} leaves the submission's folder; keep photos beside the file and give a relative path`,
  },
};

/** How a message names each format read through SheetJS (src/read/sheetjs/). */
export const SHEETJS_FORMAT_NAMES: Record<SheetjsFormat, Record<Lang, string>> = {
  xls: { vi: 'tệp Excel 97-2003 (.xls)', en: 'the Excel 97-2003 (.xls) file' },
  ods: { vi: 'tệp OpenDocument/LibreOffice (.ods)', en: 'the OpenDocument/LibreOffice (.ods) file' },
  html: { vi: 'trang HTML đặt tên bảng tính (.xls)', en: 'the HTML page saved as a spreadsheet (.xls)' },
  xml2003: { vi: 'tệp "XML Spreadsheet 2003" của Excel', en: 'the Excel "XML Spreadsheet 2003" file' },
};

/** The reasons that name their format: `xls-encrypted`, `ods-corrupt`, `html-too-large`... */
type SheetjsFormatReason = `${SheetjsFormat}-corrupt` | `${SheetjsFormat}-too-large` | 'xls-encrypted' | 'ods-encrypted';

function sheetjsFormatReasons(): Record<SheetjsFormatReason, Record<Lang, string>> {
  const out = {} as Record<string, Record<Lang, string>>;
  for (const [format, name] of Object.entries(SHEETJS_FORMAT_NAMES) as [SheetjsFormat, Record<Lang, string>][]) {
    out[`${format}-corrupt`] = {
      vi: `${name.vi} bị hỏng hoặc không đầy đủ; hãy xin đơn vị gửi lại, hoặc mở bằng Excel/LibreOffice và lưu lại dạng .xlsx`,
      en: `${name.en} is corrupt or truncated; ask the unit to send it again, or open it in Excel/LibreOffice and save it as .xlsx`,
    };
    out[`${format}-too-large`] = {
      vi: `${name.vi} quá lớn hoặc quá phức tạp để đọc (có thể là tệp độc hại); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx`,
      en: `${name.en} is too large or too complex to read (possibly hostile); open it in Excel/LibreOffice and save it as .xlsx`,
    };
  }
  out['xls-encrypted'] = {
    vi: `${SHEETJS_FORMAT_NAMES.xls.vi} được đặt mật khẩu; hãy mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại`,
    en: `${SHEETJS_FORMAT_NAMES.xls.en} is protected by a password; open it in Excel, remove the password (File > Info > Protect Workbook) and save it again`,
  };
  out['ods-encrypted'] = {
    vi: `${SHEETJS_FORMAT_NAMES.ods.vi} được đặt mật khẩu; hãy mở bằng LibreOffice, chọn Lưu thành và bỏ chọn "Lưu với mật khẩu"`,
    en: `${SHEETJS_FORMAT_NAMES.ods.en} is protected by a password; open it in LibreOffice, use Save As and untick "Save with password"`,
  };
  return out as Record<SheetjsFormatReason, Record<Lang, string>>;
}

export const UNREADABLE_REASONS: Record<UnreadableReason, Record<Lang, string>> = {
  'not-found': { vi: 'tệp không tồn tại', en: 'the file does not exist' },
  denied: { vi: 'không có quyền đọc tệp; hãy kiểm tra quyền truy cập', en: 'no permission to read the file; check its access rights' },
  empty: { vi: 'tệp rỗng (0 byte)', en: 'the file is empty (0 bytes)' },
  'not-spreadsheet': {
    vi: 'không phải bảng tính (CSV, XLSX, XLSM, XLS, ODS); hãy mở bằng Excel và lưu lại dạng .xlsx',
    en: 'not a spreadsheet (CSV, XLSX, XLSM, XLS, ODS); open it in Excel and save it as .xlsx',
  },
  'html-xls': {
    vi: 'đây là trang HTML đặt tên bảng tính nhưng không có bảng số liệu nào (có thể là trang đăng nhập hoặc trang báo lỗi của phần mềm); hãy tải lại tệp từ phần mềm',
    en: 'this is an HTML page named as a spreadsheet but it holds no table (perhaps a login or error page of the software that exported it); download the file again',
  },
  encrypted: {
    vi: 'tệp được đặt mật khẩu; hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại',
    en: 'the workbook is password-protected; remove the password (File > Info > Protect Workbook) and save it again',
  },
  corrupt: {
    vi: 'tệp bị hỏng hoặc không đầy đủ; hãy xin đơn vị gửi lại',
    en: 'the file is corrupt or truncated; ask the unit to send it again',
  },
  'too-large': {
    vi: 'tệp giải nén ra quá lớn, có thể là tệp độc hại; không mở',
    en: 'the file would unpack to an unreasonable size (possibly hostile); not opened',
  },
  ...sheetjsFormatReasons(),
};

/** Words the checker puts into `expected`. */
export const EXPECTED: Record<string, Record<Lang, string>> = {
  count: { vi: 'số nguyên không âm (vd. 1.250)', en: 'a whole number ≥ 0 (e.g. 1.250)' },
  sessions: { vi: 'số nguyên từ 1 trở lên', en: 'a whole number ≥ 1' },
  date: { vi: 'ngày dạng dd/mm/yyyy (vd. 02/10/2025)', en: 'a day-first date dd/mm/yyyy (e.g. 02/10/2025)' },
  rate: { vi: 'tỷ lệ phần trăm (vd. 74,40%)', en: 'a percentage (e.g. 74,40%)' },
  text: { vi: 'văn bản', en: 'text' },
  endAfterStart: { vi: 'không trước ngày tổ chức', en: 'not before the start date' },
  formulaError: { vi: 'một giá trị, không phải lỗi công thức', en: 'a value, not a formula error' },
};

export const PHOTO_REASONS: Record<'missing' | 'not-image' | 'unreadable', Record<Lang, string>> = {
  missing: { vi: 'không tồn tại', en: 'does not exist' },
  'not-image': { vi: 'không phải ảnh JPEG/PNG', en: 'is not a JPEG/PNG image' },
  unreadable: { vi: 'không đọc được (tệp hỏng)', en: 'cannot be read (corrupt file)' },
};

/** What a config field expects, by the key its schema check carries. */
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
    vi: (p) => `Không đọc được danh mục đơn vị ${p.value}: ${p.detail}`,
    en: (p) => `Cannot read the units list ${p.value}: ${p.detail}`,
  },
  'baseline-unreadable': {
    vi: (p) => `Không đọc được báo cáo năm trước ${p.value}: ${p.detail}`,
    en: (p) => `Cannot read the baseline workbook ${p.value}: ${p.detail}`,
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
