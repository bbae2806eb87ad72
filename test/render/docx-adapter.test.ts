/**
 * The contract of the docx internals the .docx writer relies on (render/docx/docx-adapter.ts):
 * the packer's compiler gives the parts Packer.toBuffer zips; a compiler that is missing or
 * answers otherwise is not trusted; prepared trees have the shape fastTable assembles.
 * A docx upgrade that breaks one of these fails here (and docx is pinned exactly for it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { childrenOf, packageParts, PreparedXml, preparer } from '../../src/render/docx/docx-adapter';

const doc = () => new Document({ creator: 'lllweek', sections: [{ children: [new Paragraph({ children: [new TextRun('Xã Hòa Phú & <A>')] })] }] });
const text = (parts: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(parts).filter(([n]) => n !== 'docProps/core.xml').map(([n, d]) => [n, Buffer.from(d).toString('utf8')]));

test('docx is the version pinned in package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const installed = JSON.parse(fs.readFileSync(require.resolve('docx').replace(/dist[\\/].*$/, 'package.json'), 'utf8')) as { version: string };
  expect(pkg.dependencies.docx).toBe(installed.version);
});

test("the compiler's parts are the parts of the packed zip, in the same order", async () => {
  const compiled = await packageParts(doc());
  const packed = unzipSync(await Packer.toBuffer(doc()));
  expect(Object.keys(compiled)).toEqual(Object.keys(packed));
  // core.xml carries docx's clock (the writer replaces its dates): everything else is byte for byte.
  expect(text(compiled)).toEqual(text(packed));
  expect(Buffer.from(compiled['word/document.xml']).toString('utf8')).toContain('Xã Hòa Phú &amp; &lt;A&gt;');
});

test.each([
  ['no compiler', undefined],
  ['a compiler without compile', {}],
  ['a compile that answers an array', { compile: () => [['word/document.xml', '<w:document/>']] }],
  ['a compile that answers a map of numbers', { compile: () => new Map([['word/document.xml', 1]]) }],
  ['a compile that leaves out the content types', { compile: () => new Map([['word/document.xml', '<w:document/>'], ['_rels/.rels', '']]) }],
])('%s: the packed zip is read instead, with the same parts', async (_what, compiler) => {
  const parts = await packageParts(doc(), compiler);
  expect(text(parts)).toEqual(text(unzipSync(await Packer.toBuffer(doc()))));
});

test('a prepared tree is { tag: [attributes, …children] }, and PreparedXml writes one back as it is', () => {
  const prep = preparer();
  const run = prep(new TextRun({ text: 'x', bold: true }));
  const parts = childrenOf(run, 'w:r');
  expect(parts.length).toBe(2);
  expect(childrenOf(parts[1] as Record<string, unknown>, 'w:t')).toEqual([{ _attr: { 'xml:space': 'preserve' } }, 'x']);
  expect(childrenOf(undefined, 'w:r')).toEqual([]);
  const tree = { 'w:p': [{ 'w:r': [{ 'w:t': ['y'] }] }] };
  expect(prep(new PreparedXml(tree))).toBe(tree);
});
