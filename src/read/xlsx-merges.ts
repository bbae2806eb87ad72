/**
 * A sheet's merged ranges, which its part stores after all its rows (`<mergeCells>` follows
 * `<sheetData>`, ECMA-376 Part 1 §18.3.1.99) — too late for a checker that needs them at the
 * header. So they are read by a pass of their own over the part: its bytes are inflated and
 * decoded again, but only the root element and what follows `</sheetData>` go through the XML
 * parser; the rows are skipped by a text search. On the bench's 100 k-row sheet (32 MB of XML)
 * the pass costs about a tenth of reading the rows.
 *
 * The end of `<sheetData>` is found as text: `</x:sheetData>` under the prefix the root binds to
 * SpreadsheetML. Cell text cannot hold a bare `<`, so only a comment or CDATA section written to
 * fool it could; what follows would then not parse, and the part is reported as damaged.
 */
import { parseAddress, type Address } from './cell-address';
import { assertPartSize, MAX_COLUMNS, MAX_ROWS, MAX_SHEET_PART_BYTES } from './limits';
import { SPREADSHEETML } from './ooxml-names';
import { cellRef, type MergedRange } from './types';
import { compileVocabulary, PartText, XmlStream, type Attributes, type XmlHandler, type XmlName } from './xml-stream';
import { entryChunks, type ZipPart } from './zip';

const enum M {
  MergeCells = 1,
  MergeCell,
}
const VOCABULARY = compileVocabulary([
  [M.MergeCells, SPREADSHEETML, 'mergeCells'],
  [M.MergeCell, SPREADSHEETML, 'mergeCell'],
]);
/** Whitespace allowed between a tag's name and its `>` when looking for the end of sheetData. */
const MAX_TAG_SPACE = 64;

/** The merged ranges of one sheet part, in the order written. Throws as XmlStream does. */
export async function readMerges(file: string, part: ZipPart): Promise<MergedRange[]> {
  assertPartSize(part, MAX_SHEET_PART_BYTES);
  const text = new PartText(part.name);
  const head = new RootReader(part.name);
  const merges = new MergesXml();
  let tail: XmlStream | null = null;
  let window = '';
  for await (const chunk of entryChunks(file, part)) {
    const t = text.decode(chunk);
    if (tail) {
      tail.writeText(t);
      continue;
    }
    head.write(t);
    window += t;
    if (!head.root) continue;
    const found = findSheetDataEnd(window, head.root.needles);
    if (typeof found === 'number') {
      tail = new XmlStream(part.name, VOCABULARY, merges);
      tail.writeText(head.root.startTag);
      tail.writeText(window.slice(found));
      window = '';
    } else {
      window = window.slice(found.keepFrom);
    }
  }
  if (tail) {
    tail.writeText(text.flush());
    tail.end();
  }
  return merges.ranges;
}

interface Root {
  /** The root's start tag restated with every namespace binding in force, to parse the tail in its scope. */
  startTag: string;
  /** `x:sheetData` (or `sheetData`) for each prefix bound to SpreadsheetML. */
  needles: string[];
}

/** Parses the part's head until its root element opens, to learn the names the rest is written with. */
class RootReader implements XmlHandler {
  root: Root | null = null;
  private readonly xml: XmlStream;
  constructor(part: string) {
    this.xml = new XmlStream(part, VOCABULARY, this);
  }
  write(t: string): void {
    if (this.root) return;
    try {
      this.xml.writeText(t);
    } catch (e) {
      // Past the root, the rows' own damage is for the row reader to report.
      if (!this.root) throw e;
    }
  }
  open(name: XmlName, _a: Attributes, xml: XmlStream): void {
    if (this.root) return;
    const bindings = xml.bindingsInForce();
    const declarations = bindings.map(([prefix, uri]) => ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`).join('');
    const main = bindings.filter(([, uri]) => uri !== '' && SPREADSHEETML.includes(uri)).map(([prefix]) => (prefix ? `${prefix}:sheetData` : 'sheetData'));
    this.root = { startTag: `<${name.qname}${declarations}>`, needles: main.length > 0 ? main : ['sheetData'] };
  }
  close(): void {}
  text(): void {}
}

/**
 * Where the text after sheetData starts (just past `</x:sheetData>` or a self-closing
 * `<x:sheetData/>`), or from where to keep searching when the next chunk comes.
 */
function findSheetDataEnd(window: string, needles: string[]): number | { keepFrom: number } {
  const longest = Math.max(...needles.map((n) => n.length));
  let keepFrom = Math.max(0, window.length - longest - MAX_TAG_SPACE - 4);
  for (const needle of needles) {
    for (let k = window.indexOf(needle); k >= 0; k = window.indexOf(needle, k + 1)) {
      const closing = window[k - 1] === '/' && window[k - 2] === '<';
      if (!closing && window[k - 1] !== '<') continue;
      let i = k + needle.length;
      while (i < window.length && i - (k + needle.length) <= MAX_TAG_SPACE && isSpace(window.charCodeAt(i))) i++;
      if (i + 1 >= window.length) keepFrom = Math.min(keepFrom, k - 2);
      else if (closing && window[i] === '>') return i + 1;
      else if (!closing && window[i] === '/' && window[i + 1] === '>') return i + 2;
    }
  }
  return { keepFrom: Math.max(0, keepFrom) };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** `<mergeCells><mergeCell ref="A1:F2"/>…`: each range, as RawRow counts rows and columns. */
class MergesXml implements XmlHandler {
  readonly ranges: MergedRange[] = [];
  private inMerges = false;
  private readonly from: Address = { col: 0, row: 0 };
  private readonly to: Address = { col: 0, row: 0 };

  open(name: XmlName, a: Attributes): void {
    if (name.code === M.MergeCells) this.inMerges = true;
    else if (name.code === M.MergeCell && this.inMerges && a.ref !== undefined) this.add(a.ref.trim());
  }
  close(name: XmlName): void {
    if (name.code === M.MergeCells) this.inMerges = false;
  }
  text(): void {}

  /** A range Excel could not show (no such address) is left out, as Excel drops it when it repairs the file. */
  private add(ref: string): void {
    const colon = ref.indexOf(':');
    const first = colon < 0 ? ref : ref.slice(0, colon);
    const last = colon < 0 ? ref : ref.slice(colon + 1);
    if (!parseAddress(first, this.from) || !parseAddress(last, this.to)) return;
    if (this.from.row === 0 || this.to.row === 0 || Math.max(this.from.col, this.to.col) >= MAX_COLUMNS || Math.max(this.from.row, this.to.row) > MAX_ROWS) return;
    const top = Math.min(this.from.row, this.to.row);
    const left = Math.min(this.from.col, this.to.col);
    const bottom = Math.max(this.from.row, this.to.row);
    const right = Math.max(this.from.col, this.to.col);
    this.ranges.push({ ref: `${cellRef(left, top)}:${cellRef(right, bottom)}`, top, left, bottom, right });
  }
}
