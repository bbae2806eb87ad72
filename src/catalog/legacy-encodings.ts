/**
 * The legacy Vietnamese 8-bit encodings still typed on commune machines, as mapping tables from
 * their bytes to Unicode. Text typed with these fonts reaches a spreadsheet cell as the Windows
 * characters of the same bytes (`Ph­êng Hßa B×nh` for `Phường Hòa Bình`); src/text/legacy-vietnamese.ts
 * recognises and converts it.
 *
 * Keys are the bytes written as the Latin-1 characters of the same value (`'\u00b9'` is byte
 * 0xB9), so that the tables read as what the clerk sees in the cell.
 *
 * Sources: TCVN 5712:1993 (the "VN3" table, known as TCVN3 or ABC, used by the `.VnTime` fonts;
 * upper-case toned letters are not in it: the `.VnTimeH` fonts draw the lower-case codes as
 * capitals) and the VNI-Windows font encoding (VNI Software; a base letter followed by a
 * diacritic byte, e.g. `a` + `ù` = `á`).
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** How a message names each encoding. */
export const LEGACY_ENCODING_NAMES: Record<LegacyEncoding, { vi: string; en: string }> = {
  tcvn3: { vi: 'TCVN3 (ABC, phông .VnTime)', en: 'TCVN3 (ABC, .VnTime fonts)' },
  vni: { vi: 'VNI-Windows (phông VNI-Times)', en: 'VNI-Windows (VNI-Times fonts)' },
};

/** TCVN3 (TCVN 5712:1993 VN3): one byte per letter. */
export const TCVN3: Readonly<Record<string, string>> = {
  '\u00a1': 'Ă', '\u00a2': 'Â', '\u00a3': 'Ê', '\u00a4': 'Ô', '\u00a5': 'Ơ', '\u00a6': 'Ư', '\u00a7': 'Đ',
  '\u00a8': 'ă', '\u00a9': 'â', '\u00aa': 'ê', '\u00ab': 'ô', '\u00ac': 'ơ', '\u00ad': 'ư', '\u00ae': 'đ',
  '\u00b5': 'à', '\u00b6': 'ả', '\u00b7': 'ã', '\u00b8': 'á', '\u00b9': 'ạ',
  '\u00bb': 'ằ', '\u00bc': 'ẳ', '\u00bd': 'ẵ', '\u00be': 'ắ', '\u00c6': 'ặ',
  '\u00c7': 'ầ', '\u00c8': 'ẩ', '\u00c9': 'ẫ', '\u00ca': 'ấ', '\u00cb': 'ậ',
  '\u00cc': 'è', '\u00ce': 'ẻ', '\u00cf': 'ẽ', '\u00d0': 'é', '\u00d1': 'ẹ',
  '\u00d2': 'ề', '\u00d3': 'ể', '\u00d4': 'ễ', '\u00d5': 'ế', '\u00d6': 'ệ',
  '\u00d7': 'ì', '\u00d8': 'ỉ', '\u00dc': 'ĩ', '\u00dd': 'í', '\u00de': 'ị',
  '\u00df': 'ò', '\u00e1': 'ỏ', '\u00e2': 'õ', '\u00e3': 'ó', '\u00e4': 'ọ',
  '\u00e5': 'ồ', '\u00e6': 'ổ', '\u00e7': 'ỗ', '\u00e8': 'ố', '\u00e9': 'ộ',
  '\u00ea': 'ờ', '\u00eb': 'ở', '\u00ec': 'ỡ', '\u00ed': 'ớ', '\u00ee': 'ợ',
  '\u00ef': 'ù', '\u00f1': 'ủ', '\u00f2': 'ũ', '\u00f3': 'ú', '\u00f4': 'ụ',
  '\u00f5': 'ừ', '\u00f6': 'ử', '\u00f7': 'ữ', '\u00f8': 'ứ', '\u00f9': 'ự',
  '\u00fa': 'ỳ', '\u00fb': 'ỷ', '\u00fc': 'ỹ', '\u00fd': 'ý', '\u00fe': 'ỵ',
};

