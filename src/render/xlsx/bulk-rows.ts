/**
 * Very long data tables (a national report's `Hoạt động` sheet: 200 000 rows) without an exceljs
 * cell per value. exceljs writes the header and the table's first rows — as many as it takes to
 * hold every look (border, number format) the table's cells use — and the other rows are written
 * here straight as sheet XML and spliced into the package before it is zipped: the same cells,
 * looks and shared strings exceljs would have written, in a fraction of the time and memory
 * (exceljs keeps ~1 KB per cell and renders the sheet through one string).
 *
 * Tables of up to BULK_ROWS rows go through exceljs whole: small reports are byte for byte what
 * they were. What is read back from exceljs's own output (the style id of each look, the shared
 * strings) is checked; anything unexpected throws rather than writing a wrong workbook. How
 * exceljs serialises each cell is mirrored in exceljs-adapter.ts, held to exceljs by its test.
 *
 * exceljs's own streaming writer (WorkbookWriter) was tried in its place: it cannot anchor
 * pictures (the charts and photos), and on the national sheet alone it took twice the time and
 * more memory (`npm run bench`, case xlsx-write; BENCHMARKS.md).
 */
import type { Worksheet } from 'exceljs';
import { strFromU8 } from 'fflate';
import { cellRef } from '../../read/types';
import { dateFromIso } from '../../text/vi-date';
import { excelSerial, rowOpenTag, sharedStringXml } from './exceljs-adapter';
import { dataClass, dataNumFmt, numberWidth, text, textWidth, type BulkSink, type BulkTableInput, type CellInput, type DataClass, type Formats } from './style';

interface BulkTable extends BulkTableInput {
  sheetId: number;
  /** Data rows exceljs writes; rows[prefix..] are written here. */
  prefix: number;
}

const BLANK_KEY = '';

/** The number format a data cell gets (its look; the border is common to all); '' for none. */
function keyOf(cls: DataClass, kind: Kind, fmt: Formats): string {
  return dataNumFmt(cls, kind, fmt) ?? BLANK_KEY;
}
type Kind = BulkTableInput['columns'][number]['kind'];

/** Rows of a table taken from exceljs, and how to write them into the package. */
export class BulkRows implements BulkSink {
  private readonly tables: BulkTable[] = [];
  private readonly widths = new Map<number, number[]>();

  take(ws: Worksheet, table: BulkTableInput): number {
    const { columns, rows, fmt } = table;
    const kinds = columns.map((c) => c.kind);
    // One pass: where each look first occurs (every look must be among the rows exceljs writes,
    // so its style id can be read back), and the columns' widths as fitColumns measures cells
    // (the rows exceljs writes are measured twice, to the same widths).
    const firstSeen = new Map<string, number>();
    const widths = this.widths.get(ws.id) ?? [];
    const cache = new Map<string, number>();
    for (let r = 0; r < rows.length; r++) {
      const values = rows[r];
      for (let i = 0; i < kinds.length; i++) {
        const v = values[i];
        const cls = dataClass(kinds[i], v);
        const key = keyOf(cls, kinds[i], fmt);
        if (!firstSeen.has(key)) firstSeen.set(key, r);
        let w = 0;
        if (cls === 'date') w = 10;
        else if (cls === 'number') w = numberWidth(v as number, key, fmt);
        else if (cls === 'text') {
          const t = String(v);
          let hit = cache.get(t);
          if (hit === undefined) {
            hit = textWidth(text(t) ?? '');
            if (cache.size < 100_000) cache.set(t, hit);
          }
          w = hit;
        }
        const c = table.firstCol + i;
        if (w > (widths[c] ?? 0)) widths[c] = w;
      }
    }
    this.widths.set(ws.id, widths);
    const prefix = Math.max(...firstSeen.values()) + 1;
    this.tables.push({ ...table, sheetId: ws.id, prefix });
    return prefix;
  }

  /** Widths (by 1-based column) of the rows taken from a sheet, for fitColumns. */
  widthsOf(ws: Worksheet): number[] {
    return this.widths.get(ws.id) ?? [];
  }

