import type { Lang } from './lang';

/**
 * The issue catalogue: one entry per stable code of the input contract (inputs.md, "Issues"), with
 * its severity, what it means, and its message in Vietnamese and English. Scripts depend on the
 * codes and severities; only the texts change with the language. An issue carries its code and
 * parameters (language-neutral: keys, numbers, text from the inputs); its text is made where it
 * is shown (`issueText`). A new check adds its codes here and raises them from its module in
 * src/validate/checks/.
 */
export type Severity = 'error' | 'warning' | 'info';

/** What every message may quote: the offending value as the user would read it back ('' when none). */
interface Shown {
  value: string;
}

type Template<P> = (p: P & Shown) => string;

interface Entry<P extends object> {
  severity: Severity;
  /** When it is raised (inputs.md's "when"), for the README and the engineers. */
  description: string;
  vi: Template<P>;
  en: Template<P>;
}

/** An entry whose parameters are `P`: the catalogue types what each check must pass. */
const entry = <P extends object = Record<never, never>>(e: Entry<P>): Entry<P> => e;

const q = (s?: string) => `“${s ?? ''}”`;

/** A column's label as the user wrote it in the header: messages quote it as they know it. */
type Labelled = { label: string };

export const ISSUES = {
  'file-unreadable': entry<{ reason: keyof typeof UNREADABLE_REASONS }>({
    severity: 'error',
    description: 'not a readable CSV/XLSX (corrupt, encrypted, too large to unpack safely, wrong format)',
    vi: (p) => `Không đọc được tệp: ${UNREADABLE_REASONS[p.reason].vi}`,
    en: (p) => `Cannot read the file: ${UNREADABLE_REASONS[p.reason].en}`,
  }),
  'csv-malformed': entry<{ line: number; detail: string }>({
    severity: 'error',
    description: 'CSV syntax error (unclosed quote ...), with its line',
    vi: (p) => `Tệp CSV sai cú pháp ở dòng ${p.line} (${p.detail}); kiểm tra dấu ngoặc kép chưa đóng, rồi lưu lại tệp`,
    en: (p) => `CSV syntax error at line ${p.line} (${p.detail}); look for an unclosed quote, then save the file again`,
  }),
  'encoding-guessed': entry<{ encoding: string }>({
    severity: 'info',
    description: 'the CSV encoding was inferred, not declared by a BOM or UTF-8-valid bytes',
    vi: (p) => `Tệp không có dấu hiệu bảng mã; đã đọc theo bảng mã ${p.encoding}. Nên lưu lại dạng "CSV UTF-8"`,
    en: (p) => `The file does not declare its encoding; it was read as ${p.encoding}. Saving it as "CSV UTF-8" avoids the guess`,
  }),
  'table-unrecognized': entry<{ kinds: string }>({
    severity: 'info',
    description: 'a sheet or file whose header matches no kind',
    vi: (p) => `Bỏ qua: dòng tiêu đề không khớp với bảng nào (${p.kinds}) trong 20 dòng đầu`,
    en: (p) => `Skipped: no header row matching a known table (${p.kinds}) in the first 20 rows`,
  }),
  'header-missing': entry<Labelled>({
    severity: 'error',
    description: 'a required column is absent',
    vi: (p) => `Thiếu cột bắt buộc ${q(p.label)}`,
    en: (p) => `Required column ${q(p.label)} is missing`,
  }),
  'header-duplicate': entry<Labelled & { other: string }>({
    severity: 'error',
    description: 'two columns map to the same key',
    vi: (p) => `Cột ${q(p.value)} trùng nội dung với cột ${q(p.other)} (cùng là ${q(p.label)}); xóa một cột`,
    en: (p) => `Column ${q(p.value)} means the same as column ${q(p.other)} (both ${q(p.label)}); remove one`,
  }),
  'header-unknown': entry({
    severity: 'warning',
    description: 'a column that maps to no key (ignored)',
    vi: (p) => `Cột ${q(p.value)} không thuộc biểu mẫu, sẽ bị bỏ qua`,
    en: (p) => `Column ${q(p.value)} is not part of the form and is ignored`,
  }),
  'cell-required': entry<Labelled>({
    severity: 'error',
    description: 'a required cell is blank',
    vi: (p) => `Ô ${q(p.label)} đang trống; cột này bắt buộc`,
    en: (p) => `${q(p.label)} is blank; it is required`,
  }),
  'cell-type': entry<Labelled & { expected: Expected }>({
    severity: 'error',
    description: 'not a number, not a date, a formula error',
    vi: (p) => `${q(p.label)}: giá trị ${q(p.value)} không hợp lệ; cần ${EXPECTED[p.expected].vi}`,
    en: (p) => `${q(p.label)}: ${q(p.value)} is not valid; expected ${EXPECTED[p.expected].en}`,
  }),
  'cell-range': entry<Labelled & { expected: Expected }>({
    severity: 'error',
    description: 'negative, not whole, sessions < 1, end before start',
    vi: (p) => `${q(p.label)}: giá trị ${q(p.value)} ngoài phạm vi; cần ${EXPECTED[p.expected].vi}`,
    en: (p) => `${q(p.label)}: ${q(p.value)} is out of range; expected ${EXPECTED[p.expected].en}`,
  }),
  'enum-unknown': entry<Labelled & { suggestion: string; catalogue: string }>({
    severity: 'error',
    description: 'an activity type or mode not in the catalogue; the message suggests the nearest',
    vi: (p) => `${q(p.label)}: ${q(p.value)} không có trong danh mục${p.suggestion ? `; có phải là ${q(p.suggestion)}?` : ''} (danh mục: ${p.catalogue})`,
    en: (p) => `${q(p.label)}: ${q(p.value)} is not in the catalogue${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : ''} (catalogue: ${p.catalogue})`,
  }),
  'date-outside-week': entry<{ week: string }>({
    severity: 'warning',
    description: 'an activity dated outside the configured week of the same year',
    vi: (p) => `Ngày ${p.value} nằm ngoài Tuần lễ (${p.week}); kiểm tra lại`,
    en: (p) => `Date ${p.value} is outside the week (${p.week}); check it`,
  }),
  'date-wrong-year': entry<{ year: number }>({
    severity: 'error',
    description: 'an activity dated in another year',
    vi: (p) => `Ngày ${p.value} không thuộc năm ${p.year}; có thể nhập nhầm năm`,
    en: (p) => `Date ${p.value} is not in ${p.year}; the year is probably mistyped`,
  }),
  'exceeds-total': entry<Labelled & { totalLabel: string; total: string }>({
    severity: 'error',
    description: 'a part larger than its whole (families_learning > families_total, members > population ...)',
    vi: (p) => `${q(p.label)} (${p.value}) lớn hơn ${q(p.totalLabel)} (${p.total})`,
    en: (p) => `${q(p.label)} (${p.value}) is larger than ${q(p.totalLabel)} (${p.total})`,
  }),
  'rate-mismatch': entry<Labelled & { computed: string; value: string }>({
    severity: 'warning',
    description: 'a rate typed in the sheet that disagrees with its parts',
    vi: (p) => `${q(p.label)} ghi ${p.value} nhưng tính từ số liệu được ${p.computed}`,
    en: (p) => `${q(p.label)} says ${p.value} but the figures give ${p.computed}`,
  }),
  'unit-unknown': entry<{ suggestion?: string }>({
    severity: 'error',
    description: 'a unit code not in the units list (when a list is given)',
    vi: (p) => `Mã đơn vị ${q(p.value)} không có trong danh mục đơn vị${p.suggestion ? `; có phải là ${q(p.suggestion)}?` : ''}`,
    en: (p) => `Unit code ${q(p.value)} is not in the units list${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : ''}`,
  }),
  'unit-name-mismatch': entry<{ listed: string }>({
    severity: 'warning',
    description: "a unit name that differs from the list's (after normalisation)",
    vi: (p) => `Tên đơn vị ${q(p.value)} khác với danh mục (${q(p.listed)})`,
    en: (p) => `Unit name ${q(p.value)} differs from the units list (${q(p.listed)})`,
  }),
  'unit-duplicate': entry<{ other: string }>({
    severity: 'error',
    description: 'two tallies rows for one unit',
    vi: (p) => `Đơn vị ${q(p.value)} có hai dòng số liệu (dòng đầu: ${p.other}); giữ một dòng`,
    en: (p) => `Unit ${q(p.value)} has two rows of figures (first: ${p.other}); keep one`,
  }),
  'row-duplicate': entry<{ firstRow: number }>({
    severity: 'warning',
    description: 'an activity row identical to an earlier one',
    vi: (p) => `Dòng trùng hoàn toàn với dòng ${p.firstRow}; có thể nhập hai lần`,
    en: (p) => `Row identical to row ${p.firstRow}; probably entered twice`,
  }),
  'photo-missing': entry<{ reason: keyof typeof PHOTO_REASONS }>({
    severity: 'warning',
    description: 'a photo path that does not exist or is not a JPEG/PNG',
    vi: (p) => `Ảnh ${q(p.value)} ${PHOTO_REASONS[p.reason].vi}`,
    en: (p) => `Photo ${q(p.value)} ${PHOTO_REASONS[p.reason].en}`,
  }),
  'photo-outside': entry({
    severity: 'error',
    description: "a photo path that leaves the submission's folder (`..`, absolute)",
    vi: (p) => `Đường dẫn ảnh ${q(p.value)} ra ngoài thư mục hồ sơ; đặt ảnh trong thư mục của tệp và ghi đường dẫn tương đối`,
    en: (p) => `Photo path ${q(p.value)} leaves the submission's folder; keep photos beside the file and give a relative path`,
  }),
};

