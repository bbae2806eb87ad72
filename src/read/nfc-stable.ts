/**
 * A whole-chunk shortcut for the CSV hot path: NFC normalisation costs ~0.2 µs per non-ASCII
 * cell, most of a Vietnamese file's cells, while a UTF-8 chunk can be proven NFC-inert in one
 * byte scan. A chunk is inert when every code point in it is one NFC never changes, whatever
 * precedes or follows it within the chunk: ASCII, U+0080–U+02FF (Latin-1, Latin Extended-A/B,
 * IPA, spacing modifiers), U+1E00–U+1EFF (Latin Extended Additional: the precomposed
 * Vietnamese letters), U+2002–U+20BF (punctuation, super/subscripts, currency: ₫) and the BOM.
 * Combining marks (U+0300…, what Windows-1258 and NFD text carry) and everything else make
 * the chunk "not inert", and its cells take the normal per-cell path. Conservative by design:
 * a false "not inert" only costs time.
 */
import { isAscii } from 'buffer';

/** True when NFC would leave every string made of these (whole-character) UTF-8 bytes unchanged. */
export function utf8NfcInert(buf: Uint8Array): boolean {
  if (isAscii(buf)) return true;
  const n = buf.length;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x80) continue;
    if (b >= 0xc2 && b <= 0xcb) {
      i += 1; // U+0080–U+02FF
      continue;
    }
    if (b === 0xe1) {
      const b1 = buf[i + 1];
      if (b1 >= 0xb8 && b1 <= 0xbb) {
        i += 2; // U+1E00–U+1EFF
        continue;
      }
      return false;
    }
    if (b === 0xe2) {
      const b1 = buf[i + 1];
      if (b1 === 0x81 || b1 === 0x82 || (b1 === 0x80 && buf[i + 2] >= 0x82)) {
        i += 2; // U+2002–U+20BF (U+2000/U+2001 decompose to U+2002/U+2003)
        continue;
      }
      return false;
    }
    if (b === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) {
      i += 2; // U+FEFF
      continue;
    }
    return false;
  }
  return true;
}

/** Length of the longest prefix of `buf` that does not end inside a UTF-8 sequence. */
export function wholeUtf8Length(buf: Uint8Array): number {
  const n = buf.length;
  // Walk back over at most 3 continuation bytes to the lead byte of the last sequence.
  let i = n - 1;
  while (i >= 0 && i > n - 4 && (buf[i] & 0xc0) === 0x80) i--;
  if (i < 0) return n;
  const lead = buf[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return n - i >= need ? n : i;
}
