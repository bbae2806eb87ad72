import { detectDelimiter, detectEncoding } from '../../src/read/csv-detect';
import { utf8NfcInert, wholeUtf8Length } from '../../src/read/nfc-stable';

describe('detectDelimiter', () => {
  test.each<[string, string, string]>([
    ['plain comma', 'a,b,c\n1,2,3\n', ','],
    ['semicolon with decimal commas', 'Mã;Tên;Tỷ lệ\n01;Xã A;74,4\n02;Xã B;70,48\n', ';'],
    ['tab with commas in text', 'Mã\tSố thôn, tổ dân phố\tGhi chú\n01\t12\ta, b, c\n', '\t'],
    ['delimiters inside quotes do not count', '"a;b;c;d",x\n"e;f;g;h",y\n', ','],
    ['a title line above the header does not vote', 'BIỂU THỐNG KÊ\nĐơn vị: xã A\nMã;Tên;Số\n01;A;3\n', ';'],
    ['a single column defaults to comma', 'Mã đơn vị\n01\n02\n', ','],
    ['empty text defaults to comma', '', ','],
  ])('%s', (_name, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('detectEncoding', () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  test('BOMs decide', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({ encoding: 'utf-8', guessed: false });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true)).toEqual({ encoding: 'utf-16le', guessed: false });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), true)).toEqual({ encoding: 'utf-16be', guessed: false });
  });
  test('valid UTF-8 (and plain ASCII) is UTF-8, anything else is a guessed Windows-1258', () => {
    expect(detectEncoding(new Uint8Array(Buffer.from('Hòa')), true)).toEqual({ encoding: 'utf-8', guessed: false });
    expect(detectEncoding(bytes('abc'), true)).toEqual({ encoding: 'utf-8', guessed: false });
    expect(detectEncoding(bytes('Ho\xcca'), true)).toEqual({ encoding: 'windows-1258', guessed: true });
  });
  test('a cut character at the end of the whole file is invalid, at the end of a head it is not', () => {
    const cut = new Uint8Array(Buffer.from('Hòa').subarray(0, 2)); // "H" + first byte of "ò"
    expect(detectEncoding(cut, true).encoding).toBe('windows-1258');
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
  });
});

describe('utf8NfcInert', () => {
  const inert = (s: string) => utf8NfcInert(new Uint8Array(Buffer.from(s, 'utf8')));
  test('ASCII, precomposed Vietnamese, punctuation and ₫ are inert', () => {
    expect(inert('Mã đơn vị,Số lượt người tham gia\nTrường Tiểu học Hải Hòa, 1.000 ₫ – “ok”\n')).toBe(true);
    expect(inert('\ufeffa,b')).toBe(true);
  });
  test('combining marks, singletons and other scripts are not', () => {
    expect(inert('Ho\u0300a')).toBe(false); // NFD
    expect(inert('\u212b')).toBe(false); // ANGSTROM SIGN → Å
    expect(inert('\u2000')).toBe(false); // EN QUAD → EN SPACE
    expect(inert('\u1100\u1161')).toBe(false); // Hangul jamo compose
    expect(inert('漢字')).toBe(false);
  });
  test('every code point it calls inert is left alone by NFC, alone and after other letters', () => {
    const bases = ['', 'a', 'A', 'o', 'u', 'ư', 'ơ', 'â', 'ê', 'ô', 'ă', 'Ơ', 'e', 'i', 'y', 'đ', '\u1100'];
    let checked = 0;
    for (let cp = 0x80; cp <= 0x20bf; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!inert(ch)) continue;
      checked++;
      for (const b of bases) {
        const s = b + ch + 'a'; // '\u1100' (a Hangul lead) is not inert itself, but must not compose with ch either
        if (s.normalize('NFC') !== s) throw new Error(`U+${cp.toString(16)} after "${b}" changes under NFC`);
      }
    }
    expect(checked).toBeGreaterThan(800);
  });
});

describe('wholeUtf8Length', () => {
  test('drops only an incomplete trailing sequence', () => {
    const b = Buffer.from('aư€😀', 'utf8'); // 1 + 2 + 3 + 4 bytes
    expect(wholeUtf8Length(b)).toBe(10);
    expect(wholeUtf8Length(b.subarray(0, 9))).toBe(6);
    expect(wholeUtf8Length(b.subarray(0, 7))).toBe(6);
    expect(wholeUtf8Length(b.subarray(0, 5))).toBe(3);
    expect(wholeUtf8Length(b.subarray(0, 2))).toBe(1);
    expect(wholeUtf8Length(b.subarray(0, 1))).toBe(1);
    expect(wholeUtf8Length(new Uint8Array(0))).toBe(0);
  });
});
