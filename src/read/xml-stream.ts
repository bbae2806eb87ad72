/**
 * One package part's XML, pushed through saxes chunk by chunk, with what every part reader needs:
 * the bytes decoded as one stream (UTF-8, or UTF-16 by its BOM — never chunk by chunk, which cuts
 * characters in two), element names resolved by namespace rather than by prefix (`x:c`, `c` and
 * `s:c` are the same cell when bound to the same namespace), and the caps of limits.ts (nesting
 * depth, what the parser may buffer). saxes runs without its own namespace mode: resolving here,
 * once per distinct name and binding, costs a third of what saxes's per-tag resolution does on a
 * 100 k-row sheet.
 */
import { SaxesParser, type SaxesAttributePlain, type SaxesTagPlain } from 'saxes';
import { TextDecoder } from 'util';
import { assertPartSize, MAX_XML_DEPTH, MAX_XML_RUN_CHARS, ReadLimitError } from './limits';
import { entryChunks, ZipFormatError, type ZipPart } from './zip';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
/** Attributes one tag may have; real tags have a few, a root a few dozen namespace declarations. */
const MAX_ATTRIBUTES = 1024;
/** Distinct element names remembered; a part with more (only a hostile one) is resolved anew past it. */
const MAX_CACHED_NAMES = 4096;

/** An element name as a handler sees it: `code` is the vocabulary's number for it, 0 for any other element. */
export interface XmlName {
  /** As written, prefix included (`x:c`). */
  readonly qname: string;
  readonly uri: string;
  readonly local: string;
  readonly code: number;
}

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /** `xml` answers namespace questions about the element just opened (XmlStream.attribute). */
  open(name: XmlName, attrs: Attributes, xml: XmlStream): void;
  close(name: XmlName): void;
  /** Character data (text and CDATA), entities decoded; whitespace between elements too. */
  text(t: string): void;
}

/** The elements a handler cares about: for each, its code (≥ 1), the namespaces it may be in, and its local name. */
export type Vocabulary = ReadonlyArray<readonly [code: number, uris: readonly string[], local: string]>;

/** A vocabulary compiled for lookups: `uri NUL local` → code. */
export type CompiledVocabulary = ReadonlyMap<string, number>;

export function compileVocabulary(v: Vocabulary): CompiledVocabulary {
  const m = new Map<string, number>();
  for (const [code, uris, local] of v) for (const uri of uris) m.set(`${uri}\u0000${local}`, code);
  return m;
}

/** The fields of saxes (5.0.1, pinned) that hold what it has buffered of an unfinished token: test/read/xml-stream.test.ts checks them. */
interface SaxesBuffers {
  text: string;
  name: string;
  attribList: unknown[];
}

/**
 * Feed it a part's inflated chunks with write(), then end(). Throws ReadLimitError past a cap and
 * ZipFormatError (the file is damaged) on malformed XML or text, naming the part.
 */
export class XmlStream {
  private readonly parser: SaxesParser<{ xmlns: false; position: false }>;
  private readonly decoder: PartText;
  /** prefix → namespace now in force; `''` is the default namespace. */
  private readonly bindings = new Map<string, string>([['xml', XML_NAMESPACE]]);
  /** Bindings to put back when the element that changed them closes. */
  private readonly undo: Array<{ depth: number; prefix: string; previous: string | undefined }> = [];
  private pending: Array<[prefix: string, uri: string]> | null = null;
  /** qname → its resolution under the current bindings; emptied when they change. */
  private readonly names = new Map<string, XmlName>();
  /** The open elements, innermost last. */
  private readonly open: XmlName[] = [];

  constructor(
    private readonly part: string,
    private readonly vocabulary: CompiledVocabulary,
    handler: XmlHandler,
  ) {
    this.decoder = new PartText(part);
    const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    p.on('attribute', (a: SaxesAttributePlain) => this.declare(a));
    p.on('opentag', (tag: SaxesTagPlain) => {
      const name = this.enter(tag.name);
      handler.open(name, tag.attributes as Attributes, this);
    });
    p.on('closetag', () => {
      handler.close(this.open[this.open.length - 1]);
      this.leave();
    });
    p.on('text', (t) => handler.text(t));
    p.on('cdata', (t) => handler.text(t));
    this.parser = p;
  }

  /** Every binding now in force, e.g. to restate them in front of a part's tail (xlsx-merges.ts). */
  bindingsInForce(): Array<[prefix: string, uri: string]> {
    return [...this.bindings].filter(([prefix]) => prefix !== 'xml');
  }

  /** An attribute by namespace and local name (`r:id` under any prefix), as the open element has it. */
  attribute(attrs: Attributes, uris: readonly string[], local: string): string | undefined {
    for (const name in attrs) {
      const colon = name.indexOf(':');
      if (colon < 0 || name.slice(colon + 1) !== local) continue;
      const uri = this.bindings.get(name.slice(0, colon));
      if (uri !== undefined && uris.includes(uri)) return attrs[name];
    }
    return undefined;
  }

