/**
 * A small XLSX writer for the reader's tests, in the dialects other programs write: any namespace
 * prefix (the Open XML SDK's `x:`), Strict namespaces, rows and cells without `r`, inline or
 * shared strings with runs and phonetic guides, t="d" dates, formulas with or without a stored
 * result, parts under any name and any case, a macro-enabled content type, UTF-16 parts. Every
 * byte of XML is ours, so a test says exactly what the file holds.
 */
import { strFromU8, unzipSync } from 'fflate';
import { buildZip, deflated, type RawZipEntry } from './helpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_R = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const XLSX_MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
export const XLSM_MAIN_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** Text as one run, or rich text as its runs (each written as `<r><rPr><b/></rPr><t>…</t></r>`). */
export type Runs = string | string[];

/**
 * One cell: a plain value (text goes to the shared strings, or inline with `strings: 'inline'`),
 * or exactly the `<c>` to write: its `t` and `s`, its `<f>` and `<v>`, an inline `<is>` or a
 * shared item (with an optional phonetic guide, which is not part of the value).
 */
export type XCell =
  | null
  | string
  | number
  | boolean
  | { t?: string; s?: number; f?: string; v?: string; inline?: Runs; shared?: Runs; phonetic?: string };

export interface XSheet {
  name: string;
  /** Rows from row 1; an entry `{ r, cells }` places a row at its number (later rows follow it). */
  rows: Array<XCell[] | { r: number; cells: XCell[] }>;
  merges?: string[];
}

export interface Dialect {
  /** Prefix bound to SpreadsheetML in every part (`x`), or none (the default namespace). */
  prefix?: string;
  /** ISO/IEC 29500 Strict namespaces. */
  strict?: boolean;
  omitRowR?: boolean;
  omitCellR?: boolean;
  strings?: 'shared' | 'inline';
  date1904?: boolean;
  /** Custom number formats, each becoming a cell style after the built-in ones (see STYLE). */
  numFmts?: string[];
  /** Part names (the rels point at them); zip entry names may then be cased differently by `zipName`. */
  parts?: { workbook?: string; sheet?: (i: number) => string; sharedStrings?: string; styles?: string };
  zipName?: (part: string) => string;
  mainContentType?: string;
  /** Leave out parts a lenient reader can do without. */
  without?: Array<'rootRels' | 'contentTypes'>;
  /** Encode every XML part as UTF-16LE with a BOM. */
  utf16?: boolean;
  /** Extra entries (e.g. `xl/vbaProject.bin`). */
  extra?: RawZipEntry[];
}

