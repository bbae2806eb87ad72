import type { Lang } from './lang';

/** The texts of the command line itself (not of issues): summaries, the report's closing lines. */
type T = Record<Lang, string>;
type F<P> = Record<Lang, (p: P) => string>;

export const CLI = {
  severity: { error: { vi: 'lỗi', en: 'error' }, warning: { vi: 'cảnh báo', en: 'warning' }, info: { vi: 'thông tin', en: 'info' } } as Record<string, T>,
  line: { vi: 'dòng', en: 'line' } as T,
  summary: {
    vi: (p) => `${p.errors} lỗi, ${p.warnings} cảnh báo, ${p.infos} thông tin; ${p.tables} bảng, ${p.rows} dòng số liệu`,
    en: (p) => `${p.errors} errors, ${p.warnings} warnings, ${p.infos} infos; ${p.tables} tables, ${p.rows} data rows`,
  } as F<{ errors: number; warnings: number; infos: number; tables: number; rows: number }>,
  clean: { vi: 'Không có vấn đề nào.', en: 'No problems found.' } as T,
  internal: {
    vi: (p) => `Lỗi nội bộ của lllweek (không phải do dữ liệu): ${p.detail}. Đặt LLLWEEK_DEBUG=1 để xem chi tiết và báo cho nhóm phát triển.`,
    en: (p) => `Internal lllweek error (not your data): ${p.detail}. Set LLLWEEK_DEBUG=1 for details and report it.`,
  } as F<{ detail: string }>,
  refused: {
    vi: (p) => `Dữ liệu có ${p.errors} lỗi: chưa lập báo cáo. Sửa các lỗi (lllweek validate) hoặc thêm --force để vẫn lập và liệt kê lỗi trong trang "Kiểm tra".`,
    en: (p) => `The data has ${p.errors} errors: no report written. Fix them (lllweek validate) or add --force to write it anyway, listing them in the "Kiểm tra" sheet.`,
  } as F<{ errors: number }>,
  written: { vi: 'Đã ghi:', en: 'Written:' } as T,
  deadlineLeft: {
    vi: (p) => `Hạn nộp ${p.date}: còn ${p.days} ngày`,
    en: (p) => `Deadline ${p.date}: ${p.days} days left`,
  } as F<{ date: string; days: number }>,
  deadlineToday: { vi: (p) => `Hạn nộp ${p.date}: hôm nay`, en: (p) => `Deadline ${p.date}: today` } as F<{ date: string }>,
  deadlinePassed: {
    vi: (p) => `Hạn nộp ${p.date}: đã quá hạn ${p.days} ngày`,
    en: (p) => `Deadline ${p.date}: passed ${p.days} days ago`,
  } as F<{ date: string; days: number }>,
  rollupTotals: {
    vi: (p) => `Dự kiến ${p.expected} đơn vị: ${p.submitted} đã nộp (${p.onTime} đúng hạn, ${p.late} muộn), ${p.rejected} bị từ chối, ${p.missing} chưa nộp`,
    en: (p) => `${p.expected} units expected: ${p.submitted} submitted (${p.onTime} on time, ${p.late} late), ${p.rejected} rejected, ${p.missing} missing`,
  } as F<{ expected: number; submitted: number; onTime: number; late: number; rejected: number; missing: number }>,
  rejectedFile: {
    vi: (p) => `  Bị từ chối: ${p.file} (${p.errors} lỗi)`,
    en: (p) => `  Rejected: ${p.file} (${p.errors} error${p.errors === 1 ? '' : 's'})`,
  } as F<{ file: string; errors: number }>,
  photoWarning: {
    vi: (p) => `Cảnh báo: không đọc được ảnh ${p.file}; báo cáo vẫn được lập, không có ảnh này`,
    en: (p) => `Warning: cannot read photo ${p.file}; the report is made without it`,
  } as F<{ file: string }>,
};
