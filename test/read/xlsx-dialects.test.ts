/**
 * Workbooks as other programs write them read as Excel shows them: every namespace spelling,
 * rows and cells without addresses, every cell type, rich and phonetic text, escapes, date
 * styles and date systems, parts found by their relationships under any name.
 */
import { collect, deflated, tmpDir, write } from './helpers';
import { buildXlsx, editPart, STYLE, XLSM_MAIN_TYPE, type Dialect, type XCell, type XSheet } from './ooxml-writer';

const dir = tmpDir();
const SHEET1 = 'xl/worksheets/sheet1.xml';
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, mi, s));
let n = 0;

/** The rows of the only sheet of a workbook written in a dialect. */
async function rowsOf(sheet: XSheet, dialect: Dialect = {}): Promise<Array<{ row: number; cells: unknown[] }>> {
  const { tables, notices } = await collect(write(dir, `w${n++}.xlsx`, buildXlsx([sheet], dialect)));
  expect(notices).toEqual([]);
  expect(tables).toHaveLength(1);
  return tables[0].rows;
}

/** The one cell of a one-cell sheet. */
async function cellOf(c: XCell, dialect: Dialect = {}): Promise<unknown> {
  const rows = await rowsOf({ name: 'S', rows: [[c]] }, dialect);
  return rows.length === 0 ? null : rows[0].cells[0];
}

const FORM: XSheet = {
  name: 'Hoạt động',
  rows: [
    ['BIỂU TỔNG HỢP HOẠT ĐỘNG'],
    [],
    ['Mã đơn vị', 'Ngày tổ chức', 'Tên hoạt động', 'Số lượt người tham gia'],
    ['LS-HB', { s: STYLE.date, v: '45931' }, { inline: ['Lễ khai mạc', ', phát động'] }, 320],
    ['LS-HB', { s: STYLE.builtinDate, v: '45932' }, 'Lớp tin học', null, true],
  ],
};
const FORM_ROWS = [
  { row: 1, cells: ['BIỂU TỔNG HỢP HOẠT ĐỘNG'] },
  { row: 3, cells: ['Mã đơn vị', 'Ngày tổ chức', 'Tên hoạt động', 'Số lượt người tham gia'] },
  { row: 4, cells: ['LS-HB', utc(2025, 10, 1), 'Lễ khai mạc, phát động', 320] },
  { row: 5, cells: ['LS-HB', utc(2025, 10, 2), 'Lớp tin học', null, true] },
];

describe('namespaces: elements are known by their namespace, whatever the prefix', () => {
  test.each<[string, Dialect]>([
    ['the default namespace (as Excel writes)', {}],
    ['an x: prefix (Open XML SDK, ClosedXML)', { prefix: 'x' }],
    ['another prefix', { prefix: 'ss' }],
    ['Strict namespaces', { strict: true }],
    ['Strict with a prefix', { strict: true, prefix: 'x' }],
    ['inline strings instead of shared ones', { prefix: 'x', strings: 'inline' }],
  ])('%s', async (_name, dialect) => {
    expect(await rowsOf(FORM, dialect)).toEqual(FORM_ROWS);
  });

  test('an element of another namespace named like a cell is not a cell', async () => {
    const rows = await rowsOf({ name: 'S', rows: [[{ v: '1' }]] });
    expect(rows).toEqual([{ row: 1, cells: [1] }]);
    // The same sheet with a foreign <o:c> inside the row: it holds no cell of ours.
    const foreign = editPart(buildXlsx([{ name: 'S', rows: [[{ v: '1' }]] }]), SHEET1, (xml) =>
      xml.replace('<row r="1">', '<row r="1" xmlns:o="urn:other"><o:c r="B1"><o:v>9</o:v></o:c>'),
    );
    const { tables, notices } = await collect(write(dir, 'foreign-c.xlsx', foreign));
    expect(notices).toEqual([]);
    expect(tables[0].rows).toEqual([{ row: 1, cells: [1] }]);
  });
});

