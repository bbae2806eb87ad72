import { matchKey } from '../text/normalize';

/**
 * File names old mail clients keep intact: ASCII, lower case, hyphens.
 * `bao-cao-tuan-le-hoc-tap-suot-doi-2025-ubnd-phuong-mong-cai-1`
 */
export function slugify(text: string): string {
  return matchKey(text).replace(/ /g, '-').slice(0, 120).replace(/-+$/, '');
}

/** "ỦY BAN NHÂN DÂN PHƯỜNG MÓNG CÁI 1" is long for a file name: the usual abbreviations. */
const SHORT: [RegExp, string][] = [
  [/^uy ban nhan dan /, 'ubnd '],
  [/^so giao duc va dao tao/, 'sgddt'],
  [/^phong giao duc va dao tao/, 'pgddt'],
];

/** Every report's file name starts so: how a later run knows its own outputs in an input folder. */
export const REPORT_PREFIX = 'bao-cao-tuan-le-hoc-tap-suot-doi-';

export function reportSlug(year: number, agencyName: string): string {
  let agency = matchKey(agencyName);
  for (const [re, short] of SHORT) agency = agency.replace(re, short);
  return slugify(`${REPORT_PREFIX.replace(/-/g, ' ')}${year} ${agency}`);
}
