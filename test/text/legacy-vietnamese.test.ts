/**
 * The legacy-encoding detector and converter (src/text/legacy-vietnamese.ts): TCVN3 and VNI text
 * recognised and converted, in workbook cells and in a CSV decoded as Windows-1258; never a word
 * on genuine Unicode Vietnamese, English, French or German text: every fixture, the seed
 * articles, and a fuzzed corpus.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { TCVN3, VNI } from '../../src/catalog/legacy-encodings';
import { openTables } from '../../src/read/open';
import type { CellValue } from '../../src/read/types';
import { convertLegacyText, detectLegacyEncoding, isSyllable, type Carrier } from '../../src/text/legacy-vietnamese';
import { tmpDir, write } from '../read/helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(__dirname, 'corpus');
const dir = tmpDir();

/** Every table of a file as its text columns: column index → the column's texts. */
async function textColumns(file: string): Promise<{ sheet: string | null; columns: Map<number, string[]> }[]> {
  const out: { sheet: string | null; columns: Map<number, string[]> }[] = [];
  for await (const t of openTables(file, () => undefined)) {
    const columns = new Map<number, string[]>();
    for await (const r of t.rows) {
      r.cells.forEach((v: CellValue, c) => {
        if (typeof v === 'string') columns.set(c, [...(columns.get(c) ?? []), v]);
      });
    }
    out.push({ sheet: t.sheet, columns });
  }
  return out;
}

/** Unicode → the legacy bytes as Latin-1 chars (the tables inverted; NFC letters). */
function encoder(table: Readonly<Record<string, string>>): (s: string) => string {
  const inverse = new Map(Object.entries(table).map(([bytes, ch]) => [ch, bytes]));
  return (s) => [...s.normalize('NFC')].map((ch) => inverse.get(ch) ?? ch).join('');
}
const toTcvn3 = encoder(TCVN3);
const toVni = encoder(VNI);

const TITLES = [
  'Lớp tin học cơ bản cho người cao tuổi',
  'Tọa đàm "Văn hóa đọc trong gia đình"',
  'Trưng bày sách và tư liệu về Bác Hồ',
  'Thu gom sách cũ tặng thư viện trường',
  'Tại Nhà văn hóa phường',
];

describe('the field case f13b: a Unicode template with TCVN3 typing', () => {
  test('the typed columns are TCVN3, the others are not; converted they read as meant', async () => {
    const [table] = await textColumns(path.join(CORPUS, 'f13b-tcvn3-typed-text.xlsx'));
    const verdicts = [...table.columns].map(([c, texts]) => [c, detectLegacyEncoding(texts)?.encoding ?? null]);
    const fired = verdicts.filter(([, e]) => e !== null);
    expect(fired.map(([, e]) => e)).toEqual(fired.map(() => 'tcvn3'));
    expect(fired.map(([c]) => c)).toEqual([1, 4, 8]); // B unit name, E title, I notes
    const titles = table.columns.get(4)!.map((t) => convertLegacyText(t, 'tcvn3'));
    expect(titles).toContain('Lớp tin học cơ bản cho người cao tuổi');
    expect(titles).toContain('Tọa đàm "Văn hóa đọc trong gia đình"');
    expect(table.columns.get(1)!.map((t) => convertLegacyText(t, 'tcvn3'))).toContain('Phường Hòa Bình');
  });
});

describe('a second example of each: workbooks and a CSV of our own', () => {
  test('VNI-Windows typing in an .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hoạt động');
    ws.addRow(['Mã đơn vị', 'Tên hoạt động']);
    TITLES.forEach((t) => ws.addRow(['QN-MC1', toVni(t)]));
    const file = write(dir, 'vni.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const [table] = await textColumns(file);
    expect(detectLegacyEncoding(table.columns.get(0)!)).toBeNull();
    expect(detectLegacyEncoding(table.columns.get(1)!)).toMatchObject({ encoding: 'vni', carrier: 'windows-1252' });
    expect(table.columns.get(1)!.slice(1).map((t) => convertLegacyText(t, 'vni'))).toEqual(TITLES);
  });

  test('a TCVN3 CSV, which the CSV reader decodes as Windows-1258: detected and converted through that code page', async () => {
    const csv = ['Mã đơn vị,Tên hoạt động', ...TITLES.map((t) => `QN-MC1,"${t.replace(/"/g, '""')}"`)].join('\r\n');
    // The bytes a TCVN3 editor writes: its letters as their byte values.
    const bytes = Buffer.from(toTcvn3(csv), 'latin1');
    const [table] = await textColumns(write(dir, 'tcvn3.csv', bytes));
    const texts = table.columns.get(1)!.slice(1);
    expect(detectLegacyEncoding(texts, 'windows-1258')).toMatchObject({ encoding: 'tcvn3', carrier: 'windows-1258' });
    expect(texts.map((t) => convertLegacyText(t, 'tcvn3', 'windows-1258'))).toEqual(TITLES);
  });

  test('a title typed with a .VnTimeH (capitals) font comes out in capitals', () => {
    // The font draws the lower-case codes as capitals; the clerk types the Latin letters as capitals.
    expect(convertLegacyText(toTcvn3('biểu tổng hợp').replace(/[a-z]/g, (c) => c.toUpperCase()), 'tcvn3')).toBe('BIỂU TỔNG HỢP');
    expect(convertLegacyText(toTcvn3('Lễ khai mạc'), 'tcvn3')).toBe('Lễ khai mạc');
  });
});

