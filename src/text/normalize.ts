/**
 * The matching key of a label or an enumerated value: NFC, lower case, Vietnamese diacritics
 * removed (đ → d), punctuation and runs of space collapsed. Old and new tone placement
 * (hoà/hòa) and unaccented upper case then compare equal, which is what clerks type.
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Levenshtein distance, for suggesting the nearest catalogue entry to a typo. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** Characters XML 1.0 cannot carry: C0 controls but tab and newlines, lone surrogates, U+FFFE/F (pairs survive). */
const XML_BAD = /[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;

/** Text safe to put into any XML part, whatever a clerk or an attacker typed into a cell. */
export function xmlSafe(text: string): string {
  return text.replace(XML_BAD, (m) => (m.length === 2 ? m : ''));
}
