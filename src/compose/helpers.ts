import { formatAdminDate, formatViDate } from '../text/vi-date';
import { formatDecimal, formatInt, formatRate } from '../text/vi-number';

type Num = number | null | undefined;
const blank = (v: Num) => v === null || v === undefined || Number.isNaN(v);
/** What a template shows for a figure that was not reported: never 0. */
const NOT_REPORTED = '-';

/**
 * The vi-VN helpers every template may use. Handlebars passes an options object last; the
 * helpers take only what they need from the front.
 */
export function viHelpers(decimals: number): Record<string, (...args: unknown[]) => unknown> {
  const signed = (v: number, shown: string, unit: string) =>
    v === 0 ? 'không đổi' : `${v > 0 ? 'tăng' : 'giảm'} ${shown}${unit ? ` ${unit}` : ''}`;
  return {
    /** 40.881 */
    num: (v) => (blank(v as Num) ? NOT_REPORTED : formatInt(v as number)),
    /** 1.234,5 */
    dec: (v, d) => (blank(v as Num) ? NOT_REPORTED : formatDecimal(v as number, typeof d === 'number' ? d : decimals)),
    /** a fraction as 73,59% */
    rate: (v) => (blank(v as Num) ? NOT_REPORTED : formatRate(v as number, decimals)),
    /** rate points: `tăng 0,64%`, `giảm 1,20%` */
    rateChange: (v) => {
      if (blank(v as Num)) return NOT_REPORTED;
      const pct = (v as number) * 100;
      return signed(Math.abs(pct) < 10 ** -decimals / 2 ? 0 : pct, `${formatDecimal(Math.abs(pct), decimals)}%`, '');
    },
    /** a count: `tăng 1.204 người` (the unit word is optional) */
    numChange: (v, unit) => (blank(v as Num) ? NOT_REPORTED : signed(v as number, formatInt(Math.abs(v as number)), typeof unit === 'string' ? unit : '')),
    /** 02/10/2023 */
    date: (v) => (typeof v === 'string' && v ? formatViDate(v) : ''),
    /** ngày 05 tháng 01 năm 2024 */
    adminDate: (v) => (typeof v === 'string' && v ? formatAdminDate(v) : ''),
    /** the size of a change, without its sign (the words say tăng/giảm) */
    abs: (v) => (blank(v as Num) ? v : Math.abs(v as number)),
    /** 1-based position in an #each */
    inc: (v) => Number(v) + 1,
    /** a figure that was reported (0 counts; null and undefined do not) */
    has: (v) => !blank(v as Num),
    eq: (a, b) => a === b,
    gt: (a, b) => Number(a) > Number(b),
    and: (a, b) => Boolean(a) && Boolean(b),
    or: (a, b) => Boolean(a) || Boolean(b),
    not: (a) => !a,
    upper: (v) => (typeof v === 'string' ? v.toLocaleUpperCase('vi') : ''),
    /** A list joined with `, ` and `và` before the last: "trực tuyến, kết hợp và trực tiếp". */
    list: (v) => {
      const items = (Array.isArray(v) ? v : []).map(String).filter(Boolean);
      return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
    },
  };
}
