/**
 * An XLSX package as Excel opens it (ECMA-376 Part 2, Open Packaging Conventions): the workbook
 * is the part `_rels/.rels` names as the office document (else the one `[Content_Types].xml`
 * types as a workbook, else `xl/workbook.xml`); its sheets, shared strings and styles are the
 * parts its own rels name; sheets come in tab order with the names on their tabs. Part names
 * are compared case-insensitively, as OPC says, and whatever the zip's order. Only these small
 * parts are read here; the sheets and shared strings are located for streaming.
 */
import * as path from 'path';
import type { FileHandle } from 'fs/promises';
import { assertPartSize, MAX_SMALL_PART_BYTES } from './limits';
import { CONTENT_TYPES, FOREIGN_CONTENT_TYPES, OFFICE_RELATIONSHIPS, PACKAGE_RELATIONSHIPS, REL, SPREADSHEETML, WORKBOOK_CONTENT_TYPES } from './ooxml-names';
import { compileVocabulary, XmlStream, type Attributes, type CompiledVocabulary, type XmlHandler, type XmlName } from './xml-stream';
import { locate, readEntry, ZipFormatError, type ZipEntry, type ZipPart } from './zip';

export interface SheetPart {
  /** The sheet's name as the clerk sees it on its tab. */
  name: string;
  /** Its part in the package, as the zip names it, e.g. `xl/worksheets/sheet2.xml`. */
  part: string;
  zip: ZipPart;
}

/** What the XLSX reader works from. */
export interface WorkbookParts {
  /** Worksheets in workbook (tab) order. Chart sheets, dialog and macro sheets (no cells) are left out. */
  sheets: SheetPart[];
  sharedStrings: ZipPart | null;
  styles: ZipPart | null;
  /** Dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
}

/** A workbook, or another kind of zip named so the message can say what it is (`docx`, `xlsb`, `opendocument`, `zip`…). */
export type PackageVerdict = { kind: 'workbook'; workbook: WorkbookParts } | { kind: 'foreign'; detail: string };

/**
 * Finds the workbook in a zip the guard has accepted, reads its layout and locates its parts.
 * Throws ZipFormatError when the package is damaged (a part it names is missing, malformed XML)
 * and ReadLimitError when a small part is past its cap.
 */
export async function readPackage(fh: FileHandle, fileSize: number, entries: ZipEntry[]): Promise<PackageVerdict> {
  const parts = new PartIndex(entries);
  const read = <H extends XmlHandler>(entry: ZipEntry, vocabulary: CompiledVocabulary, handler: H) => readSmallPart(fh, fileSize, entry, vocabulary, handler);

  const typesEntry = parts.get('[Content_Types].xml');
  const types = typesEntry ? await read(typesEntry, TYPES_VOCABULARY, new ContentTypes()) : null;
  const rootRels = parts.get('_rels/.rels');
  const officeDocument = rootRels ? (await read(rootRels, RELS_VOCABULARY, new Relationships('')))?.first(REL.officeDocument) : undefined;
  const candidates = [officeDocument, types?.partOfType((t) => WORKBOOK_CONTENT_TYPES.has(t)), 'xl/workbook.xml'];
  const main = candidates.map((name) => (name === undefined ? undefined : parts.get(name))).find((e) => e !== undefined);
  if (!main) {
    if (officeDocument !== undefined) throw new ZipFormatError(`${officeDocument} (the workbook) missing`);
    return { kind: 'foreign', detail: foreignKind(parts) };
  }
  const type = types?.typeOf(main.name);
  const foreign = FOREIGN_CONTENT_TYPES.find(([prefix]) => type?.startsWith(prefix))?.[1] ?? (main.name.toLowerCase().endsWith('.bin') ? 'xlsb' : null);
  if (foreign) return { kind: 'foreign', detail: foreign };

  const dir = path.posix.dirname(main.name);
  const relsName = `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(main.name)}.rels`;
  const relsEntry = parts.get(relsName);
  if (!relsEntry) throw new ZipFormatError(`${relsName} missing`);
  const rels = await read(relsEntry, RELS_VOCABULARY, new Relationships(dir === '.' ? '' : dir));
  const book = await read(main, WORKBOOK_VOCABULARY, new WorkbookXml());

  const sheets: SheetPart[] = [];
  for (const s of book.sheets) {
    const rel = rels.byId.get(s.rId);
    if (!rel || !rel.type.endsWith(REL.worksheet)) continue; // a chart sheet, or a sheet no part stands for
    const entry = parts.get(rel.target);
    if (!entry) throw new ZipFormatError(`${rel.target} (sheet "${s.name}") missing`);
    sheets.push({ name: s.name, part: entry.name, zip: await locate(fh, fileSize, entry) });
  }
  if (sheets.length === 0) throw new ZipFormatError('no worksheet in the workbook');
  const optional = async (relType: string, conventional: string): Promise<ZipPart | null> => {
    const entry = parts.get(rels.first(relType) ?? path.posix.join(dir, conventional));
    return entry ? locate(fh, fileSize, entry) : null;
  };
  return {
    kind: 'workbook',
    workbook: { sheets, sharedStrings: await optional(REL.sharedStrings, 'sharedStrings.xml'), styles: await optional(REL.styles, 'styles.xml'), date1904: book.date1904 },
  };
}

/** The zip's entries by part name as OPC compares them: case-insensitively, `\` as `/` (some Windows zippers write it), no leading `/`. */
class PartIndex {
  private readonly byKey = new Map<string, ZipEntry>();
  constructor(entries: ZipEntry[]) {
    for (const e of entries) {
      const key = PartIndex.key(e.name);
      if (!this.byKey.has(key)) this.byKey.set(key, e);
    }
  }
  get(name: string): ZipEntry | undefined {
    return this.byKey.get(PartIndex.key(name));
  }
  has(name: string): boolean {
    return this.byKey.has(PartIndex.key(name));
  }
  static key(name: string): string {
    return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
  }
}

/** A zip that holds no workbook: what it is instead, for the message. */
function foreignKind(parts: PartIndex): string {
  if (parts.has('xl/workbook.bin')) return 'xlsb';
  if (parts.has('word/document.xml')) return 'docx';
  if (parts.has('ppt/presentation.xml')) return 'pptx';
  if (parts.has('content.xml') && parts.has('mimetype')) return 'opendocument';
  return 'zip';
}

async function readSmallPart<H extends XmlHandler>(fh: FileHandle, fileSize: number, entry: ZipEntry, vocabulary: CompiledVocabulary, handler: H): Promise<H> {
  assertPartSize(entry, MAX_SMALL_PART_BYTES);
  const xml = new XmlStream(entry.name, vocabulary, handler);
  xml.write(await readEntry(fh, fileSize, entry, MAX_SMALL_PART_BYTES));
  xml.end();
  return handler;
}

/** A relationship target as a part name: relative to the source part's folder, or to the package root when it starts with `/`. */
function resolveTarget(sourceDir: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t); // OPC part names are URIs: `sheet%201.xml` is stored as `sheet 1.xml`
  } catch {
    // not percent-encoded after all: keep it as written
  }
  return t.startsWith('/') ? path.posix.normalize(t.slice(1)) : path.posix.normalize(path.posix.join(sourceDir, t));
}

