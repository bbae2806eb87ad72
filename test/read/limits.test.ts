/**
 * The readers' caps (src/read/limits.ts) hold at their edges: Excel's last row, column and cell
 * length are read; one more is refused (or, for a cell, marked) with a coded reason.
 */
import * as fs from 'fs';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MAX_SHEET_BLANK_CELLS, MAX_SMALL_PART_BYTES } from '../../src/read/limits';
import { openTables } from '../../src/read/open';
import type { ReadNotice } from '../../src/read/types';
import { buildZip, collect, deflated, deflatedZeros, tmpDir, write } from './helpers';
import { buildXlsx, ref, type XSheet } from './ooxml-writer';

const dir = tmpDir();
const MiB = 1024 * 1024;

/** Reads every row of a file without keeping them: how many there were, the last one's number, the notices. */
async function count(file: string): Promise<{ rows: number; last: number; notices: ReadNotice[] }> {
  const notices: ReadNotice[] = [];
  let rows = 0;
  let last = 0;
  for await (const t of openTables(file, (n) => notices.push(n))) {
    for await (const r of t.rows) {
      rows++;
      last = r.row;
    }
  }
  return { rows, last, notices };
}

const reasons = (notices: ReadNotice[]) => notices.map((n) => (n.code === 'file-unreadable' ? n.reason : n.code));

