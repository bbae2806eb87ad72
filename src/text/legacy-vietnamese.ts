/**
 * Vietnamese typed in a legacy 8-bit font encoding — TCVN3 (ABC, `.VnTime`) or VNI-Windows —
 * recognised and converted to Unicode (NFC). Such text reaches a cell as the Windows characters
 * of its bytes: `Líp tin häc c¬ b¶n` (TCVN3), `Lôùp tin hoïc cô baûn` (VNI) for
 * `Lớp tin học cơ bản`. The mapping tables are catalogue data (src/catalog/legacy-encodings.ts).
 *
 * API (pure functions, no I/O):
 *
 *   detectLegacyEncoding(texts, carrier?) → { encoding, carrier, words, fixed } | null
 *     Over a column's (or a table's) texts: which legacy encoding they were typed in, or null.
 *     `carrier` says how the bytes became characters: 'windows-1252' (the default: cell text of a
 *     workbook, whatever Excel stored for the font's bytes) or 'windows-1258' (a CSV that the CSV
 *     reader decoded as Windows-1258 because it was not UTF-8: what a TCVN3/VNI CSV is).
 *   convertLegacyText(text, encoding, carrier?) → string
 *     One text converted (NFC). Call it only for texts of a column `detect` fired on.
 *
 * How it decides: words are compared before and after conversion against the shape of a
 * Vietnamese syllable (initial consonant, vowel nucleus, final, one tone mark; vi-syllable in
 * this file). A word with a Latin letter that is no syllable before and one after is evidence
 * ("fixed"); a word that was one and is spoilt by the conversion counts against. It fires on at least 3 fixed words,
 * at least half of the words the conversion changes, and twice as many fixed as spoilt. Genuine
 * Unicode Vietnamese is syllables already (nothing to fix), and English, French or German words
 * (`Café`, `Müller`, `m²`) are no syllables either way: neither fires it (test/text/legacy-vietnamese.test.ts
 * checks the fixtures, the seed articles and a fuzzed corpus).
 *
 * Limits: TCVN3 has no upper-case toned letters (the `.VnTimeH` fonts draw the lower-case codes
 * as capitals); a text whose Latin letters are all capitals is converted to capitals. Through
 * Windows-1258 (CSV), a vowel followed by one of the five bytes that code page makes combining
 * marks (TCVN3 `è ề ị ỡ ũ`) can come back as another letter (`oè` → `ũ`); such pairs are rare in
 * Vietnamese spelling.
 */
import { LEGACY_ENCODINGS, type LegacyEncoding } from '../catalog/legacy-encodings';

export type { LegacyEncoding } from '../catalog/legacy-encodings';
export type Carrier = 'windows-1252' | 'windows-1258';

export interface LegacyVerdict {
  encoding: LegacyEncoding;
  carrier: Carrier;
  /** Words the conversion changes. */
  words: number;
  /** Of those, words that become Vietnamese syllables only when converted. */
  fixed: number;
}

const MIN_FIXED = 3;

export function detectLegacyEncoding(texts: Iterable<string>, carrier: Carrier = 'windows-1252'): LegacyVerdict | null {
  const tally = (Object.keys(LEGACY_ENCODINGS) as LegacyEncoding[]).map((encoding) => ({ encoding, carrier, words: 0, fixed: 0, spoilt: 0 }));
  for (const text of texts) {
    if (!NON_ASCII.test(text)) continue;
    for (const word of words(toBytes(text, carrier))) {
      for (const t of tally) {
        const after = decodeWith(word, t.encoding);
        if (after === word) continue;
        t.words++;
        const was = isSyllable(fromBytes(word, carrier));
        const is = isSyllable(after);
        // A word of symbols alone (`½` → `ẵ`, `©` → `â`) proves nothing: a fixed word has a Latin letter.
        if (!was && is && /[A-Za-z]/.test(word)) t.fixed++;
        else if (was && !is) t.spoilt++;
      }
    }
  }
  const fired = tally.filter((t) => t.fixed >= MIN_FIXED && t.fixed * 2 >= t.words && t.fixed >= 2 * t.spoilt);
  if (fired.length === 0) return null;
  const best = fired.reduce((a, b) => (b.fixed > a.fixed ? b : a));
  return { encoding: best.encoding, carrier, words: best.words, fixed: best.fixed };
}

