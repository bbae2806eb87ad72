import * as iconv from 'iconv-lite';
import { collect, tmpDir, write } from './helpers';
import { CHUNK_BYTES } from '../../src/read/csv';
import { openTables } from '../../src/read/open';
import type { ReadNotice } from '../../src/read/types';

const dir = tmpDir();

const HEADER = 'Mã đơn vị,Tên đơn vị,Số lượt người tham gia';
const ROW = '01,Trường Tiểu học Hải Hòa,40';

/**
 * How Vietnamese Windows writes text in Windows-1258: tone marks (grave, acute, tilde, hook
 * above, dot below) as combining characters after the letter, while â ê ô ă ơ ư đ stay
 * precomposed (the code page has them).
 */
function win1258Decompose(nfc: string): string {
  return nfc
    .split('')
    .map((ch) => {
      const d = ch.normalize('NFD');
      if (d.length === 1) return ch;
      const marks = d.slice(1).split('');
      const tones = marks.filter((m) => '\u0300\u0301\u0303\u0309\u0323'.includes(m));
      const keep = marks.filter((m) => !tones.includes(m));
      return (d[0] + keep.join('')).normalize('NFC') + tones.join('');
    })
    .join('');
}

describe('CSV encodings', () => {
  test('UTF-8 without BOM', async () => {
    const f = write(dir, 'plain.csv', `${HEADER}\n${ROW}\n`);
    const { tables, notices } = await collect(f);
    expect(notices).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ file: f, sheet: null, encoding: 'utf-8' });
    expect(tables[0].rows).toEqual([
      { row: 1, cells: ['Mã đơn vị', 'Tên đơn vị', 'Số lượt người tham gia'] },
      { row: 2, cells: ['01', 'Trường Tiểu học Hải Hòa', '40'] },
    ]);
  });

  test('UTF-8 with BOM: the BOM is not part of the first cell', async () => {
    const f = write(dir, 'bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\r\n${ROW}\r\n`)]));
    const { tables, notices } = await collect(f);
    expect(notices).toEqual([]);
    expect(tables[0].encoding).toBe('utf-8');
    expect(tables[0].rows[0].cells[0]).toBe('Mã đơn vị');
    expect(tables[0].rows[1]).toEqual({ row: 2, cells: ['01', 'Trường Tiểu học Hải Hòa', '40'] });
  });

  test.each([
    ['utf-16le', 'utf16le-bom.csv'],
    ['utf-16be', 'utf16be-bom.csv'],
  ])('%s with BOM (Excel "Unicode text", tab-separated)', async (enc, name) => {
    const text = `${HEADER}\n${ROW}\n`.replace(/,/g, '\t');
    const f = write(dir, name, iconv.encode(text, enc, { addBOM: true }));
    const { tables, notices } = await collect(f);
    expect(notices).toEqual([]);
    expect(tables[0].encoding).toBe(enc);
    expect(tables[0].rows).toEqual([
      { row: 1, cells: ['Mã đơn vị', 'Tên đơn vị', 'Số lượt người tham gia'] },
      { row: 2, cells: ['01', 'Trường Tiểu học Hải Hòa', '40'] },
    ]);
  });

  test.each([['utf-16be'], ['utf-16le']])('%s: a character outside the BMP cut between two chunks survives', async (enc) => {
    const units = CHUNK_BYTES / 2 - 1; // code units in the first chunk after the 2-byte BOM
    let text = 'a,b\n';
    while (text.length < units - 100) text += 'x'.repeat(49) + '\n';
    text += 'y'.repeat(units - text.length - 2) + ',\u{1D538}z\n1,2\n'; // 𝔸's high surrogate ends the first chunk
    const bytes = iconv.encode(text, enc, { addBOM: true });
    const lastUnit = enc === 'utf-16be' ? bytes.readUInt16BE(CHUNK_BYTES - 2) : bytes.readUInt16LE(CHUNK_BYTES - 2);
    expect(lastUnit).toBe(0xd835);
    const { tables, notices } = await collect(write(dir, `astral-${enc}.csv`, bytes));
    expect(notices).toEqual([]);
    const rows = tables[0].rows;
    expect(rows[rows.length - 2].cells[1]).toBe('\u{1D538}z');
    expect(rows[rows.length - 1].cells).toEqual(['1', '2']);
  });

  test('Windows-1258 with combining tone marks decodes to NFC, and says the encoding was guessed', async () => {
    const nfc = `${HEADER}\n01,Trường Tiểu học Hải Hòa,40\n02,Hòa,7\n`;
    const decomposed = win1258Decompose(nfc);
    expect(decomposed).not.toBe(nfc); // the input really carries combining marks
    expect(decomposed).toContain('\u0309'); // hook above, as in "Hải"
    const bytes = iconv.encode(decomposed, 'win1258');
    expect(iconv.decode(bytes, 'win1258')).toBe(decomposed); // lossless for this text
    const f = write(dir, 'win1258.csv', bytes);

    const { tables, notices } = await collect(f);
    expect(notices).toEqual([{ code: 'encoding-guessed', file: f, encoding: 'windows-1258' }]);
    expect(tables[0].encoding).toBe('windows-1258');
    expect(tables[0].rows.map((r) => r.cells)).toEqual([
      ['Mã đơn vị', 'Tên đơn vị', 'Số lượt người tham gia'],
      ['01', 'Trường Tiểu học Hải Hòa', '40'],
      ['02', 'Hòa', '7'],
    ]);
  });

  test('decomposed (NFD) UTF-8 is normalised to NFC', async () => {
    const f = write(dir, 'nfd.csv', `${HEADER}\n${ROW}\n`.normalize('NFD'));
    const { tables, notices } = await collect(f);
    expect(notices).toEqual([]);
    const cells = tables[0].rows.flatMap((r) => r.cells);
    expect(cells).toContain('Số lượt người tham gia');
    expect(cells).toContain('Trường Tiểu học Hải Hòa');
    for (const c of cells) expect(c).toBe((c as string).normalize('NFC'));
  });

  test('NFD text far into a large file is normalised even after many NFC-only chunks', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 8000; i++) lines.push(`${i},Trường Tiểu học Hải Hòa ${i},${i}`); // ~370 KB of precomposed text: past the first 256 KB chunk
    lines.push(`x,${'Hòa'.normalize('NFD')},1`);
    lines.push('y,Hòa,2');
    const f = write(dir, 'big-mixed.csv', lines.join('\n') + '\n');
    const { tables } = await collect(f);
    const rows = tables[0].rows;
    expect(rows).toHaveLength(8003);
    expect(rows[8001]).toEqual({ row: 8002, cells: ['x', 'Hòa', '1'] });
    expect(rows[8002]).toEqual({ row: 8003, cells: ['y', 'Hòa', '2'] });
    expect(rows[6789].cells[1]).toBe('Trường Tiểu học Hải Hòa 6788');
  });

  test('a record that starts in a chunk with NFD text and ends in a plain chunk is still normalised', async () => {
    let text = 'a,b\n';
    while (text.length < CHUNK_BYTES - 500) text += 'x'.repeat(59) + '\n'; // ASCII: length = bytes
    text += 'p'.repeat(CHUNK_BYTES - 10 - text.length - 'y,Ho'.length) + '\n';
    const start = text.length;
    text += `y,Ho\u0300a${'z'.repeat(50)}\n`; // the combining grave sits just before the chunk boundary
    expect(start + 'y,Ho'.length).toBeLessThan(CHUNK_BYTES);
    expect(text.length).toBeGreaterThan(CHUNK_BYTES + 10);
    for (let i = 0; i < 100; i++) text += 'q,1\n'; // the next chunk is plain ASCII
    const { tables } = await collect(write(dir, 'straddle.csv', text));
    const y = tables[0].rows.find((r) => r.cells[0] === 'y');
    expect(y?.cells[1]).toBe(`Hòa${'z'.repeat(50)}`);
  });

  test('a character cut by the 1 MB encoding check boundary does not make UTF-8 look like Windows-1258', async () => {
    const MB = 1024 * 1024;
    let text = 'x,y\n';
    while (text.length < MB - 2000) text += 'a'.repeat(999) + '\n'; // ASCII: length = bytes
    text += 'b'.repeat(MB - 1 - text.length) + 'ư,1\n2,Hòa\n'; // "ư" (2 bytes) straddles the 1 MB mark
    expect(Buffer.from(text).subarray(MB - 1, MB + 1).toString()).toBe('ư');
    const f = write(dir, 'boundary.csv', text);
    const { tables, notices } = await collect(f);
    expect(notices).toEqual([]);
    expect(tables[0].encoding).toBe('utf-8');
    const rows = tables[0].rows;
    expect(rows[rows.length - 1]).toEqual({ row: rows.length, cells: ['2', 'Hòa'] });
    expect(rows[rows.length - 2].cells[1]).toBe('1');
  });
});