/** Cell styles every workbook written here has: 0 General, 1 custom dd/mm/yyyy, 2 built-in 14 (short date), 3 built-in 10 (0.00%), then `numFmts`. */
export const STYLE = { general: 0, date: 1, builtinDate: 2, percent: 3, custom: (i: number) => 4 + i } as const;

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `A1` from a 0-based column and a 1-based row. */
export function ref(col: number, row: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

export function buildXlsx(sheets: XSheet[], d: Dialect = {}): Buffer {
  const p = d.prefix ? `${d.prefix}:` : '';
  const ns = `${d.prefix ? `xmlns:${d.prefix}` : 'xmlns'}="${d.strict ? STRICT_MAIN : MAIN}"`;
  const rNs = d.strict ? STRICT_R : R;
  const names = {
    workbook: d.parts?.workbook ?? 'xl/workbook.xml',
    sheet: d.parts?.sheet ?? ((i: number) => `xl/worksheets/sheet${i + 1}.xml`),
    sharedStrings: d.parts?.sharedStrings ?? 'xl/sharedStrings.xml',
    styles: d.parts?.styles ?? 'xl/styles.xml',
  };
  const wbDir = names.workbook.includes('/') ? names.workbook.slice(0, names.workbook.lastIndexOf('/')) : '';
  const relTo = (part: string) => (wbDir && part.startsWith(`${wbDir}/`) ? part.slice(wbDir.length + 1) : `/${part}`);
  const relType = (t: string) => `${d.strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}/${t}`;

  const sst: string[] = [];
  /** One item per distinct text, or per cell object reused: as Excel shares strings, and what amplification attacks rely on. */
  const items = new Map<unknown, number>();
  const shared = (key: unknown, runs: Runs, phonetic?: string): number => {
    let i = items.get(key);
    if (i === undefined) {
      sst.push(`<${p}si>${runsXml(p, runs)}${phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>${xmlEscape(phonetic)}</${p}t></${p}rPh>` : ''}</${p}si>`);
      i = sst.length - 1;
      items.set(key, i);
    }
    return i;
  };
  const cellXml = (c: XCell, col: number, row: number): string => {
    if (c === null) return d.omitCellR ? `<${p}c/>` : ''; // without addresses, an empty cell keeps the next one in place
    const r = d.omitCellR ? '' : ` r="${ref(col, row)}"`;
    if (typeof c === 'number') return `<${p}c${r}><${p}v>${c}</${p}v></${p}c>`;
    if (typeof c === 'boolean') return `<${p}c${r} t="b"><${p}v>${c ? 1 : 0}</${p}v></${p}c>`;
    const key: unknown = c;
    if (typeof c === 'string') c = d.strings === 'inline' ? { inline: c } : { shared: c };
    const t = c.t ?? (c.inline !== undefined ? 'inlineStr' : c.shared !== undefined ? 's' : undefined);
    const v = c.shared !== undefined ? String(shared(key, c.shared, c.phonetic)) : c.v;
    const is = c.inline !== undefined ? `<${p}is>${runsXml(p, c.inline)}${c.phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>${xmlEscape(c.phonetic)}</${p}t></${p}rPh>` : ''}</${p}is>` : '';
    return `<${p}c${r}${t ? ` t="${t}"` : ''}${c.s !== undefined ? ` s="${c.s}"` : ''}>${c.f !== undefined ? `<${p}f>${xmlEscape(c.f)}</${p}f>` : ''}${v !== undefined ? `<${p}v>${xmlEscape(v)}</${p}v>` : ''}${is}</${p}c>`;
  };

  const sheetXml = (s: XSheet): string => {
    let next = 1;
    const rows = s.rows.map((entry) => {
      const { r, cells } = Array.isArray(entry) ? { r: next, cells: entry } : entry;
      next = r + 1;
      const body = cells.map((c, i) => cellXml(c, i, r)).join('');
      return `<${p}row${d.omitRowR ? '' : ` r="${r}"`}>${body}</${p}row>`;
    });
    const merges = s.merges?.length ? `<${p}mergeCells count="${s.merges.length}">${s.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${rNs}"><${p}dimension ref="A1"/><${p}sheetData>${rows.join('')}</${p}sheetData>${merges}<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;
  };
  const sheetParts = sheets.map((s, i) => [names.sheet(i), sheetXml(s)] as const);

  const numFmts = ['dd/mm/yyyy', ...(d.numFmts ?? [])];
  const xfs = ['0', '164', '14', '10', ...(d.numFmts ?? []).map((_, i) => String(165 + i))];
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${ns}><${p}numFmts count="${numFmts.length}">${numFmts
    .map((f, i) => `<${p}numFmt numFmtId="${164 + i}" formatCode="${xmlEscape(f)}"/>`)
    .join('')}</${p}numFmts><${p}fonts count="1"><${p}font><${p}sz val="11"/></${p}font></${p}fonts><${p}cellStyleXfs count="1"><${p}xf numFmtId="14"/></${p}cellStyleXfs><${p}cellXfs count="${xfs.length}">${xfs
    .map((id) => `<${p}xf numFmtId="${id}" fontId="0" applyNumberFormat="1"/>`)
    .join('')}</${p}cellXfs><${p}dxfs count="1"><${p}dxf><${p}numFmt numFmtId="14" formatCode="General"/></${p}dxf></${p}dxfs></${p}styleSheet>`;

  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${rNs}"><${p}workbookPr${d.date1904 ? ' date1904="1"' : ''}/><${p}sheets>${sheets
    .map((s, i) => `<${p}sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</${p}sheets></${p}workbook>`;
  const n = sheets.length;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}">${sheetParts
    .map(([part], i) => `<Relationship Id="rId${i + 1}" Type="${relType('worksheet')}" Target="${relTo(part)}"/>`)
    .join('')}<Relationship Id="rId${n + 1}" Type="${relType('styles')}" Target="${relTo(names.styles)}"/>${
    sst.length ? `<Relationship Id="rId${n + 2}" Type="${relType('sharedStrings')}" Target="${relTo(names.sharedStrings)}"/>` : ''
  }</Relationships>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="${names.workbook}"/></Relationships>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${names.workbook}" ContentType="${d.mainContentType ?? XLSX_MAIN_TYPE}"/></Types>`;
  const sstXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns} count="${sst.length}" uniqueCount="${sst.length}">${sst.join('')}</${p}sst>`;

  const parts: Array<[string, string]> = [];
  if (!d.without?.includes('contentTypes')) parts.push(['[Content_Types].xml', types]);
  if (!d.without?.includes('rootRels')) parts.push(['_rels/.rels', rootRels]);
  const wbRelsName = `${wbDir ? `${wbDir}/` : ''}_rels/${names.workbook.slice(wbDir ? wbDir.length + 1 : 0)}.rels`;
  parts.push([names.workbook, workbook], [wbRelsName, wbRels], ...sheetParts, [names.styles, styles]);
  if (sst.length) parts.push([names.sharedStrings, sstXml]);
  const encode = (xml: string) => (d.utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]) : Buffer.from(xml, 'utf8'));
  return buildZip([...parts.map(([name, xml]) => deflated(d.zipName ? d.zipName(name) : name, encode(xml))), ...(d.extra ?? [])]);
}

function runsXml(p: string, runs: Runs): string {
  if (typeof runs === 'string') return `<${p}t xml:space="preserve">${xmlEscape(runs)}</${p}t>`;
  return runs.map((t, i) => `<${p}r>${i % 2 === 0 ? `<${p}rPr><${p}b/></${p}rPr>` : ''}<${p}t xml:space="preserve">${xmlEscape(t)}</${p}t></${p}r>`).join('');
}

/** The same package with one part's XML changed (and re-zipped as this writer zips). */
export function editPart(xlsx: Buffer, part: string, edit: (xml: string) => string): Buffer {
  const files = unzipSync(new Uint8Array(xlsx));
  if (!files[part]) throw new Error(`no part ${part}`);
  return buildZip(Object.entries(files).map(([name, data]) => deflated(name, name === part ? edit(strFromU8(data)) : data)));
}

/**
 * Text as Excel stores it (ECMA-376 Part 1, §22.9.2.19): characters XML 1.0 cannot hold (C0
 * controls but tab and line feed, U+FFFE/U+FFFF, unpaired surrogates) and the carriage return
 * (which XML would turn into a line feed) as `_xHHHH_`; text that looks like such an escape
 * gets its underscore escaped (`_x005F_`).
 */
export function excelEscape(s: string): string {
  return s.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b-\u000d\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) =>
    `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
