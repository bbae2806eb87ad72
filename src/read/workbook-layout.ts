/**
 * The workbook's own view of its sheets (names, order, which part holds each), read from
 * `xl/workbook.xml` and its rels before streaming. exceljs's streaming reader learns sheet
 * names from workbook.xml only if that part comes before the sheets in the zip; exceljs itself
 * writes it last, so names come out as `Sheet1`, and when the rels come before the sheets but
 * workbook.xml after, it even crashes. Reading these two small parts ourselves fixes both.
 */
import * as path from 'path';
import type { FileHandle } from 'fs/promises';
import { readEntry, ZipFormatError, type ZipEntry } from './zip';

export interface SheetPart {
  /** The sheet's name as the clerk sees it on its tab. */
  name: string;
  /** N of `xl/worksheets/sheetN.xml`: how exceljs identifies the part it is streaming. */
  sheetNo: string;
  rId: string;
  sheetId: number;
  state: string;
}

export interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

export interface WorkbookLayout {
  /** Worksheets in workbook (tab) order. Chart sheets and parts exceljs cannot stream are left out. */
  sheets: SheetPart[];
  /** Dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
  /** Workbook relationships, with worksheet targets in the form exceljs compares against. */
  rels: Relationship[];
  hasSharedStrings: boolean;
  /**
   * The shared strings and styles when the zip stores them after a worksheet. exceljs would spool
   * such a sheet to a temp file and, in that path, loses the zip's later entries about half the
   * time (the sheet then reads as cells with no text); read here, they are given to it up front.
   */
  preload: PreloadPart[];
}

export interface PreloadPart {
  name: typeof SHARED_STRINGS_PART | typeof STYLES_PART;
  bytes: Uint8Array;
}

export const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS_PART = 'xl/_rels/workbook.xml.rels';
export const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';
export const STYLES_PART = 'xl/styles.xml';
/** The only worksheet part names exceljs's streaming reader picks up. */
const WORKSHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const MAX_PART_BYTES = 16 * 1024 * 1024;
/** Shared strings grow with the rows (a 100 k-row sheet of names): bounded like the zip guard's parts. */
const MAX_PRELOAD_BYTES = 256 * 1024 * 1024;

/** Reads and parses the layout. Throws ZipFormatError when the parts are missing or unreadable. */
export async function readWorkbookLayout(fh: FileHandle, fileSize: number, entries: ZipEntry[]): Promise<WorkbookLayout> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wb = byName.get(WORKBOOK_PART);
  const rels = byName.get(WORKBOOK_RELS_PART);
  if (!wb) throw new ZipFormatError(`${WORKBOOK_PART} missing`);
  if (!rels) throw new ZipFormatError(`${WORKBOOK_RELS_PART} missing`);
  const text = (e: ZipEntry): Promise<string> => readEntry(fh, fileSize, e, MAX_PART_BYTES).then((b) => Buffer.from(b).toString('utf8'));
  const layout = parseWorkbookLayout(await text(wb), await text(rels), byName.has(SHARED_STRINGS_PART));
  for (const s of layout.sheets) {
    const part = `xl/worksheets/sheet${s.sheetNo}.xml`;
    if (!byName.has(part)) throw new ZipFormatError(`${part} (sheet "${s.name}") missing`);
  }
  if (layout.sheets.length === 0) throw new ZipFormatError('no worksheet in the workbook');
  const firstSheet = Math.min(...layout.sheets.map((s) => byName.get(`xl/worksheets/sheet${s.sheetNo}.xml`)!.localHeaderOffset));
  for (const name of [SHARED_STRINGS_PART, STYLES_PART] as const) {
    const e = byName.get(name);
    if (e && e.localHeaderOffset > firstSheet) layout.preload.push({ name, bytes: await readEntry(fh, fileSize, e, MAX_PRELOAD_BYTES) });
  }
  return layout;
}

export function parseWorkbookLayout(workbookXml: string, relsXml: string, hasSharedStrings: boolean): WorkbookLayout {
  const rels: Relationship[] = [];
  const partByRel = new Map<string, string>();
  for (const attrs of tags(relsXml, 'Relationship')) {
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (!id || target === undefined || attrs.get('TargetMode') === 'External') continue;
    const part = resolveTarget(target);
    partByRel.set(id, part);
    // exceljs matches `worksheets/sheetN.xml` literally; give it that form whatever the file says.
    rels.push({ Id: id, Type: attrs.get('Type') ?? '', Target: part.startsWith('xl/') ? part.slice(3) : part });
  }

  const sheets: SheetPart[] = [];
  for (const attrs of tags(workbookXml, 'sheet')) {
    const rId = [...attrs].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const name = attrs.get('name');
    if (!rId || name === undefined) continue;
    const m = WORKSHEET_PART.exec(partByRel.get(rId) ?? '');
    if (!m) continue;
    sheets.push({ name, sheetNo: m[1], rId, sheetId: Number(attrs.get('sheetId') ?? 0), state: attrs.get('state') ?? 'visible' });
  }

  const pr = tags(workbookXml, 'workbookPr')[0];
  const d = pr?.get('date1904');
  return { sheets, date1904: d === '1' || d === 'true', rels, hasSharedStrings, preload: [] };
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
