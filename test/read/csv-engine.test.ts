/**
 * The contract csv.ts relies on from csv-parse's incremental parser (csv-engine.ts): it is not
 * csv-parse's public API, so an upgrade of the pinned version must pass this first.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { csvEngine } from '../../src/read/csv-engine';

const OPTIONS = { delimiter: ',', bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 1024 };

test('csv-parse is the exact version pinned in package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const installed = JSON.parse(readFileSync(path.join(__dirname, '../../node_modules/csv-parse/package.json'), 'utf8')) as { version: string };
  expect(pkg.dependencies['csv-parse']).toBe(installed.version);
});

test('records are pushed synchronously, in order, with the line count and the byte offset at each push', () => {
  const e = csvEngine(OPTIONS);
  const seen: Array<{ record: string[]; lines: number; end: number }> = [];
  const push = (record: string[]) => seen.push({ record: [...record], lines: e.lines, end: e.recordEnd });
  const bytes = Buffer.from('\ufeffa,b\n"x\ny",2\n\nz,');
  expect(e.lines).toBe(1);
  expect(e.parse(bytes.subarray(0, 9), false, push)).toBeUndefined();
  expect(e.parse(bytes.subarray(9), false, push)).toBeUndefined();
  expect(e.parse(undefined, true, push)).toBeUndefined();
  expect(seen).toEqual([
    { record: ['a', 'b'], lines: 1, end: 7 }, // the BOM's three bytes count
    { record: ['x\ny', '2'], lines: 3, end: 15 },
    { record: [''], lines: 4, end: 16 }, // an empty line is a record (skip_empty_lines: false)
    { record: ['z', ''], lines: 5, end: 18 },
  ]);
});

test('the record being read can be measured between two inputs', () => {
  const e = csvEngine(OPTIONS);
  const push = jest.fn();
  e.parse(Buffer.from(','.repeat(100)), false, push);
  expect(push).not.toHaveBeenCalled();
  expect(e.openFields).toBe(97); // the last three bytes wait: they might start a record delimiter
  e.parse(Buffer.from(',,\nnext'), false, push);
  expect(push).toHaveBeenCalledTimes(1);
  expect(e.openFields).toBe(0);
});

test('errors are returned, not thrown, with their code: a record past max_record_size', () => {
  const e = csvEngine(OPTIONS);
  const err = e.parse(Buffer.from(`"${'x'.repeat(2000)}`), false, () => undefined);
  expect((err as Error & { code?: string })?.code).toBe('CSV_MAX_RECORD_SIZE');
});

test('a stray quote inside a field is text (relax_quotes), as Excel reads it', () => {
  const e = csvEngine(OPTIONS);
  const got: string[][] = [];
  e.parse(Buffer.from('Trường "A",1\n'), true, (r) => got.push([...r]));
  expect(got).toEqual([['Trường "A"', '1']]);
});