export function convertLegacyText(text: string, encoding: LegacyEncoding, carrier: Carrier = 'windows-1252'): string {
  if (!NON_ASCII.test(text)) return text;
  const out = decodeWith(toBytes(text, carrier), encoding).normalize('NFC');
  // `.VnTimeH`: capitals drawn from TCVN3's lower-case codes.
  const latin = text.replace(/[^A-Za-z]/g, '');
  return encoding === 'tcvn3' && latin.length >= 2 && latin === latin.toUpperCase() ? out.toLocaleUpperCase('vi') : out;
}

const NON_ASCII = /[^\x00-\x7f]/;

// ---------------------------------------------------------------------------------------------
// Bytes: the text as the font's byte values (each a char U+0000–U+00FF)

/** Windows code page characters of 0x80–0x9F and, for 1258, of the bytes it moves off Latin-1. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const WINDOWS_1258_MOVED: Readonly<Record<number, string>> = {
  0xc3: 'Ă', 0xcc: '\u0300', 0xd0: 'Đ', 0xd2: '\u0309', 0xd5: 'Ơ', 0xdd: 'Ư', 0xde: '\u0303',
  0xe3: 'ă', 0xec: '\u0301', 0xf0: 'đ', 0xf2: '\u0323', 0xf5: 'ơ', 0xfd: 'ư', 0xfe: '₫',
};

const BYTE_OF: Record<Carrier, ReadonlyMap<string, string>> = {
  'windows-1252': byteMap({}),
  'windows-1258': byteMap(WINDOWS_1258_MOVED),
};

/** Character → byte (as a Latin-1 char) for the high half of a Windows code page. */
function byteMap(moved: Readonly<Record<number, string>>): Map<string, string> {
  const map = new Map<string, string>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = moved[b] ?? (b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80] : String.fromCharCode(b));
    map.set(ch, String.fromCharCode(b));
  }
  for (const b of Object.keys(moved).map(Number)) map.delete(String.fromCharCode(b)); // the Latin-1 letter it replaced is not in the page
  return map;
}

/**
 * The text's bytes under `carrier`, as Latin-1 chars; a character outside the code page stays as
 * it is. Windows-1258 text has been NFC-normalised by the reader, which may have composed a
 * letter with one of the page's combining marks: such a letter is taken apart again.
 */
function toBytes(text: string, carrier: Carrier): string {
  const map = BYTE_OF[carrier];
  let out = '';
  for (const ch of text) {
    if (ch < '\u0080') out += ch;
    else if (map.has(ch)) out += map.get(ch);
    else if (carrier === 'windows-1258') for (const part of ch.normalize('NFD')) out += map.get(part) ?? part;
    else out += ch;
  }
  return out;
}

/** The characters `carrier` shows for these bytes (what the cell held before conversion). */
function fromBytes(bytes: string, carrier: Carrier): string {
  if (carrier === 'windows-1252') return bytes;
  return [...bytes].map((c) => WINDOWS_1258_MOVED[c.charCodeAt(0)] ?? c).join('').normalize('NFC');
}

function decodeWith(bytes: string, encoding: LegacyEncoding): string {
  const table = LEGACY_ENCODINGS[encoding];
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const pair = i + 1 < bytes.length ? table[bytes.slice(i, i + 2)] : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
    } else out += table[bytes[i]] ?? bytes[i];
  }
  return out;
}

/** Runs of letters and of the high-half bytes (TCVN3 letters are also `¹ µ ­ ®`...). */
function words(bytes: string): string[] {
  return bytes.match(/[\p{L}\p{M}\u0080-\u00ff]+/gu) ?? [];
}

// ---------------------------------------------------------------------------------------------
// The shape of a Vietnamese syllable

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Vowel nuclei without tone, with the glides that belong to them. */
const NUCLEI = 'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi ươi ươu uyê uya uyu';
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:${NUCLEI.split(' ').sort((a, b) => b.length - a.length).join('|')})(?:ch|ng|nh|[cmnpt])?$`);

/** A Vietnamese syllable: initial, nucleus and final as the spelling allows, at most one tone mark. */
export function isSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize('NFD');
  const tones = d.match(TONES);
  if (tones && tones.length > 1) return false;
  return SYLLABLE.test(d.replace(TONES, '').normalize('NFC'));
}