export type IssueCode = keyof typeof ISSUES;

/** The parameters an issue of `code` carries: what its templates need besides the value. */
export type IssueParams<C extends IssueCode> = C extends IssueCode ? ((typeof ISSUES)[C] extends Entry<infer P> ? P : never) : never;

export function severityOf(code: IssueCode): Severity {
  return ISSUES[code].severity;
}

/**
 * An issue's message in `lang`. `value` is the offending value as shown ('' or null when none); a
 * parameter named `value` (rate-mismatch's rate as typed) takes its place.
 */
export function issueText(issue: { code: IssueCode; value: string | null; params: object }, lang: Lang): string {
  const template = ISSUES[issue.code][lang] as Template<object>;
  return template({ value: issue.value ?? '', ...issue.params });
}

/** What a cell should hold, as `cell-type` and `cell-range` say it. */
export const EXPECTED = {
  count: { vi: 'số nguyên không âm (vd. 1.250)', en: 'a whole number ≥ 0 (e.g. 1.250)' },
  sessions: { vi: 'số nguyên từ 1 trở lên', en: 'a whole number ≥ 1' },
  date: { vi: 'ngày dạng dd/mm/yyyy (vd. 02/10/2025)', en: 'a day-first date dd/mm/yyyy (e.g. 02/10/2025)' },
  rate: { vi: 'tỷ lệ phần trăm (vd. 74,40%)', en: 'a percentage (e.g. 74,40%)' },
  text: { vi: 'văn bản', en: 'text' },
  endAfterStart: { vi: 'không trước ngày tổ chức', en: 'not before the start date' },
  formulaError: { vi: 'một giá trị, không phải lỗi công thức', en: 'a value, not a formula error' },
  formulaNoResult: {
    vi: 'một giá trị; công thức này chưa được tính (tệp do phần mềm khác tạo) — hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại',
    en: 'a value; this formula was never calculated (the file was made by another program) — open the file in Excel or LibreOffice and save it again',
  },
  textLength: { vi: 'tối đa 32.767 ký tự (giới hạn của một ô Excel)', en: 'at most 32.767 characters (the limit of an Excel cell)' },
} satisfies Record<string, Record<Lang, string>>;

