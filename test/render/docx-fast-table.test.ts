/**
 * Long tables (FAST_TABLE_ROWS body rows or more) are written as XML trees assembled from the
 * pieces docx makes, instead of through docx's classes cell by cell. For any table the model can
 * hold — header rows, spans both ways, padded short rows, bold/italic runs, line breaks, empty and
 * hostile texts, alignments, numbers, borderless, given or content widths — the tree must be
 * exactly the one docx makes.
 */
import { docxTable, FAST_TABLE_ROWS, fastTable, planTable, table } from '../../src/render/docx/tables';
import type { Run, Table as ModelTable, TableCell } from '../../src/document/types';

function tables(count: number, seed: number): ModelTable[] {
  let x = seed;
  const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const texts = ['', 'A & B <c> "d"', 'Xã Hòa Phú', ' cách đầu', 'cách cuối ', 'x\u0001y\u000bz', '12.345', 'hai\ndòng', '\ud83d\ude00 \ud800'];
  const run = (): Run => (rnd() < 0.1 ? { text: '', break: true } : { text: pick(texts), ...(rnd() < 0.3 ? { bold: true } : {}), ...(rnd() < 0.3 ? { italic: true } : {}) });
  const cell = (): TableCell => ({
    runs: Array.from({ length: Math.floor(rnd() * 3) }, run),
    ...(rnd() < 0.2 ? { bold: true } : {}),
    ...(rnd() < 0.3 ? { numeric: true } : {}),
    ...(rnd() < 0.2 ? { align: pick(['left', 'center', 'right', 'justify'] as const) } : {}),
    ...(rnd() < 0.1 ? { colspan: 2 } : {}),
    ...(rnd() < 0.1 ? { rowspan: 1 + Math.floor(rnd() * 3) } : {}),
  });
  return Array.from({ length: count }, () => {
    const cols = 1 + Math.floor(rnd() * 7);
    return {
      type: 'table',
      head: Array.from({ length: Math.floor(rnd() * 3) }, () => Array.from({ length: cols }, cell)),
      body: Array.from({ length: 1 + Math.floor(rnd() * 70) }, () => Array.from({ length: Math.max(1, cols - Math.floor(rnd() * 2)) }, cell)),
      ...(rnd() < 0.5 ? { widths: Array.from({ length: cols }, () => 1 + Math.floor(rnd() * 5)) } : {}),
      ...(rnd() < 0.3 ? { borders: 'none' as const } : {}),
      ...(rnd() < 0.2 ? { landscape: true } : {}),
    };
  });
}

const ctx = () => ({ stack: [], file: {}, viewWrapper: {} }) as never;
const xml = (t: { prepForXml(c: never): unknown }) => JSON.stringify(t.prepForXml(ctx()));

test('200 random tables: the assembled tree is docx’s own', () => {
  let compared = 0;
  for (const t of tables(200, 20251001)) {
    const plan = planTable(t, 9000 + (compared % 7) * 700);
    const fast = fastTable(plan);
    expect(fast).not.toBeNull();
    expect(xml(fast!)).toBe(xml(docxTable(plan)));
    compared++;
  }
  expect(compared).toBe(200);
});

test('table() takes the fast path from FAST_TABLE_ROWS body rows on, with the same result', () => {
  const row = (i: number): TableCell[] => [{ runs: [{ text: String(i) }], numeric: true }, { runs: [{ text: `Xã số ${i}` }] }];
  const long: ModelTable = { type: 'table', head: [[{ runs: [{ text: 'TT' }] }, { runs: [{ text: 'Đơn vị' }] }]], body: Array.from({ length: FAST_TABLE_ROWS }, (_, i) => row(i)) };
  const short: ModelTable = { ...long, body: long.body.slice(0, FAST_TABLE_ROWS - 1) };
  expect(table(long, 9000).constructor.name).not.toBe(docxTable(planTable(long, 9000)).constructor.name);
  expect(table(short, 9000).constructor.name).toBe(docxTable(planTable(short, 9000)).constructor.name);
  expect(xml(table(long, 9000))).toBe(xml(docxTable(planTable(long, 9000))));
});
