import * as fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

/** The text parts of an OOXML file (docx/xlsx), by name. */
export function zipTexts(file: string | Buffer): Record<string, string> {
  const data = typeof file === 'string' ? fs.readFileSync(file) : file;
  const parts = unzipSync(new Uint8Array(data));
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(bytes);
  return out;
}

/** The visible text of word/document.xml, paragraphs on their own lines. */
export function docxText(file: string | Buffer): string {
  const xml = zipTexts(file)['word/document.xml'];
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