describe('CSV delimiters and cells', () => {
  test('semicolon, with decimal commas inside fields', async () => {
    const f = write(dir, 'semi.csv', 'Mã đơn vị;Tỷ lệ;Số hộ\n01;74,4;1.234\n02;70,48;1.847\n');
    const { tables } = await collect(f);
    expect(tables[0].rows.map((r) => r.cells)).toEqual([
      ['Mã đơn vị', 'Tỷ lệ', 'Số hộ'],
      ['01', '74,4', '1.234'],
      ['02', '70,48', '1.847'],
    ]);
  });

  test('tab, with commas inside a header label', async () => {
    const f = write(dir, 'tab.tsv', 'Mã đơn vị\tSố thôn, tổ dân phố\tGhi chú\n01\t12\ta, b\n');
    const { tables } = await collect(f);
    expect(tables[0].rows.map((r) => r.cells)).toEqual([
      ['Mã đơn vị', 'Số thôn, tổ dân phố', 'Ghi chú'],
      ['01', '12', 'a, b'],
    ]);
  });

  test('blank cells are null, text is trimmed, short rows end early, empty lines are skipped but counted', async () => {
    const f = write(dir, 'blanks.csv', 'a,b,c\n  01 , ,\u00a0x\u00a0\n\n,,\n02\n');
    const { tables } = await collect(f);
    expect(tables[0].rows).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['01', null, 'x'] },
      { row: 5, cells: ['02'] },
    ]);
  });

  test('a file named .txt is still read as CSV (the bytes decide)', async () => {
    const f = write(dir, 'export.txt', `${HEADER}\n${ROW}\n`);
    const { tables } = await collect(f);
    expect(tables[0].rows).toHaveLength(2);
  });
});