describe('rows and cells without their r address', () => {
  test('a row follows the previous row, a cell the previous cell (an empty <c/> holds its place)', async () => {
    const rows = await rowsOf({ name: 'S', rows: [['Tiêu đề'], ['Mã đơn vị', null, 'Ngày'], ['LS-HB', null, { s: STYLE.date, v: '45931' }]] }, { omitRowR: true, omitCellR: true });
    expect(rows).toEqual([
      { row: 1, cells: ['Tiêu đề'] },
      { row: 2, cells: ['Mã đơn vị', null, 'Ngày'] },
      { row: 3, cells: ['LS-HB', null, utc(2025, 10, 1)] },
    ]);
  });

  test('a row without r takes its number from its first cell address, and the next row follows it', async () => {
    const rows = await rowsOf({ name: 'S', rows: [{ r: 4, cells: ['a', 'b'] }, ['c']] }, { omitRowR: true });
    expect(rows).toEqual([
      { row: 4, cells: ['a', 'b'] },
      { row: 5, cells: ['c'] },
    ]);
  });

  test('addresses after a gap, and cells without r after one with it', async () => {
    const rows = await rowsOf({ name: 'S', rows: [{ r: 7, cells: [null, null, 'C7'] }] });
    expect(rows).toEqual([{ row: 7, cells: [null, null, 'C7'] }]);
  });
});

describe('every cell type', () => {
  test.each<[string, XCell, unknown]>([
    ['a number', { v: '1250' }, 1250],
    ['a number typed n', { t: 'n', v: '-6.5' }, -6.5],
    ['a shared string', { shared: 'Tuyên truyền' }, 'Tuyên truyền'],
    ['a shared string of several runs', { shared: ['Lễ khai mạc', ', phát động'] }, 'Lễ khai mạc, phát động'],
    ['a shared string with a phonetic guide (not shown by Excel)', { shared: '漢字', phonetic: 'かんじ' }, '漢字'],
    ['an inline string', { inline: 'Hội thảo' }, 'Hội thảo'],
    ['an inline string of several runs', { inline: ['Tọa đàm ', '"Văn hóa đọc ', 'trong gia đình"'] }, 'Tọa đàm "Văn hóa đọc trong gia đình"'],
    ['an inline string with a phonetic guide', { inline: ['漢', '字'], phonetic: 'かんじ' }, '漢字'],
    ['a formula text result (str)', { t: 'str', f: 'A1&"x"', v: 'Lớp họcx' }, 'Lớp họcx'],
    ['a formula empty text result', { t: 'str', f: '""', v: '' }, null],
    ['a boolean', { t: 'b', v: '1' }, true],
    ['a boolean false', { t: 'b', v: '0' }, false],
    ['an error', { t: 'e', v: '#REF!' }, { error: '#REF!' }],
    ['a formula error result keeps its text', { t: 'e', f: 'D5/0', v: '#DIV/0!' }, { error: '#DIV/0!' }],
    ['a formula number result', { f: 'C5*D5', v: '80' }, 80],
    ['a formula cached 0 is 0, not "no result"', { f: 'C6*D6', v: '0' }, 0],
    ['a formula never calculated', { f: 'SUM(A1:A3)' }, { error: '=SUM(A1:A3)', kind: 'no-result' }],
    ['a formula never calculated, empty <v/>', { f: 'B2+1', v: '' }, { error: '=B2+1', kind: 'no-result' }],
    ['a shared formula child never calculated', { f: '' }, { error: '=…', kind: 'no-result' }],
    ['a date-styled formula result', { s: STYLE.date, f: 'B5+1', v: '45933' }, utc(2025, 10, 3)],
    ['an ISO date (t="d")', { t: 'd', v: '2025-10-01T00:00:00' }, utc(2025, 10, 1)],
    ['an ISO date, date only', { t: 'd', v: '2025-10-06' }, utc(2025, 10, 6)],
    ['an ISO date-time with fraction and zone (the clock as typed)', { t: 'd', s: STYLE.date, v: '2025-10-02T08:30:15.250Z' }, new Date(Date.UTC(2025, 9, 2, 8, 30, 15, 250))],
    ['an ISO time (t="d")', { t: 'd', v: 'T12:00:00' }, utc(1899, 12, 30, 12)],
    ['an ISO date that is no date stays text', { t: 'd', v: '2025-02-30' }, '2025-02-30'],
    ['a date-styled serial', { s: STYLE.date, v: '45931.5' }, utc(2025, 10, 1, 12)],
    ['a date-styled serial with float noise is that day', { s: STYLE.date, v: '45931.000000001' }, utc(2025, 10, 1)],
    ['a date-styled negative serial shows ########', { s: STYLE.date, v: '-1' }, '########'],
    ['a date-styled serial past 9999 shows ########', { s: STYLE.date, v: '2958466' }, '########'],
    ['a number that is not one stays text', { v: 'INF' }, 'INF'],
    ['a percent-styled number stays a number', { s: STYLE.percent, v: '0.744' }, 0.744],
    ['an unknown style is no date', { s: 99, v: '45931' }, 45931],
    ['a style-only cell', { s: STYLE.date }, null],
  ])('%s', async (_name, cell, expected) => {
    expect(await cellOf(cell)).toEqual(expected);
  });

  test('a shared string index that does not exist: the file is damaged, and said so', async () => {
    const f = write(dir, 'bad-sst.xlsx', buildXlsx([{ name: 'S', rows: [['a', { t: 's', v: '7' }]] }]));
    const { notices } = await collect(f);
    expect(notices).toEqual([{ code: 'file-unreadable', file: f, reason: 'corrupt', detail: expect.stringContaining('shared string 7') }]);
  });
});