  /** Splices the rows into the unpacked package: the sheets' XML, their dimensions, the shared strings. */
  writeInto(entries: Record<string, Uint8Array>): void {
    if (this.tables.length === 0) return;
    const SST = 'xl/sharedStrings.xml';
    if (!entries[SST]) throw new Error('bulk rows: the workbook has no shared strings part');
    const sst = new SharedStrings(strFromU8(entries[SST]));
    for (const t of this.tables) {
      const part = `xl/worksheets/sheet${t.sheetId}.xml`;
      if (!entries[part]) throw new Error(`bulk rows: ${part} not found`);
      entries[part] = spliceRows(strFromU8(entries[part]), t, sst);
    }
    entries[SST] = sst.toBytes();
  }
}

/** The workbook's shared strings, as exceljs wrote them, with the bulk rows' strings added. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  /** The same, by the text itself: most strings repeat (unit names, types, modes). */
  private readonly byText = new Map<string, number>();
  private readonly added: string[] = [];
  private count: number;
  private unique: number;
  private readonly head: string;
  private readonly open: string;
  private readonly body: string;

  constructor(xml: string) {
    const open = /<sst\b[^>]*\bcount="(\d+)"[^>]*\buniqueCount="(\d+)"[^>]*>/.exec(xml);
    const close = xml.lastIndexOf('</sst>');
    if (!open || close < 0) throw new Error('bulk rows: shared strings not as exceljs writes them');
    this.count = Number(open[1]);
    this.head = xml.slice(0, open.index);
    this.open = open[0];
    this.body = xml.slice(open.index + open[0].length, close);
    let n = 0;
    for (const m of this.body.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      if (!this.index.has(m[1])) this.index.set(m[1], n);
      n++;
    }
    if (n !== Number(open[2])) throw new Error('bulk rows: shared strings count mismatch');
    this.unique = n;
  }

  /** The index of a string (a cell's text), added when new. */
  add(s: string): number {
    this.count++;
    let i = this.byText.get(s);
    if (i === undefined) {
      const inner = sharedStringXml(s);
      i = this.index.get(inner);
      if (i === undefined) {
        i = this.unique++;
        this.index.set(inner, i);
        this.added.push(`<si>${inner}</si>`);
      }
      if (this.byText.size < 1_000_000) this.byText.set(s, i);
    }
    return i;
  }

  toBytes(): Uint8Array {
    const open = this.open.replace(/\bcount="\d+"/, `count="${this.count}"`).replace(/\buniqueCount="\d+"/, `uniqueCount="${this.unique}"`);
    return Buffer.concat([Buffer.from(this.head + open + this.body, 'utf8'), Buffer.from(this.added.join(''), 'utf8'), Buffer.from('</sst>', 'utf8')]);
  }
}

/** Column letters from a 1-based column number. */
function letters(col: number): string {
  return cellRef(col - 1, 1).replace(/\d+$/, '');
}

/**
 * The style id of each look (keyOf), read back from the rows exceljs wrote for the table: every
 * look occurs among them (BulkRows.take made sure), and one look must have one id.
 */
function styleIds(xml: string, t: BulkTable, cols: string[]): Map<string, number> {
  const { columns, rows, fmt, headerRow, prefix } = t;
  const styleOf = new Map<string, number>();
  const rowsXml = new Map<number, string>();
  for (const m of xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const n = Number(m[1]);
    if (n > headerRow && n <= headerRow + prefix) rowsXml.set(n, m[2]);
  }
  for (let r = 0; r < prefix; r++) {
    const n = headerRow + 1 + r;
    const rowXml = rowsXml.get(n);
    if (rowXml === undefined) throw new Error(`bulk rows: row ${n} not found in sheet ${t.sheetId}`);
    const ids = new Map<string, number>();
    for (const c of rowXml.matchAll(/<c r="([A-Z]+)\d+"(?: s="(\d+)")?/g)) ids.set(c[1], Number(c[2] ?? 0));
    for (let i = 0; i < columns.length; i++) {
      const key = keyOf(dataClass(columns[i].kind, rows[r][i]), columns[i].kind, fmt);
      const id = ids.get(cols[i]);
      if (id === undefined) throw new Error(`bulk rows: cell ${cols[i]}${n} not found`);
      const known = styleOf.get(key);
      if (known === undefined) styleOf.set(key, id);
      else if (known !== id) throw new Error(`bulk rows: two style ids for one look (${known}, ${id})`);
    }
  }
  return styleOf;
}

