/**
 * The XML layer every part is read through: names by namespace, text decoded as one stream, the
 * caps of limits.ts — and the saxes internals the buffer cap reads (saxes is pinned for them).
 */
import { SaxesParser } from 'saxes';
import { MAX_XML_DEPTH, MAX_XML_RUN_CHARS, ReadLimitError } from '../../src/read/limits';
import { compileVocabulary, PartText, XmlStream, type Attributes, type XmlName } from '../../src/read/xml-stream';
import { ZipFormatError } from '../../src/read/zip';

const NS = 'urn:main';
const VOCABULARY = compileVocabulary([
  [1, [NS], 'c'],
  [2, [NS], 'v'],
]);

/** Feeds `xml` in chunks of `size` bytes and records what the handler saw. */
function parse(xml: string | Buffer, size = 1 << 20): { events: string[]; xml: XmlStream } {
  const events: string[] = [];
  const stream = new XmlStream('part.xml', VOCABULARY, {
    open: (n: XmlName, a: Attributes) => events.push(`<${n.code}:${n.local}${a.r ? `@${a.r}` : ''}`),
    close: (n: XmlName) => events.push(`>${n.code}`),
    text: (t: string) => events.push(`"${t}`),
  });
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  for (let i = 0; i < bytes.length; i += size) stream.write(bytes.subarray(i, i + size));
  stream.end();
  return { events, xml: stream };
}

describe('names are resolved by namespace', () => {
  test('prefixed, default, redeclared inside, and restored when the declaring element closes', () => {
    const { events } = parse(
      `<x:root xmlns:x="${NS}"><x:c r="A1"><x:v>1</x:v></x:c><c/><y:c xmlns:y="${NS}"/><x:c xmlns:x="urn:other"/><x:c/><d xmlns="${NS}"><c/></d></x:root>`,
    );
    expect(events.filter((e) => e.startsWith('<'))).toEqual(['<0:root', '<1:c@A1', '<2:v', '<0:c', '<1:c', '<0:c', '<1:c', '<0:d', '<1:c']);
  });

  test('an unbound prefix is a damaged part', () => {
    expect(() => parse('<x:root/>')).toThrow(ZipFormatError);
  });

  test('attributes by namespace, under any prefix', () => {
    let found: (string | undefined)[] = [];
    const s = new XmlStream('p', VOCABULARY, {
      open: (_n, a, xml) => (found = [xml.attribute(a, ['urn:rel'], 'id'), xml.attribute(a, ['urn:none'], 'id')]),
      close: () => undefined,
      text: () => undefined,
    });
    s.writeText('<root xmlns:q="urn:rel" q:id="rId7" id="plain"/>');
    s.end();
    expect(found).toEqual(['rId7', undefined]);
  });
});

describe('text is decoded as one stream', () => {
  test('UTF-8 cut at every byte boundary, one byte at a time', () => {
    const { events } = parse(`<r xmlns="${NS}"><v>Lễ khai mạc 😀 Đ</v></r>`, 1);
    expect(events).toContain('"Lễ khai mạc 😀 Đ');
  });

  test('UTF-16 by its BOM, either byte order', () => {
    const text = `<r xmlns="${NS}"><v>Hòa Bình</v></r>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be]) expect(parse(bytes, 3).events).toContain('"Hòa Bình');
  });

  test('bytes that are not UTF-8, and a character cut at the end, are a damaged part', () => {
    expect(() => parse(Buffer.from([0x3c, 0x72, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x72, 0x3e]))).toThrow(ZipFormatError);
    expect(() => new PartText('p').flush()).not.toThrow();
    const cut = new PartText('p');
    cut.decode(Buffer.from([0xe1, 0xbb]));
    expect(() => cut.flush()).toThrow(ZipFormatError);
  });
});

describe('caps', () => {
  const limitOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof ReadLimitError) return e.reason;
      throw e;
    }
    return 'none';
  };

  test(`elements nested ${MAX_XML_DEPTH} deep are read, one more is refused`, () => {
    const nest = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(limitOf(() => parse(nest(MAX_XML_DEPTH)))).toBe('none');
    expect(limitOf(() => parse(nest(MAX_XML_DEPTH + 1)))).toBe('too-complex');
  });

  test('a text, an attribute, a CDATA section or a comment longer than the run cap is refused as it grows', () => {
    const big = 'ạ'.repeat(MAX_XML_RUN_CHARS + 200_000); // the cap is checked between chunks: past it by more than one
    for (const xml of [`<a>${big}</a>`, `<a b="${big}"/>`, `<a><![CDATA[<${big}]]></a>`, `<a><!-- <${big} --></a>`]) {
      expect({ xml: xml.slice(0, 12), limit: limitOf(() => parse(xml, 64 * 1024)) }).toEqual({ xml: xml.slice(0, 12), limit: 'too-complex' });
    }
  });

  test('a text just under the run cap is read whole', () => {
    const { events } = parse(`<a>${'x'.repeat(1_000_000)}</a>`, 64 * 1024);
    expect(events.find((e) => e.startsWith('"'))!.length).toBe(1_000_001);
  });

  test('a tag with thousands of attributes is refused', () => {
    const attrs = Array.from({ length: 5000 }, (_, i) => ` a${i}="1"`).join('');
    expect(limitOf(() => parse(`<a${attrs}/>`, 8 * 1024))).toBe('too-complex');
  });
});

test('saxes keeps what it has buffered of an unfinished token in `text`, `name` and `attribList` (what the run cap reads)', () => {
  const p = new SaxesParser({ position: false }) as unknown as SaxesParser & { text: string; name: string; attribList: unknown[] };
  p.on('text', () => undefined); // as XmlStream listens: without a listener saxes keeps no text
  p.write('<root>abc');
  expect(p.text).toBe('abc');
  p.write('def<e a="1" b="2');
  expect(p.text).toBe('2');
  expect(p.attribList).toHaveLength(1);
  p.write('"/><longname');
  expect(p.name).toBe('longname');
  p.write('/><!-- comm');
  expect(p.text).toBe(' comm');
  p.write('ent --><![CDATA[xy');
  expect(p.text).toBe('xy');
});