describe('XLSX', () => {
  const one = (sheet: XSheet) => write(dir, `x${Math.random().toString(36).slice(2)}.xlsx`, buildXlsx([sheet]));

  test(`row ${MAX_ROWS} is read; a row after it refuses the file`, async () => {
    expect(await count(one({ name: 'S', rows: [{ r: MAX_ROWS, cells: ['cuối'] }] }))).toEqual({ rows: 1, last: MAX_ROWS, notices: [] });
    const past = await count(one({ name: 'S', rows: [['a'], { r: MAX_ROWS + 1, cells: ['x'] }] }));
    expect({ rows: past.rows, reasons: reasons(past.notices) }).toEqual({ rows: 1, reasons: ['too-many-rows'] });
  });

  test('column XFD is read; a cell past it refuses the file, addressed or counted', async () => {
    const lastCol: XSheet = { name: 'S', rows: [Array.from({ length: MAX_COLUMNS }, (_, i) => (i === MAX_COLUMNS - 1 ? 7 : null))] };
    const { tables } = await collect(one(lastCol));
    expect(tables[0].rows[0].cells).toHaveLength(MAX_COLUMNS);
    expect(tables[0].rows[0].cells[MAX_COLUMNS - 1]).toBe(7);
    for (const dialect of [{}, { omitCellR: true }]) {
      const f = write(dir, `past-xfd-${Object.keys(dialect).length}.xlsx`, buildXlsx([{ name: 'S', rows: [Array.from({ length: MAX_COLUMNS + 1 }, () => 1)] }], dialect));
      expect(reasons((await count(f)).notices)).toEqual(['too-many-columns']);
    }
  });

  test('an empty cell in column XFD on every row costs nothing: 50 000 rows read at once', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ r: i + 1, cells: ['x'] }));
    const xml = buildXlsx([{ name: 'S', rows }]);
    const withXfd = write(dir, 'xfd-empty.xlsx', xml);
    const { editPart } = await import('./ooxml-writer');
    fs.writeFileSync(withXfd, editPart(xml, 'xl/worksheets/sheet1.xml', (s) => s.replace(/<\/row>/g, (_m) => '<c r="XFD1" s="0"/></row>')));
    const t0 = Date.now();
    expect(await count(withXfd)).toEqual({ rows: 50_000, last: 50_000, notices: [] });
    expect(Date.now() - t0).toBeLessThan(10_000); // a hang guard, not a speed test
  });

  test('more blank cells before values than the cap refuse the file; the rows before stand', async () => {
    const perRow = MAX_COLUMNS - 1; // a value in column XFD: 16.383 blanks before it
    const rows = Math.floor(MAX_SHEET_BLANK_CELLS / perRow) + 10;
    const sheet = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="${ref(MAX_COLUMNS - 1, i + 1)}"><v>1</v></c></row>`).join('');
    const xml = buildXlsx([{ name: 'S', rows: [] }]);
    const { editPart } = await import('./ooxml-writer');
    const f = write(dir, 'xfd-values.xlsx', editPart(xml, 'xl/worksheets/sheet1.xml', (s) => s.replace('<sheetData></sheetData>', `<sheetData>${sheet}</sheetData>`)));
    const r = await count(f);
    expect(reasons(r.notices)).toEqual(['too-complex']);
    expect(r.rows).toBe(Math.floor(MAX_SHEET_BLANK_CELLS / perRow));
  });

  test(`a cell of ${MAX_CELL_CHARS} characters is text; one more is a too-long marker, shared or inline`, async () => {
    const at = 'ạ'.repeat(MAX_CELL_CHARS);
    const over = 'ạ'.repeat(MAX_CELL_CHARS + 1);
    const { tables } = await collect(one({ name: 'S', rows: [[at, over, { inline: [over.slice(0, 10), over.slice(10)] }]] }));
    const [a, b, c] = tables[0].rows[0].cells;
    expect(a).toBe(at);
    const marker = { error: `${'ạ'.repeat(40)}…`, kind: 'too-long', length: MAX_CELL_CHARS + 1 };
    expect([b, c]).toEqual([marker, marker]);
  });

  test('a small part past its cap refuses the file (before a byte of it is parsed)', async () => {
    const parts = buildZip([
      deflated('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      deflated('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
      deflatedZeros('xl/workbook.xml', MAX_SMALL_PART_BYTES + MiB),
    ]);
    const f = write(dir, 'big-workbook.xlsx', parts);
    const { notices } = await collect(f);
    expect(notices).toEqual([{ code: 'file-unreadable', file: f, reason: 'too-large', detail: expect.stringContaining('xl/workbook.xml unpacks to') }]);
  });
});

describe('CSV', () => {
  test(`${MAX_COLUMNS} fields are read; one more refuses the file`, async () => {
    const at = write(dir, 'cols-at.csv', `${'x,'.repeat(MAX_COLUMNS - 1)}x\n`);
    expect(await count(at)).toEqual({ rows: 1, last: 1, notices: [] });
    const past = write(dir, 'cols-past.csv', `a,b\n${'x,'.repeat(MAX_COLUMNS)}x\n`);
    const r = await count(past);
    expect({ rows: r.rows, reasons: reasons(r.notices) }).toEqual({ rows: 1, reasons: ['too-many-columns'] });
  });

  test('a line of empty fields is stopped early, not after it is read whole', async () => {
    const f = write(dir, 'commas.csv', `Mã đơn vị,Ngày\n${','.repeat(8 * MiB)}\n`);
    const t0 = Date.now();
    const r = await count(f);
    expect(reasons(r.notices)).toEqual(['too-many-columns']);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  test(`row ${MAX_ROWS} (a line each) is read; one more refuses the file`, async () => {
    const f = write(dir, 'rows-past.csv', '1\n'.repeat(MAX_ROWS + 1));
    const r = await count(f);
    expect({ rows: r.rows, last: r.last, reasons: reasons(r.notices) }).toEqual({ rows: MAX_ROWS, last: MAX_ROWS, reasons: ['too-many-rows'] });
  }, 60_000);

  test('rows are records, as Excel counts them: a quoted line break does not make a row', async () => {
    const f = write(dir, 'multi-line.csv', '"a\nb"\n'.repeat(600_000)); // 1,2 M lines, 600 k rows
    const r = await count(f);
    expect({ rows: r.rows, last: r.last, notices: r.notices }).toEqual({ rows: 600_000, last: 1_199_999, notices: [] });
  }, 60_000);

  test(`a field of ${MAX_CELL_CHARS} characters is text; a longer one is a too-long marker`, async () => {
    const f = write(dir, 'long.csv', `a,${'Q'.repeat(MAX_CELL_CHARS)},${'Q'.repeat(40_000)}\n`);
    const { tables } = await collect(f);
    expect(tables[0].rows[0].cells).toEqual(['a', 'Q'.repeat(MAX_CELL_CHARS), { error: `${'Q'.repeat(40)}…`, kind: 'too-long', length: 40_000 }]);
  });
});