describe('no false positives', () => {
  const FOREIGN = [
    ['Café crème', 'Müller GmbH', 'Straße der Einheit', 'Noël à Paris', 'São Paulo', 'naïve façade'],
    ['m²', '25 °C', '½ ngày', 'Hội trường 120 m²', '© Sở GD&ĐT', 'Mục § 3'],
    ['Đơn vị: Phường Móng Cái 1', 'Tuyên truyền', 'Ghi chú', 'Trường THCS Trần Phú', 'Khách sạn Hôtel de Ville'],
  ];
  test.each(FOREIGN.map((texts) => [texts.join(' | '), texts]))('%s', (_, texts) => {
    expect(detectLegacyEncoding(texts)).toBeNull();
    expect(detectLegacyEncoding(texts, 'windows-1258')).toBeNull();
  });

  test('every column of every fixture', async () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(csv|xlsx|xlsm|xls|ods)$/i.test(e.name)) files.push(p);
      }
    };
    walk(path.join(ROOT, 'fixtures'));
    expect(files.length).toBeGreaterThan(40);
    const fired: string[] = [];
    for (const file of files) {
      for (const table of await textColumns(file)) {
        for (const [c, texts] of table.columns) {
          for (const carrier of ['windows-1252', 'windows-1258'] as Carrier[]) {
            const v = detectLegacyEncoding(texts, carrier);
            if (v) fired.push(`${path.relative(ROOT, file)} ${table.sheet} column ${c} (${carrier}): ${v.encoding}`);
          }
        }
      }
    }
    expect(fired).toEqual([]);
  });

  test('the seed articles, line by line and whole', () => {
    const seeds = fs.readdirSync(CORPUS).filter((f) => f.startsWith('seed-')).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
    expect(seeds).toHaveLength(5);
    for (const text of seeds) {
      const lines = text.split('\n').filter((l) => l.trim());
      for (const carrier of ['windows-1252', 'windows-1258'] as Carrier[]) {
        expect(detectLegacyEncoding(lines, carrier)).toBeNull();
        expect(detectLegacyEncoding([text], carrier)).toBeNull();
      }
    }
  });

  // Vietnamese syllables in Unicode (NFC and NFD), English and Latin-1 words around them.
  const INITIALS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
  const NUCLEI = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oe', 'oi', 'ôi', 'ơi', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê', 'iêu', 'oai', 'uôi', 'ươi', 'ươu', 'uyê'];
  const FINALS = ['', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
  const TONE = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const syllable = fc
    .tuple(fc.constantFrom(...INITIALS), fc.constantFrom(...NUCLEI), fc.constantFrom(...FINALS), fc.constantFrom(...TONE), fc.boolean())
    .map(([i, n, f, t, cap]) => {
      const s = (i + n.slice(0, 1) + t + n.slice(1) + f).normalize('NFC');
      return cap ? s[0].toUpperCase() + s.slice(1) : s;
    });
  const word = fc.oneof(
    { weight: 8, arbitrary: syllable },
    { weight: 1, arbitrary: fc.constantFrom('Zalo', 'COVID-19', 'THCS', 'UBND', 'online', 'Café', 'Müller', 'm²', '2025', '1.250', '74,40%', '«', '»', '°C', '½') },
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 6 }) },
  );
  const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.boolean()).map(([ws, nfd]) => {
    const s = ws.join(' ');
    return nfd ? s.normalize('NFD') : s;
  });

  test('a fuzzed corpus of Unicode Vietnamese with foreign words and Latin-1 noise', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 30 }), fc.constantFrom<Carrier>('windows-1252', 'windows-1258'), (texts, carrier) => {
        expect(detectLegacyEncoding(texts, carrier)).toBeNull();
      }),
      { seed: 20251001, numRuns: 300 },
    );
  });

  test('the same syllables typed in TCVN3 or VNI are recognised and come back whole', () => {
    const lower = fc.array(syllable.map((s) => s.toLowerCase()), { minLength: 4, maxLength: 14 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(lower, { minLength: 2, maxLength: 10 }), (texts) => {
        const typed = texts.map(toTcvn3);
        // Only when the typing changed enough words to judge (a text of plain-ASCII syllables is the same in every encoding).
        fc.pre(typed.join(' ').split(' ').filter((w, i) => w !== texts.join(' ').split(' ')[i] && !isSyllable(w)).length >= 4);
        expect(detectLegacyEncoding(typed)?.encoding).toBe('tcvn3');
        expect(typed.map((t) => convertLegacyText(t, 'tcvn3'))).toEqual(texts);
      }),
      { seed: 20251001, numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(syllable, { minLength: 4, maxLength: 14 }).map((ws) => ws.join(' ')), { minLength: 2, maxLength: 10 }), (texts) => {
        const typed = texts.map(toVni);
        fc.pre(typed.join(' ').split(' ').filter((w, i) => w !== texts.join(' ').split(' ')[i] && !isSyllable(w)).length >= 4);
        expect(detectLegacyEncoding(typed)?.encoding).toBe('vni');
        expect(typed.map((t) => convertLegacyText(t, 'vni'))).toEqual(texts);
      }),
      { seed: 20251001, numRuns: 200 },
    );
  });
});
