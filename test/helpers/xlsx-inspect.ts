/**
 * Looking inside written workbooks: each sheet's XML by its tab name, one cell's XML, and the
 * rows the input reader would consider as a table header.
 */
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS, { type Cell, type Worksheet } from 'exceljs';
import type { Indicator } from '../../src/catalog/indicators';
import { cleanText } from '../../src/read/cell-text';
import type { CellValue } from '../../src/read/types';
import { buildLabelIndex, HEADER_SEARCH_ROWS, matchHeader } from '../../src/validate/header';

export function zipEntries(buf: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(buf));
}

/** Sheet XML by sheet name, in tab order. */
export function sheetXmls(buf: Buffer): Map<string, string> {
  const parts = zipEntries(buf);
  const text = (n: string) => strFromU8(parts[n]);
  const rels = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, '&');
    const rid = /r:id="([^"]+)"/.exec(m[0])![1];
    out.set(name, text(rels.get(rid)!));
  }
  return out;
}

/** The `<c>` element of one cell, or null. */
export function cellXml(sheet: string, ref: string): string | null {
  const m = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>.*?</c>)`).exec(sheet);
  return m ? m[0] : null;
}

/**
 * Rows among the first 20 rows holding a value (those the reader scans) that the reader would
 * take as a header, or as a candidate one: two or more cells matching known column labels.
 */
export function headerLikeRows(ws: Worksheet, indicators: Indicator[]): number[] {
  const index = buildLabelIndex(indicators);
  const found: number[] = [];
  let seen = 0;
  for (let r = 1; r <= ws.rowCount && seen < HEADER_SEARCH_ROWS; r++) {
    const row = ws.getRow(r);
    const cells = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // A merged cell counts once, with its top-left value.
      cells.push(cell.isMerged && cell.master.address !== cell.address ? null : shownValue(cell));
    }
    if (cells.every((v) => v === null)) continue;
    seen++;
    if (matchHeader({ row: r, cells }, index) !== null) found.push(r);
  }
  return found;
}

/**
 * What the input reader would hand the checker for a cell of a workbook we wrote, as far as a
 * header can tell: text (rich text and hyperlinks by what they show, formulas by their result),
 * numbers; anything else is no label. Our writer's cells only: the reader itself reads the XML.
 */
function shownValue(cell: Cell): CellValue {
  const v: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown };
    if (Array.isArray(o.richText)) return cleanText(o.richText.map((r) => r.text).join(''));
    if (typeof o.text === 'string') return cleanText(o.text);
  }
  return null;
}
