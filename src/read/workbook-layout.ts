/**
 * The workbook's own view of its sheets (names, tab order, which part holds each), read from
 * `xl/workbook.xml` and its rels, and where in the zip each part the reader needs lies. The
 * parts are then read directly from there, in whatever order the zip stores them: exceljs's
 * streaming workbook reader depends on that order (sheets named `Sheet1` when workbook.xml comes
 * last, as exceljs itself writes it; entries lost when the shared strings come after a sheet).
 */
import * as path from 'path';
import type { FileHandle } from 'fs/promises';
import { locate, readEntry, ZipFormatError, type ZipEntry, type ZipPart } from './zip';

export interface SheetPart {
  /** The sheet's name as the clerk sees it on its tab. */
  name: string;
  /** Its part in the package, e.g. `xl/worksheets/sheet2.xml`. */
  part: string;
}

export interface WorkbookLayout {
  /** Worksheets in workbook (tab) order. Chart sheets (no rows) are left out. */
  sheets: SheetPart[];
  /** Dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
}

/** The layout and where its parts are: what the XLSX reader works from. */
export interface WorkbookParts extends Omit<WorkbookLayout, 'sheets'> {
  /** The sheets in tab order, each with where its part lies in the zip. */
  sheets: (SheetPart & { zip: ZipPart })[];
  sharedStrings: ZipPart | null;
  styles: ZipPart | null;
}

export const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS_PART = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';
const STYLES_PART = 'xl/styles.xml';
const MAX_PART_BYTES = 16 * 1024 * 1024;

/** Reads and parses the layout and locates its parts. Throws ZipFormatError when parts are missing or unreadable. */
export async function readWorkbookLayout(fh: FileHandle, fileSize: number, entries: ZipEntry[]): Promise<WorkbookParts> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wb = byName.get(WORKBOOK_PART);
  const rels = byName.get(WORKBOOK_RELS_PART);
  if (!wb) throw new ZipFormatError(`${WORKBOOK_PART} missing`);
  if (!rels) throw new ZipFormatError(`${WORKBOOK_RELS_PART} missing`);
  const text = (e: ZipEntry): Promise<string> => readEntry(fh, fileSize, e, MAX_PART_BYTES).then((b) => b.toString('utf8'));
  const layout = parseWorkbookLayout(await text(wb), await text(rels));
  if (layout.sheets.length === 0) throw new ZipFormatError('no worksheet in the workbook');
  const sheets: WorkbookParts['sheets'] = [];
  for (const s of layout.sheets) {
    const entry = byName.get(s.part);
    if (!entry) throw new ZipFormatError(`${s.part} (sheet "${s.name}") missing`);
    sheets.push({ ...s, zip: await locate(fh, fileSize, entry) });
  }
  const optional = async (name: string) => {
    const entry = byName.get(name);
    return entry ? locate(fh, fileSize, entry) : null;
  };
  return { ...layout, sheets, sharedStrings: await optional(SHARED_STRINGS_PART), styles: await optional(STYLES_PART) };
}

export function parseWorkbookLayout(workbookXml: string, relsXml: string): WorkbookLayout {
  const worksheetByRel = new Map<string, string>();
  for (const attrs of tags(relsXml, 'Relationship')) {
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (!id || target === undefined || attrs.get('TargetMode') === 'External') continue;
    // A worksheet by its relationship type (chart sheets and the rest have other types).
    if ((attrs.get('Type') ?? '').endsWith('/worksheet')) worksheetByRel.set(id, resolveTarget(target));
  }

  const sheets: SheetPart[] = [];
  for (const attrs of tags(workbookXml, 'sheet')) {
    const rId = [...attrs].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const name = attrs.get('name');
    const part = rId ? worksheetByRel.get(rId) : undefined;
    if (name !== undefined && part) sheets.push({ name, part });
  }

  const pr = tags(workbookXml, 'workbookPr')[0];
  const d = pr?.get('date1904');
  return { sheets, date1904: d === '1' || d === 'true' };
}

/** A relationship target is relative to `xl/` unless it starts with `/` (package root). */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return path.posix.normalize(target.slice(1));
  return path.posix.normalize(path.posix.join('xl', target));
}

/** Attributes of every `<name .../>` (any namespace prefix) in a small, well-known XML part. */
function tags(xml: string, name: string): Array<Map<string, string>> {
  const out: Array<Map<string, string>> = [];
  // Quoted values may hold a bare `>`: skip over them as units.
  const tagRe = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  for (let m = tagRe.exec(xml); m; m = tagRe.exec(xml)) {
    const attrs = new Map<string, string>();
    const attrRe = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let a = attrRe.exec(m[1]); a; a = attrRe.exec(m[1])) attrs.set(a[1], decodeXml(a[2] ?? a[3]));
    out.push(attrs);
  }
  return out;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, ent: string) => {
    if (ent[0] === '#') {
      const cp = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED[ent] ?? all;
  });
}