describe('CSV line numbers and syntax errors', () => {
  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('a quoted multi-line field (%s) moves the following line numbers', async (_name, nl) => {
    const text = ['a,b', '1,"first line', 'second line', 'third line"', '2,x', '', '3,y'].join(nl) + nl;
    const f = write(dir, `multiline-${_name}.csv`, text);
    const { tables, notices } = await collect(f);
    expect(notices).toEqual([]);
    expect(tables[0].rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', `first line${nl}second line${nl}third line`] },
      { row: 5, cells: ['2', 'x'] },
      { row: 7, cells: ['3', 'y'] },
    ]);
  });

  test('an unclosed quote: rows before it are read, then csv-malformed at its line', async () => {
    const f = write(dir, 'unclosed.csv', 'a,b\n1,ok\n2,"never closed\n3,lost\n4,lost\n');
    const { tables, notices } = await collect(f);
    expect(tables[0].rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', 'ok'] },
    ]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ code: 'csv-malformed', file: f, row: 3 });
    expect((notices[0] as { detail: string }).detail).toMatch(/quote/i);
  });

  test('an unclosed quote deep in a large file keeps every row before it', async () => {
    const lines = ['a,b'];
    for (let i = 0; i < 8000; i++) lines.push(`${i},Trường Tiểu học Hải Hòa ${i}`); // ~330 KB: more than one chunk
    lines.push('bad,"open');
    lines.push('after,1');
    const f = write(dir, 'unclosed-big.csv', lines.join('\n') + '\n');
    const { tables, notices } = await collect(f);
    expect(tables[0].rows).toHaveLength(8001);
    expect(tables[0].rows[8000]).toEqual({ row: 8001, cells: ['7999', 'Trường Tiểu học Hải Hòa 7999'] });
    expect(notices).toEqual([expect.objectContaining({ code: 'csv-malformed', row: 8002 })]);
  });

  test('a stray quote inside an unquoted field is text, not an error', async () => {
    const f = write(dir, 'stray.csv', 'a,b\n1,Trường "A"\n');
    const { tables, notices } = await collect(f);
    expect(notices).toEqual([]);
    expect(tables[0].rows[1].cells).toEqual(['1', 'Trường "A"']);
  });

  test('stopping early releases the file and does not throw', async () => {
    const lines = ['a,b'];
    for (let i = 0; i < 50000; i++) lines.push(`${i},x`); // larger than one chunk
    const f = write(dir, 'early.csv', lines.join('\n'));
    const notices: ReadNotice[] = [];
    let seen = 0;
    for await (const t of openTables(f, (n) => notices.push(n))) {
      for await (const r of t.rows) {
        if (++seen === 3) {
          expect(r.row).toBe(3);
          break;
        }
      }
    }
    expect(seen).toBe(3);
    expect(notices).toEqual([]);
  });
});
