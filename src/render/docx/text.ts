/**
 * Text as docx may receive it. docx escapes `& < > "` itself, but passes every other character
 * through: a C0 control character (a unit name pasted from a spreadsheet with a stray \x0B, say)
 * or an unpaired surrogate would make document.xml ill-formed and Word refuse the whole file, so
 * the docx writers pass text through xmlSafe (text/normalize.ts) first.
 */
import { xmlSafe } from '../../text/normalize';

/** Upper case the way the header block wants it (Vietnamese letters included), after cleaning. */
export function upper(text: string): string {
  return xmlSafe(text).toLocaleUpperCase('vi-VN');
}
