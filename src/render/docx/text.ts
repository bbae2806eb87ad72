/**
 * Text as docx may receive it. docx escapes `& < > "` itself, but passes every other character
 * through: a C0 control character (a unit name pasted from a spreadsheet with a stray \x0B, say)
 * or an unpaired surrogate would make document.xml ill-formed and Word refuse the whole file.
 */

/**
 * Characters XML 1.0 forbids: C0 controls except tab, LF and CR; U+FFFE and U+FFFF; surrogates
 * that are not part of a pair.
 */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** Upper case the way the header block wants it (Vietnamese letters included), after cleaning. */
export function upper(text: string): string {
  return xmlSafe(text).toLocaleUpperCase('vi-VN');
}
