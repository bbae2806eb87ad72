import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { lllweek } from '../helpers/cli';
import { docxText } from '../helpers/zip';

/**
 * A chart label and the sentence beside it give a rate the same way: the text's vi-VN formatter
 * with the report's `decimals`, rounding half up. 14.717 / 20.000 is 73,585 %, which a
 * binary toFixed(2) prints 73,58 % (the charts' old formatter) and the text 73,59 %.
 */
function report(decimals: number | null): { text: string; chart: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-rounding-'));
  fs.writeFileSync(path.join(dir, 'lllweek.yaml'), `year: 2025\nreport_date: 2025-10-09\n${decimals === null ? '' : `decimals: ${decimals}\n`}`);
  fs.writeFileSync(path.join(dir, 'xa-hoi-hoc-tap.csv'), 'Mã đơn vị,Tên đơn vị,Tổng số hộ gia đình,Gia đình học tập\nX1,Xã Một,20000,14717\n');
  const out = path.join(dir, 'out');
  const r = lllweek(['report', '.', '--out', out, '--format', 'docx'], { cwd: dir });
  expect(r.status).toBe(0);
  const file = path.join(out, fs.readdirSync(out)[0]);
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const charts = Object.keys(parts).filter((n) => /^word\/media\/.*\.svg$/.test(n));
  expect(charts).toHaveLength(1); // the rates by unit; no activities, no baseline
  return { text: docxText(file), chart: strFromU8(parts[charts[0]]) };
}

/** The texts of the chart's SVG <text> elements. */
const labels = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

test('the chart labels a rate as the text does: half up, 73,59%', () => {
  const { text, chart } = report(null);
  expect(text).toContain('Gia đình học tập: 14.717/20.000, đạt 73,59%');
  expect(labels(chart)).toContain('73,59%');
  expect(labels(chart)).not.toContain('73,58%');
});

test('the chart labels a rate with the report\'s decimals: 73,6% with decimals: 1', () => {
  const { text, chart } = report(1);
  expect(text).toContain('đạt 73,6%');
  expect(labels(chart)).toContain('73,6%');
  expect(labels(chart).filter((l) => /^73,\d+%$/.test(l))).toEqual(['73,6%']);
});