/**
 * How one cell of column `i` is written, as exceljs writes it: a shared string, a number, a date
 * serial, or (blank, or a text that came out empty) the border only. Texts are cleaned and dates
 * converted once per distinct value: names, types, modes and days repeat down the table.
 */
function cellWriter(t: BulkTable, styleOf: Map<string, number>, sst: SharedStrings): (i: number, ref: string, v: CellInput) => string {
  const kinds = t.columns.map((c) => c.kind);
  const sAttr = (cls: DataClass, i: number): string => {
    const s = styleOf.get(keyOf(cls, kinds[i], t.fmt));
    if (s === undefined) throw new Error('bulk rows: a look exceljs did not write');
    return s ? ` s="${s}"` : '';
  };
  // Per column: the style attribute of a blank cell (a column has one kind).
  const blankAttr = kinds.map((_, i) => (styleOf.has(BLANK_KEY) ? sAttr('blank', i) : null));
  const texts = new Map<string, string | null>();
  const serials = new Map<string, string>();
  return (i, ref, v) => {
    const cls = dataClass(kinds[i], v);
    if (cls === 'text') {
      const raw = String(v);
      let str = texts.get(raw);
      if (str === undefined) {
        str = text(raw);
        if (texts.size < 100_000) texts.set(raw, str);
      }
      if (str !== null) return `<c r="${ref}"${sAttr(cls, i)} t="s"><v>${sst.add(str)}</v></c>`;
    } else if (cls === 'number') {
      return `<c r="${ref}"${sAttr(cls, i)}><v>${v as number}</v></c>`;
    } else if (cls === 'date') {
      let serial = serials.get(v as string);
      if (serial === undefined) {
        serial = String(excelSerial(dateFromIso(v as string)));
        serials.set(v as string, serial);
      }
      return `<c r="${ref}"${sAttr(cls, i)}><v>${serial}</v></c>`;
    }
    const attr = blankAttr[i];
    if (attr === null) throw new Error('bulk rows: a look exceljs did not write');
    return attr ? `<c r="${ref}"${attr}/>` : '';
  };
}

/** The sheet's XML with the bulk rows inserted after exceljs's last row, and its dimension widened to them. */
function spliceRows(xml: string, t: BulkTable, sst: SharedStrings): Uint8Array {
  const { columns, rows, firstCol, headerRow, prefix } = t;
  const cols = columns.map((_, i) => letters(firstCol + i));
  const cell = cellWriter(t, styleIds(xml, t, cols), sst);
  const lastCol = firstCol + columns.length - 1;
  const chunks: Buffer[] = [];
  let out = '';
  for (let r = prefix; r < rows.length; r++) {
    const n = headerRow + 1 + r;
    const values = rows[r];
    out += rowOpenTag(n, firstCol, lastCol);
    for (let i = 0; i < cols.length; i++) out += cell(i, cols[i] + n, values[i]);
    out += '</row>';
    if (out.length > 1 << 20) {
      chunks.push(Buffer.from(out, 'utf8'));
      out = '';
    }
  }
  chunks.push(Buffer.from(out, 'utf8'));

  const end = xml.lastIndexOf('</sheetData>');
  if (end < 0) throw new Error(`bulk rows: no sheetData in sheet ${t.sheetId}`);
  const lastRow = headerRow + rows.length;
  const head = xml.slice(0, end).replace(/(<dimension ref="[A-Z]+\d+:[A-Z]+)(\d+)"/, (_m, a: string, b: string) => `${a}${Math.max(Number(b), lastRow)}"`);
  return Buffer.concat([Buffer.from(head, 'utf8'), ...chunks, Buffer.from(xml.slice(end), 'utf8')]);
}
