/**
 * Dates are day first in Vietnam: `02/10/2023` is 2 October. Internally a date is an ISO
 * `yyyy-mm-dd` string: no time zone can shift it.
 */
export type IsoDate = string;

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Excel's day 0 is 1899-12-30 for every serial after the fictitious 29/02/1900. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function isoFromParts(y: number, m: number, d: number): IsoDate | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseViDate(raw: string): IsoDate | null {
  const s = raw.trim();
  let m = DMY.exec(s);
  if (m) return isoFromParts(+m[3], +m[2], +m[1]);
  m = YMD.exec(s);
  if (m) return isoFromParts(+m[1], +m[2], +m[3]);
  // `2025-10-02T00:00:00` as some exports write it
  m = /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+Z?$/.exec(s);
  if (m) return isoFromParts(+m[1], +m[2], +m[3]);
  return null;
}

export function isoFromDate(d: Date): IsoDate {
  // Date cells arrive at UTC midnight; a time of day (rare) does not move the day.
  return d.toISOString().slice(0, 10);
}

export function isoFromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 109_574) return null; // up to 31/12/2199
  return isoFromDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

export function dateFromIso(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 02/10/2023 */
export function formatViDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** `ngày 05 tháng 01 năm 2024`: Nghị định 30 wants a leading zero on days below 10 and months below 3. */
export function formatAdminDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = m < 3 ? pad2(m) : String(m);
  return `ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}