/** VNI-Windows diacritic bytes after a vowel: [lower-case byte, upper-case byte, what it adds]. */
const VNI_MARKS: ReadonlyArray<[string, string, string]> = [
  ['\u00f8', '\u00d8', '\u0300'], // ø Ø  grave (huyền)
  ['\u00f9', '\u00d9', '\u0301'], // ù Ù  acute (sắc)
  ['\u00fb', '\u00db', '\u0309'], // û Û  hook above (hỏi)
  ['\u00f5', '\u00d5', '\u0303'], // õ Õ  tilde (ngã)
  ['\u00ef', '\u00cf', '\u0323'], // ï Ï  dot below (nặng)
  ['\u00e2', '\u00c2', '\u0302'], // â Â  circumflex
  ['\u00e0', '\u00c0', '\u0302\u0300'], // à À  circumflex + grave
  ['\u00e1', '\u00c1', '\u0302\u0301'], // á Á  circumflex + acute
  ['\u00e5', '\u00c5', '\u0302\u0309'], // å Å  circumflex + hook
  ['\u00e3', '\u00c3', '\u0302\u0303'], // ã Ã  circumflex + tilde
  ['\u00e4', '\u00c4', '\u0302\u0323'], // ä Ä  circumflex + dot
  ['\u00ea', '\u00ca', '\u0306'], // ê Ê  breve
  ['\u00e8', '\u00c8', '\u0306\u0300'], // è È  breve + grave
  ['\u00e9', '\u00c9', '\u0306\u0301'], // é É  breve + acute
  ['\u00fa', '\u00da', '\u0306\u0309'], // ú Ú  breve + hook
  ['\u00fc', '\u00dc', '\u0306\u0303'], // ü Ü  breve + tilde
  ['\u00eb', '\u00cb', '\u0306\u0323'], // ë Ë  breve + dot
];

/** VNI-Windows letters of one byte: ơ ư đ, the marked i's and ỵ. */
const VNI_SINGLE: Readonly<Record<string, string>> = {
  '\u00f4': 'ơ', '\u00d4': 'Ơ', '\u00f6': 'ư', '\u00d6': 'Ư', '\u00f1': 'đ', '\u00d1': 'Đ',
  '\u00ec': 'ì', '\u00cc': 'Ì', '\u00ed': 'í', '\u00cd': 'Í', '\u00e6': 'ỉ', '\u00c6': 'Ỉ',
  '\u00f3': 'ĩ', '\u00d3': 'Ĩ', '\u00f2': 'ị', '\u00d2': 'Ị', '\u00ee': 'ỵ', '\u00ce': 'Ỵ',
};

/** Which marks each VNI base takes: a/e/o take the circumflex, a the breve; ơ/ư (one byte) and u/y take tones only. */
const VNI_BASES: ReadonlyArray<[string, (mark: string) => boolean]> = [
  ['a', () => true],
  ['e', (m) => !m.includes('\u0306')],
  ['o', (m) => !m.includes('\u0306')],
  ['u', (m) => m.length === 1 && m !== '\u0302' && m !== '\u0306'],
  ['y', (m) => m.length === 1 && m !== '\u0302' && m !== '\u0306'],
  ['\u00f4', (m) => m.length === 1 && m !== '\u0302' && m !== '\u0306'], // ô = ơ
  ['\u00f6', (m) => m.length === 1 && m !== '\u0302' && m !== '\u0306'], // ö = ư
];

/** VNI-Windows: one- and two-byte sequences (base letter + diacritic byte), built from the tables above. */
export const VNI: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = { ...VNI_SINGLE };
  for (const [base, takes] of VNI_BASES) {
    const letter = VNI_SINGLE[base] ?? base;
    for (const [lower, upper, mark] of VNI_MARKS) {
      if (!takes(mark)) continue;
      out[base + lower] = (letter + mark).normalize('NFC');
      const BASE = base.toUpperCase();
      out[BASE + upper] = (letter.toUpperCase() + mark).normalize('NFC');
    }
  }
  return out;
})();

/** Each encoding's table, by name. */
export const LEGACY_ENCODINGS: Record<LegacyEncoding, Readonly<Record<string, string>>> = { tcvn3: TCVN3, vni: VNI };
