/**
 * Formula (CSV) injection: text a unit typed that starts with `=`, `+`, `-` or `@` is copied
 * into the output workbook as a string cell, never as a formula Excel would evaluate.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { expectNoStack, lllweek } from '../helpers/cli';
import { activitiesCsv, outputFile, tmpDir, zipParts, zipText, type Row } from './helpers';

const PAYLOADS = [
  '=HYPERLINK("http://evil","x")',
  '+1-2',
  '@SUM(A1)',
  '-2+3',
  "=cmd|' /C calc'!A0",
  '=1+1',
  '+84912345678',
  '-',
];

const ROWS: Row[] = [
  { code: 'X1', name: PAYLOADS[0], title: PAYLOADS[1], notes: PAYLOADS[2], caption: PAYLOADS[3] },
  { code: 'X2', name: PAYLOADS[3], title: PAYLOADS[4], notes: PAYLOADS[5], caption: PAYLOADS[6] },
  { code: 'X3', name: PAYLOADS[2], title: PAYLOADS[3], notes: PAYLOADS[1] },
  { code: '=X4', name: PAYLOADS[1], title: PAYLOADS[0], notes: PAYLOADS[7] },
  { code: 'X5', name: 'Xã Năm', title: PAYLOADS[2], notes: PAYLOADS[4] },
  { code: 'X6', name: 'Xã Sáu', title: PAYLOADS[5], notes: PAYLOADS[6] },
];

describe('text starting with = + - @ in the inputs', () => {
  const dir = tmpDir('lllweek-formula-');
  const out = tmpDir('lllweek-formula-out-');
  let run: ReturnType<typeof lllweek>;
  let xlsx: string;

  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', 'hd.csv'), activitiesCsv(ROWS));
    run = lllweek(['report', 'in', '--out', out, '--force'], { cwd: dir });
    xlsx = outputFile(out, 'xlsx');
  });

  it('the report is written without a stack', () => {
    expectNoStack(run);
    expect([0, 1]).toContain(run.status);
  });

  it('no sheet of the output workbook holds a formula (<f> element)', () => {
    const parts = zipParts(xlsx);
    const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) {
      const xml = zipText(parts, name);
      expect({ name, formula: /<(?:\w+:)?f[\s>/]/.exec(xml)?.[0] ?? null }).toEqual({ name, formula: null });
    }
    // Nor a defined name or an external link a payload could have become.
    expect(Object.keys(parts).filter((n) => n.startsWith('xl/externalLinks/'))).toEqual([]);
    expect(zipText(parts, 'xl/workbook.xml')).not.toMatch(/HYPERLINK|cmd\|/);
  });

  it('each payload survives as a text cell, character for character', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const strings = new Set<string>();
    const notText: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.String) strings.add(cell.value as string);
          else if (cell.type === ExcelJS.ValueType.Formula) notText.push(`${ws.name}!${cell.address}`);
        }),
      ),
    );
    expect(notText).toEqual([]);
    for (const p of PAYLOADS) expect({ payload: p, found: strings.has(p) }).toEqual({ payload: p, found: true });
  });
});