  write(chunk: Uint8Array): void {
    this.parse(this.decoder.decode(chunk));
  }

  end(): void {
    const rest = this.decoder.flush();
    if (rest) this.parse(rest);
    this.guard(() => this.parser.close());
  }

  /** Text already decoded (the synthetic root of xlsx-merges.ts). */
  writeText(text: string): void {
    this.parse(text);
  }

  private parse(text: string): void {
    this.guard(() => this.parser.write(text));
    const b = this.parser as unknown as SaxesBuffers;
    if (b.text.length > MAX_XML_RUN_CHARS || b.name.length > MAX_XML_RUN_CHARS) {
      throw new ReadLimitError('too-complex', `${this.part}: one text or tag of more than ${MAX_XML_RUN_CHARS} characters`);
    }
    if (b.attribList.length > MAX_ATTRIBUTES) {
      throw new ReadLimitError('too-complex', `${this.part}: a tag with more than ${MAX_ATTRIBUTES} attributes`);
    }
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      if (e instanceof ReadLimitError || e instanceof ZipFormatError) throw e;
      // saxes's well-formedness errors, and a handler's own (a damaged cell address...).
      throw new ZipFormatError(`${this.part}: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  /** saxes reports an element's attributes before the element: namespace declarations wait for it here. */
  private declare(a: SaxesAttributePlain): void {
    const n = a.name;
    if (n.charCodeAt(0) !== 120 /* x */ || !n.startsWith('xmlns')) return;
    if (n.length === 5) (this.pending ??= []).push(['', a.value.trim()]);
    else if (n.charCodeAt(5) === 58 /* : */) (this.pending ??= []).push([n.slice(6), a.value.trim()]);
  }

  private enter(qname: string): XmlName {
    const depth = this.open.length + 1;
    if (depth > MAX_XML_DEPTH) throw new ReadLimitError('too-complex', `${this.part}: elements nested more than ${MAX_XML_DEPTH} deep`);
    if (this.pending) {
      for (const [prefix, uri] of this.pending) {
        this.undo.push({ depth, prefix, previous: this.bindings.get(prefix) });
        this.bindings.set(prefix, uri);
      }
      this.pending = null;
      this.names.clear();
    }
    let name = this.names.get(qname);
    if (!name) {
      name = this.resolve(qname);
      if (this.names.size >= MAX_CACHED_NAMES) this.names.clear();
      this.names.set(qname, name);
    }
    this.open.push(name);
    return name;
  }

  private leave(): void {
    const depth = this.open.length;
    this.open.pop();
    let changed = false;
    while (this.undo.length > 0 && this.undo[this.undo.length - 1].depth === depth) {
      const u = this.undo.pop()!;
      if (u.previous === undefined) this.bindings.delete(u.prefix);
      else this.bindings.set(u.prefix, u.previous);
      changed = true;
    }
    if (changed) this.names.clear();
  }

  private resolve(qname: string): XmlName {
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const bound = this.bindings.get(prefix);
    if (bound === undefined && prefix !== '') throw new ZipFormatError(`${this.part}: unbound namespace prefix "${prefix}"`);
    const uri = bound ?? '';
    return { qname, uri, local, code: this.vocabulary.get(`${uri}\u0000${local}`) ?? 0 };
  }
}

/**
 * A part's bytes as text, decoded as one stream: a character cut between two inflated chunks is
 * held back, never turned into `��`. UTF-16 parts announce themselves by a BOM (OPC allows UTF-8
 * and UTF-16); anything else is UTF-8, whose BOM is dropped. Bytes that are not valid text throw
 * ZipFormatError: Excel refuses such a part too.
 */
export class PartText {
  private decoder: TextDecoder | null = null;

  constructor(private readonly part: string) {}

  decode(chunk: Uint8Array): string {
    this.decoder ??= decoderFor(chunk);
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new ZipFormatError(`${this.part}: text is not valid ${this.decoder.encoding}`);
    }
  }

  /** What is left at the end of the part (an error if a character is cut off there). */
  flush(): string {
    if (!this.decoder) return '';
    try {
      return this.decoder.decode();
    } catch {
      throw new ZipFormatError(`${this.part}: text ends inside a character`);
    }
  }
}

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return new TextDecoder('utf-8', { fatal: true });
}

/**
 * Reads a whole part through a handler, streamed from the zip: for the parts read before any row
 * (styles, shared strings). Throws ReadLimitError when the part is past `cap` bytes, and as write().
 */
export async function parsePart(file: string, part: ZipPart, cap: number, vocabulary: CompiledVocabulary, handler: XmlHandler): Promise<void> {
  assertPartSize(part, cap);
  const xml = new XmlStream(part.name, vocabulary, handler);
  for await (const chunk of entryChunks(file, part)) xml.write(chunk);
  xml.end();
}
