/**
 * The text of an HTML or XML Spreadsheet 2003 file. SheetJS takes bytes as Latin-1 unless they
 * carry a UTF-8 BOM, which turns the UTF-8 most web systems write (without a BOM) into mojibake;
 * so the text is decoded here: a BOM, else the charset the file declares (`<meta charset>`,
 * `<?xml encoding>`), else UTF-8 when the bytes are valid UTF-8, else Windows-1258 (what a
 * Vietnamese Windows program writes), as for CSV (csv-detect.ts).
 */
import * as iconv from 'iconv-lite';
import { detectEncoding, ICONV_NAME } from '../csv-detect';

/** Bytes in which a declared charset is looked for. */
const DECLARATION_BYTES = 4096;

export function decodeMarkup(bytes: Buffer): string {
  const guess = detectEncoding(bytes, true);
  const declared = hasBom(bytes) ? null : declaredCharset(bytes);
  // iconv-lite drops the BOM.
  return iconv.decode(bytes, declared && iconv.encodingExists(declared) ? declared : ICONV_NAME[guess.encoding]);
}

function hasBom(b: Buffer): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/** `charset=windows-1258` in a meta tag, or `encoding="…"` in an XML declaration, lower-cased. */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, DECLARATION_BYTES).toString('latin1');
  const m = /<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}
