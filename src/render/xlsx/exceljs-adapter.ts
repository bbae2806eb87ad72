/**
 * The one place the workbook writers reach past exceljs's typed, public API (exceljs is pinned
 * exactly in package.json for it; test/render/exceljs-adapter.test.ts is the contract):
 *  - its Workbook class loaded by its own module, `exceljs/lib/doc/workbook`;
 *  - a sheet's data validations, a model its typings do not declare;
 *  - how it serialises what bulk-rows.ts writes itself: text (its xmlEncode), shared strings,
 *    date serials, and the attributes of a row. Each mirror here is checked against exceljs's
 *    own function or output by the contract test.
 * One reliance calls nothing: exceljs turns a cell's style into a style id by serialising it
 * unless it has met that very object before, which style.ts's shared, frozen styles use for
 * speed only (the bench, not the output, would show it gone).
 */
import type { DataValidation, Workbook as ExcelWorkbook, Worksheet } from 'exceljs';
import { unzipSync } from 'fflate';

/** exceljs's Workbook by its own module: the package index also loads its streaming writer and CSV support. */
export const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelWorkbook;

/**
 * The workbook's package parts, unzipped. Stored, not deflated: the caller deflates every part
 * again anyway (the bytes come out the same), and exceljs's deflate (pako, via JSZip) took
 * seconds on a large workbook.
 */
export async function workbookParts(wb: ExcelWorkbook): Promise<Record<string, Uint8Array>> {
  const raw = (await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as unknown as Uint8Array;
  return unzipSync(raw);
}

/** exceljs keeps sheet validations in a model its typings do not declare; ranges go in as one sqref. */
interface SheetValidations {
  dataValidations: { add(address: string, validation: DataValidation): void };
}

/** Validate the cells of `range` (`A5:A204`) by `rule`, written as one `<dataValidation sqref>`. */
export function addValidation(ws: Worksheet, range: string, rule: DataValidation): void {
  (ws as unknown as SheetValidations).dataValidations.add(range, rule);
}

/** exceljs's xmlEncode: the five entities escaped; DEL and C0 controls but tab, LF and CR dropped. */
export function xmlEncode(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 34) rep = '&quot;';
    else if (c === 38) rep = '&amp;';
    else if (c === 39) rep = '&apos;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 127 || (c <= 31 && c !== 9 && c !== 10 && c !== 13)) rep = '';
    if (rep === null) continue;
    out += s.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** A shared string's `<si>` content as exceljs writes it (space kept at the edges and around line breaks). */
export function sharedStringXml(s: string): string {
  return `<t${/^\s|\n|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${xmlEncode(s)}</t>`;
}

/** A date cell's value as exceljs writes it (dateToExcel, 1900 date system). */
export function excelSerial(date: Date): number {
  return 25569 + date.getTime() / 86400000;
}

/** A row's opening tag as exceljs writes it: its number, the span of its cells, the default descent. */
export function rowOpenTag(row: number, firstCol: number, lastCol: number): string {
  return `<row r="${row}" spans="${firstCol}:${lastCol}" x14ac:dyDescent="0.25">`;
}
