/**
 * The one place the .docx writers reach past docx's typed API (docx is pinned exactly in
 * package.json for it; test/render/docx-adapter.test.ts is the contract):
 *  - the packer's compiler, which gives the package's parts before they are zipped;
 *  - the XML trees components prepare (`prepForXml`), which fastTable assembles long tables from,
 *    and a component that writes a tree prepared beforehand.
 * Should a docx version change either, the contract test says so; the compiler is checked at
 * run time too, and the packed zip is read instead when it does not answer as expected.
 */
import { Packer, XmlComponent, type Document, type Table } from 'docx';
import { unzipSync } from 'fflate';

/** What docx's Packer zips: the package's parts by path (its compiler, not part of the typed API). */
export interface DocxCompiler {
  compile(file: Document, prettify: undefined, overrides: never[]): unknown;
}

/** Parts every WordprocessingML package has: a compiler's answer without them is not one. */
const REQUIRED_PARTS = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml'];

/** The compiler's answer as parts by name, or null when it is not the map of parts expected. */
function partsOf(compiled: unknown): Record<string, Uint8Array> | null {
  if (!(compiled instanceof Map)) return null;
  const parts: Record<string, Uint8Array> = {};
  const utf8 = new TextEncoder();
  for (const [name, data] of compiled as Map<unknown, unknown>) {
    if (typeof name !== 'string' || name === '') return null;
    if (typeof data === 'string') parts[name] = utf8.encode(data);
    else if (data instanceof Uint8Array) parts[name] = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else return null;
  }
  return REQUIRED_PARTS.every((p) => p in parts) ? parts : null;
}

/**
 * The package's parts, unzipped. Packer.toBuffer would deflate every part (photos included) only
 * for the caller to inflate them and deflate them again: the compiler gives the same parts
 * directly (a quarter of a commune's .docx time). When the compiler is missing, or answers with
 * anything but a map of named parts holding the required ones, the packed zip is unpacked
 * instead: the parts come out the same either way.
 */
export async function packageParts(document: Document, compiler: unknown = (Packer as unknown as { compiler?: unknown }).compiler): Promise<Record<string, Uint8Array>> {
  const compile = (compiler as Partial<DocxCompiler> | undefined)?.compile;
  if (typeof compile === 'function') {
    const parts = partsOf(compile.call(compiler, document, undefined, []));
    if (parts) return parts;
  }
  return unzipSync(await Packer.toBuffer(document));
}

/** A component's XML as docx prepares it before writing: `{ 'w:tag': [attributes, …children] }`. */
export type XmlTree = Record<string, unknown>;

/** The children of `tree`'s element `key` (none when it has none). */
export function childrenOf(tree: XmlTree | undefined, key: string): unknown[] {
  const v = tree?.[key];
  return Array.isArray(v) ? v : [];
}

/** The context prepForXml expects; the table pieces fastTable prepares do not look into it. */
type PrepContext = Parameters<Table['prepForXml']>[0];

/** A function preparing components' trees, sharing one context. */
export function preparer(): (component: { prepForXml(context: PrepContext): unknown }) => XmlTree {
  const context = { stack: [] as unknown[], file: {}, viewWrapper: {} } as unknown as PrepContext;
  return (component) => component.prepForXml(context) as XmlTree;
}

/** A component whose XML is already prepared: docx writes the given tree as it is. */
export class PreparedXml extends XmlComponent {
  constructor(private readonly tree: XmlTree) {
    super(Object.keys(tree)[0]);
  }

  override prepForXml(): XmlTree {
    return this.tree;
  }
}