export type Expected = keyof typeof EXPECTED;

/** How a message names each format read through SheetJS (read/sheetjs/; read/types.ts `SheetjsFormat`). */
export const SHEETJS_FORMAT_NAMES = {
  xls: { vi: 'tệp Excel 97-2003 (.xls)', en: 'the Excel 97-2003 (.xls) file' },
  ods: { vi: 'tệp OpenDocument/LibreOffice (.ods)', en: 'the OpenDocument/LibreOffice (.ods) file' },
  html: { vi: 'trang HTML đặt tên bảng tính (.xls)', en: 'the HTML page saved as a spreadsheet (.xls)' },
  xml2003: { vi: 'tệp "XML Spreadsheet 2003" của Excel', en: 'the Excel "XML Spreadsheet 2003" file' },
} satisfies Record<string, Record<Lang, string>>;

type SheetjsFormatName = keyof typeof SHEETJS_FORMAT_NAMES;

/** The reasons that name their format: `xls-encrypted`, `ods-corrupt`, `html-too-large`... */
type SheetjsFormatReason = `${SheetjsFormatName}-corrupt` | `${SheetjsFormatName}-too-large` | 'xls-encrypted' | 'ods-encrypted';

function sheetjsFormatReasons(): Record<SheetjsFormatReason, Record<Lang, string>> {
  const out = {} as Record<string, Record<Lang, string>>;
  for (const [format, name] of Object.entries(SHEETJS_FORMAT_NAMES)) {
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

/**
 * Why a file cannot be read, by the reason its reader gives (read/types.ts `UnreadableReason`:
 * validate/checks/read-notices.ts passes one as `file-unreadable`'s parameter, so a reason with no
 * words here does not compile).
 */
export const UNREADABLE_REASONS = {
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
  // Past the readers' caps (read/limits.ts): Excel's own limits, then structure no saved workbook has.
  'too-many-rows': {
    vi: 'tệp có hơn 1.048.576 dòng, quá giới hạn của Excel; hãy chia số liệu thành nhiều tệp',
    en: 'the file has more than 1.048.576 rows, beyond what Excel can hold; split the data into several files',
  },
  'too-many-columns': {
    vi: 'tệp có dòng dài hơn 16.384 cột, quá giới hạn của Excel; tệp không phải do Excel lưu hoặc đã bị hỏng — hãy xin đơn vị gửi lại',
    en: 'a row runs past 16.384 columns, beyond what Excel can hold; the file was not saved by Excel or is damaged — ask the unit to send it again',
  },
  'too-complex': {
    vi: 'cấu trúc bên trong tệp bất thường (không như Excel hay LibreOffice lưu), có thể là tệp độc hại; không đọc — hãy mở bằng Excel, lưu lại rồi gửi lại',
    en: 'the file is built in an abnormal way (not as Excel or LibreOffice save it), possibly hostile; not read — open it in Excel, save it and send it again',
  },
} satisfies Record<string, Record<Lang, string>>;

/** Why a photo named in a table cannot be used. */
export const PHOTO_REASONS = {
  missing: { vi: 'không tồn tại', en: 'does not exist' },
  'not-image': { vi: 'không phải ảnh JPEG/PNG', en: 'is not a JPEG/PNG image' },
} satisfies Record<string, Record<Lang, string>>;