// ---------------------------------------------------------------------------------------------
// The small parts' readers

const enum T {
  Default = 1,
  Override,
}
const TYPES_VOCABULARY = compileVocabulary([
  [T.Default, CONTENT_TYPES, 'Default'],
  [T.Override, CONTENT_TYPES, 'Override'],
]);

/** `[Content_Types].xml`: a part's content type by its name, else by its extension. */
class ContentTypes implements XmlHandler {
  private readonly byExtension = new Map<string, string>();
  private readonly byPart = new Map<string, string>();
  open(name: XmlName, a: Attributes): void {
    if (name.code === T.Default && a.Extension && a.ContentType) this.byExtension.set(a.Extension.toLowerCase(), a.ContentType.trim());
    if (name.code === T.Override && a.PartName && a.ContentType) this.byPart.set(PartIndex.key(a.PartName), a.ContentType.trim());
  }
  close(): void {}
  text(): void {}
  typeOf(part: string): string | undefined {
    return this.byPart.get(PartIndex.key(part)) ?? this.byExtension.get(path.posix.extname(part).slice(1).toLowerCase());
  }
  partOfType(test: (type: string) => boolean): string | undefined {
    for (const [part, type] of this.byPart) if (test(type)) return part;
    return undefined;
  }
}

const RELS_VOCABULARY = compileVocabulary([[1, PACKAGE_RELATIONSHIPS, 'Relationship']]);

/** A `.rels` part: internal relationships by Id, targets resolved to part names. */
class Relationships implements XmlHandler {
  readonly byId = new Map<string, { type: string; target: string }>();
  private readonly inOrder: Array<{ type: string; target: string }> = [];
  constructor(private readonly sourceDir: string) {}
  open(name: XmlName, a: Attributes): void {
    if (name.code !== 1 || !a.Id || a.Target === undefined || a.TargetMode === 'External') return;
    const rel = { type: (a.Type ?? '').trim(), target: resolveTarget(this.sourceDir, a.Target.trim()) };
    if (!this.byId.has(a.Id)) this.byId.set(a.Id, rel);
    this.inOrder.push(rel);
  }
  close(): void {}
  text(): void {}
  /** The target of the first relationship of a type (given by its last segment, REL). */
  first(typeEnd: string): string | undefined {
    return this.inOrder.find((r) => r.type.endsWith(typeEnd))?.target;
  }
}

const enum W {
  Sheets = 1,
  Sheet,
  WorkbookPr,
}
const WORKBOOK_VOCABULARY = compileVocabulary([
  [W.Sheets, SPREADSHEETML, 'sheets'],
  [W.Sheet, SPREADSHEETML, 'sheet'],
  [W.WorkbookPr, SPREADSHEETML, 'workbookPr'],
]);

/** The workbook part: its sheets in tab order (name, relationship id) and its date system. */
class WorkbookXml implements XmlHandler {
  readonly sheets: Array<{ name: string; rId: string }> = [];
  date1904 = false;
  private inSheets = false;
  open(name: XmlName, a: Attributes, xml: XmlStream): void {
    if (name.code === W.Sheets) this.inSheets = true;
    else if (name.code === W.Sheet && this.inSheets) {
      const rId = xml.attribute(a, OFFICE_RELATIONSHIPS, 'id');
      if (a.name !== undefined && rId) this.sheets.push({ name: a.name, rId });
    } else if (name.code === W.WorkbookPr) {
      const d = (a.date1904 ?? '').trim();
      this.date1904 = d === '1' || d === 'true';
    }
  }
  close(name: XmlName): void {
    if (name.code === W.Sheets) this.inSheets = false;
  }
  text(): void {}
}