describe('text as Excel shows it', () => {
  test.each<[string, string, string]>([
    ['a soft line break pasted from Word', 'Lớp tin học cơ bản_x000B_cho người cao tuổi', 'Lớp tin học cơ bản\u000bcho người cao tuổi'],
    ['a carriage return', 'dòng 1_x000D_\ndòng 2', 'dòng 1\r\ndòng 2'],
    ['an escaped underscore stays text', 'mã_x005F_x0041_', 'mã_x0041_'],
    ['lower-case hex', 'a_x000b_b', 'a\u000bb'],
    ['not an escape', 'x_x12_y_xZZZZ_', 'x_x12_y_xZZZZ_'],
  ])('`_xHHHH_` escapes: %s', async (_name, stored, shown) => {
    for (const c of [{ shared: stored }, { inline: [stored.slice(0, 1), stored.slice(1)] }, { t: 'str', f: 'X1', v: stored }]) {
      expect(await cellOf(c)).toBe(shown);
    }
  });

  test('each run is its own escaped string: an escape cut between two runs is text, as written', async () => {
    expect(await cellOf({ inline: ['a_x00', '0B_b'] })).toBe('a_x000B_b');
    expect(await cellOf({ shared: ['a_x000B_', 'b'] })).toBe('a\u000bb');
  });

  test('decomposed (NFD) text is composed; surrounding spaces are trimmed', async () => {
    expect(await cellOf({ inline: '  Hòa Bình  '.normalize('NFD') })).toBe('Hòa Bình');
  });

  test('XML entities and character references', async () => {
    expect(await cellOf({ inline: 'A & B <C> "D"' })).toBe('A & B <C> "D"');
  });
});

describe('date styles, as Excel decides them', () => {
  test.each<[string, boolean]>([
    ['dd/mm/yyyy', true],
    ['DD/MM/YYYY', true],
    ['[$-42A]d mmmm yyyy', true],
    ['[h]:mm', true],
    ['h:mm AM/PM', true],
    ['"Ngày" dd', true],
    ['#,##0 "ngày"', false],
    ['[Red]#,##0.00', false],
    ['0.00E+00', false],
    ['General', false],
    ['\\d0', false],
    ['_d0', false],
    ['@', false],
    ['[$₫-42A]#,##0', false],
  ])('%s → date %s', async (code, isDate) => {
    const v = await cellOf({ s: STYLE.custom(0), v: '45931' }, { numFmts: [code] });
    expect(v instanceof Date).toBe(isDate);
  });

  test('a workbook counting from 1904 (old Mac Excel) gives the same days', async () => {
    expect(await cellOf({ s: STYLE.date, v: String(45931 - 1462) }, { date1904: true })).toEqual(utc(2025, 10, 1));
    expect(await cellOf({ s: STYLE.builtinDate, v: '0' }, { date1904: true })).toEqual(utc(1904, 1, 1));
  });
});

describe('parts are found by the package, not by their names', () => {
  const sheet: XSheet = { name: 'Xã hội học tập', rows: [['Mã đơn vị', 'Dân số'], ['LS-HB', 18420]] };
  const expected = [
    { row: 1, cells: ['Mã đơn vị', 'Dân số'] },
    { row: 2, cells: ['LS-HB', 18420] },
  ];

  test.each<[string, Dialect]>([
    ['parts under other names and folders', { parts: { workbook: 'book/main.xml', sheet: (i) => `data/Sheet-${i}.xml`, sharedStrings: 'book/strings/all.xml', styles: 'book/look.xml' } }],
    ['zip entry names in another case than the rels say', { zipName: (p) => (p.startsWith('xl/') ? p.toUpperCase().replace('.XML', '.xml') : p) }],
    ['no _rels/.rels (the content types name the workbook)', { without: ['rootRels'], parts: { workbook: 'xl/Book.xml' } }],
    ['no [Content_Types].xml', { without: ['contentTypes'] }],
    ['every part in UTF-16', { utf16: true, prefix: 'x' }],
  ])('%s', async (_name, dialect) => {
    expect(await rowsOf(sheet, dialect)).toEqual(expected);
  });

  test('an .xlsm (macro-enabled) and an .xlsx under any name read the same', async () => {
    const xlsm = buildXlsx([sheet], { mainContentType: XLSM_MAIN_TYPE, extra: [deflated('xl/vbaProject.bin', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))] });
    for (const name of ['bao-cao.xlsm', 'bao-cao.dat', 'bao-cao']) {
      const { tables, notices } = await collect(write(dir, name, xlsm));
      expect(notices).toEqual([]);
      expect(tables.map((t) => t.rows)).toEqual([expected]);
    }
  });

  test('an .xlsb (binary workbook) is named as such', async () => {
    const f = write(dir, 'binary.xlsx', buildXlsx([sheet], { mainContentType: 'application/vnd.ms-excel.sheet.binary.macroEnabled.main' }));
    const { tables, notices } = await collect(f);
    expect(tables).toEqual([]);
    expect(notices).toEqual([{ code: 'file-unreadable', file: f, reason: 'not-spreadsheet', detail: 'xlsb' }]);
  });
});

describe('merged ranges', () => {
  test('as the sheet lists them after its rows, normalised, whenever asked', async () => {
    const wb = buildXlsx([{ name: 'S', rows: [['BIỂU'], [], ['Mã', 'Tên']], merges: ['A1:F2', 'C5:B3', 'H9'] }], { prefix: 'x' });
    const f = write(dir, 'merges.xlsx', wb);
    const expected = [
      { ref: 'A1:F2', top: 1, left: 0, bottom: 2, right: 5 },
      { ref: 'B3:C5', top: 3, left: 1, bottom: 5, right: 2 },
      { ref: 'H9:H9', top: 9, left: 7, bottom: 9, right: 7 },
    ];
    const { openTables } = await import('../../src/read/open');
    for (const when of ['before the rows', 'after the rows']) {
      for await (const t of openTables(f, () => undefined)) {
        if (when === 'before the rows') expect(await t.merges()).toEqual(expected);
        const rows = [];
        for await (const r of t.rows) rows.push(r.row);
        expect(rows).toEqual([1, 3]);
        expect(await t.merges()).toEqual(expected);
      }
    }
  });

  test('merges asked for while the rows are read; a damaged list gives none and the file notice, once', async () => {
    const { openTables } = await import('../../src/read/open');
    const good = write(dir, 'merges-during.xlsx', buildXlsx([{ name: 'S', rows: [['a'], ['b']], merges: ['A1:B1'] }]));
    for await (const t of openTables(good, () => undefined)) {
      const rows = [];
      for await (const r of t.rows) {
        rows.push(r.row);
        expect(await t.merges()).toEqual([{ ref: 'A1:B1', top: 1, left: 0, bottom: 1, right: 1 }]);
      }
      expect(rows).toEqual([1, 2]);
    }
    const bad = write(dir, 'merges-bad.xlsx', editPart(buildXlsx([{ name: 'S', rows: [['a']], merges: ['A1:B1'] }]), SHEET1, (xml) => xml.replace('<mergeCells', '<mergeCells><oops')));
    const notices: unknown[] = [];
    for await (const t of openTables(bad, (n) => notices.push(n))) {
      expect(await t.merges()).toEqual([]);
      for await (const _ of t.rows);
    }
    expect(notices).toEqual([{ code: 'file-unreadable', file: bad, reason: 'corrupt', detail: expect.stringContaining('sheet1.xml') }]);
  });

  test('a sheet without merges, a self-closed sheetData, and a CSV have none', async () => {
    const { openTables } = await import('../../src/read/open');
    const files = [
      write(dir, 'no-merges.xlsx', buildXlsx([{ name: 'S', rows: [['a']] }])),
      write(dir, 'empty-sheet.xlsx', editPart(buildXlsx([{ name: 'S', rows: [] }]), SHEET1, (xml) => xml.replace('<sheetData></sheetData>', '<sheetData/>'))),
      write(dir, 'plain.csv', 'a,b\n1,2\n'),
    ];
    for (const f of files) for await (const t of openTables(f, () => undefined)) expect(await t.merges()).toEqual([]);
  });
});
