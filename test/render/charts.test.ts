import sharp from 'sharp';
import { activitiesChartSpec, changeChartSpec, ratesByUnitChartSpec } from '../../src/compose/chart-plan';
import { barChart } from '../../src/render/charts';
import { niceScale, valueLabel, wrapBalanced, wrapText } from '../../src/render/charts/layout';
import { canonicalizeSvg, svgToPng } from '../../src/render/charts/raster';
import { missingGlyphs, textWidth } from '../../src/render/assets/fonts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const MODES = { direct: 'Trực tiếp', online: 'Trực tuyến', mixed: 'Kết hợp' };
const ACTIVITIES: { label: string; byMode: Record<string, number> }[] = [
  { label: 'Lớp học, bồi dưỡng', byMode: { direct: 120, online: 45, mixed: 12 } },
  { label: 'Hội thảo, tọa đàm', byMode: { direct: 38, online: 20, mixed: 4 } },
  { label: 'Triển lãm, trưng bày sách', byMode: { direct: 40881, online: 3 } },
];
const INDICATORS = { family: 'Gia đình học tập', clan: 'Dòng họ học tập' };

function svgText(svg: Buffer | undefined): string {
  return svg!.toString('utf8');
}

/** Texts of the SVG's <text> elements. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('numbers in vi-VN', () => {
  test('value labels: thousands with a dot, decimals with a comma, rates with the report\'s decimals', () => {
    expect(valueLabel(40881, false, 2)).toBe('40.881');
    expect(valueLabel(1234567, false, 2)).toBe('1.234.567');
    expect(valueLabel(12.5, false, 2)).toBe('12,5');
    expect(valueLabel(-1234.5, false, 2)).toBe('-1.234,5');
    expect(valueLabel(0.7358, true, 2)).toBe('73,58%');
    expect(valueLabel(1, true, 2)).toBe('100,00%');
    expect(valueLabel(0.7358, true, 1)).toBe('73,6%');
    expect(valueLabel(0.7358, true, 0)).toBe('74%');
  });

  test('rates round half up, as the text does: 0,73585 is 73,59%, never 73,58%', () => {
    // 73.585 is 73.58499999999999 in binary: toFixed(2) gives 73.58.
    expect((0.73585 * 100).toFixed(2)).toBe('73.58');
    expect(valueLabel(0.73585, true, 2)).toBe('73,59%');
    expect(valueLabel(0.00005, true, 2)).toBe('0,01%');
  });

  test('axis scale is round and covers the data', () => {
    expect(niceScale(0, 40884, false)).toEqual({ min: 0, max: 50000, interval: 10000 });
    expect(niceScale(0, 0.7358, true)).toEqual({ min: 0, max: 0.8, interval: 0.2 });
    expect(niceScale(0, 1, true)).toEqual({ min: 0, max: 1, interval: 0.2 });
    expect(niceScale(0, 0, false)).toEqual({ min: 0, max: 5, interval: 1 });
    expect(niceScale(-3, 7, false)).toEqual({ min: -4, max: 8, interval: 2 });
  });
});

describe('font', () => {
  test('DejaVu Sans has every Vietnamese letter, regular and bold', () => {
    const vowels = 'aăâeêioôơuưy';
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    let all = 'đĐ';
    for (const v of vowels) for (const t of tones) all += (v + t).normalize('NFC') + (v.toUpperCase() + t).normalize('NFC');
    expect(all.length).toBe(2 + vowels.length * tones.length * 2);
    expect(missingGlyphs(all)).toEqual([]);
    expect(missingGlyphs(all, true)).toEqual([]);
    expect(missingGlyphs('漢')).toEqual(['漢']);
  });

  test('widths come from the font, NFD measures as NFC', () => {
    expect(textWidth('Hội thảo', 12)).toBeCloseTo(textWidth('Hội thảo'.normalize('NFD'), 12), 6);
    expect(textWidth('W', 20)).toBeGreaterThan(textWidth('i', 20));
    expect(textWidth('Trực tuyến', 12, true)).toBeGreaterThan(textWidth('Trực tuyến', 12));
  });

  test('wrapping keeps lines within the width and words whole', () => {
    const lines = wrapText('Tuyên truyền trên phương tiện thông tin đại chúng', 120, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe('Tuyên truyền trên phương tiện thông tin đại chúng');
    const balanced = wrapBalanced('Số người tham gia Tuần lễ hưởng ứng học tập suốt đời năm 2025 theo tỉnh, thành phố', 768, 16, true);
    expect(balanced).toHaveLength(2);
    expect(Math.abs(balanced[0].length - balanced[1].length)).toBeLessThan(15);
  });
});

describe('diacritics render', () => {
  const svgOf = (s: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><text x="10" y="40" style="font-size:24px;font-family:DejaVu Sans">${s}</text></svg>`;

  /** Rows that have dark pixels: the vertical extent of the ink. */
  async function inkRows(png: Buffer): Promise<{ top: number; bottom: number; dark: number; width: number; height: number }> {
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    let top = Infinity;
    let bottom = -1;
    let dark = 0;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        if (data[y * info.width + x] < 128) {
          dark++;
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    return { top, bottom, dark, width: info.width, height: info.height };
  }

  test('text with diacritics draws marks above and below the plain letters', async () => {
    const withMarks = await svgToPng(svgOf('Hội thảo tọa đàm ĐỘI'));
    const plain = await svgToPng(svgOf('Hoi thao toa dam DOI'));
    for (const r of [withMarks, plain]) {
      expect(r.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect([r.width, r.height]).toEqual([1600, 240]);
      const meta = await sharp(r.png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1600, 240]);
    }
    expect(withMarks.png.equals(plain.png)).toBe(false);
    const a = await inkRows(withMarks.png);
    const b = await inkRows(plain.png);
    expect(b.dark).toBeGreaterThan(1000); // the font is found: text is drawn at all
    expect(a.dark).toBeGreaterThan(b.dark * 1.02); // the marks add ink
    expect(a.top).toBeLessThan(b.top - 4); // circumflex and dot above a capital
    expect(a.bottom).toBeGreaterThan(b.bottom + 2); // dot below (ộ, ọ) under a text without descenders
  });

  test('NFD input draws the same as NFC', async () => {
    const nfd = await barChart({ title: 'Hội thảo'.normalize('NFD'), categories: ['Xã Hải Sơn'.normalize('NFD')], series: [{ name: 'a', values: [1] }], alt: 'x' });
    const nfc = await barChart({ title: 'Hội thảo', categories: ['Xã Hải Sơn'], series: [{ name: 'a', values: [1] }], alt: 'x' });
    expect(nfd.png.equals(nfc.png)).toBe(true);
  });
});

describe('barChart', () => {
  test('a valid PNG at 1600 px wide, with the SVG beside it', async () => {
    const t0 = Date.now();
    const img = await barChart({
      title: 'Số lớp học',
      categories: ['Lớp học, bồi dưỡng', 'Hội thảo, tọa đàm', 'Triển lãm, trưng bày sách'],
      series: [{ name: 'Số lớp', values: [1800, null, 40881] }],
      alt: 'Biểu đồ số lớp học',
    });
    // eslint-disable-next-line no-console
    console.log(`single-series chart: ${Date.now() - t0} ms`);
    expect(img.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const meta = await sharp(img.png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', img.width, img.height]);
    expect(img.width).toBe(1600);
    expect(img.format).toBe('png');
    expect(img.alt).toBe('Biểu đồ số lớp học');
    const svg = svgText(img.svg);
    const h = Number(/<svg width="800" height="(\d+)"/.exec(svg)![1]);
    expect(img.height).toBe(h * 2);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['40.881', '1.800', '50.000', '10.000', 'Số lớp học', 'Triển lãm, trưng bày sách']));
    expect(t).not.toContain('1,800');
    expect(t).not.toContain('Số lớp'); // one series: no legend
    expect(svg).toContain('font-family:DejaVu Sans');
  });

  test('null is a gap, not a zero', async () => {
    const svg = svgText((await barChart({ title: 't', categories: ['a', 'b', 'c'], series: [{ name: 's', values: [5, null, 3] }], alt: 'x' })).svg);
    const bars = svg.match(/ecmeta_ssr_type="chart"/g) ?? [];
    expect(bars).toHaveLength(2);
    expect(texts(svg).filter((s) => s === '0')).toHaveLength(1); // only the axis' 0
  });

  test('percent charts: fractions shown as vi-VN rates, legend with several series', async () => {
    const svg = svgText(
      (await barChart({
        title: 'Tỷ lệ',
        categories: ['Phường Móng Cái 1', 'Xã Hải Sơn'],
        series: [
          { name: 'Gia đình học tập', values: [0.7358, 0.5] },
          { name: 'Dòng họ học tập', values: [null, 0.9] },
        ],
        percent: true,
        alt: 'x',
      })).svg,
    );
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['73,58%', '50,00%', '90,00%', '0%', '100%', 'Gia đình học tập', 'Dòng họ học tập']));
  });

  test('many categories go horizontal, first at the top, height grows with their number', async () => {
    const provinces = Array.from({ length: 34 }, (_, i) => `Tỉnh số ${i + 1} có tên khá dài`);
    const make = (n: number) =>
      barChart({ title: 't', categories: provinces.slice(0, n), series: [{ name: 's', values: provinces.slice(0, n).map((_, i) => i * 100) }], alt: 'x' });
    const ten = await make(10);
    const all = await make(34);
    expect(all.height).toBeGreaterThan(ten.height * 2.5);
    // every category name is drawn: none dropped to avoid overlap
    const t = texts(svgText(all.svg));
    for (const p of provinces) expect(t).toContain(p);
    // first category at the top
    const svg = svgText(all.svg);
    const y = (label: string) => Number(new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)[^>]*>${label}<`).exec(svg)![1]);
    expect(y('Tỉnh số 1 có tên khá dài')).toBeLessThan(y('Tỉnh số 34 có tên khá dài'));
  });

  test('XML-special characters are escaped', async () => {
    const svg = svgText((await barChart({ title: 'Sở GD&ĐT <b>', categories: ['A & B'], series: [{ name: 's', values: [1] }], alt: 'x' })).svg);
    expect(svg).toContain('Sở GD&amp;ĐT &lt;b&gt;');
    await expect(svgToPng(svg)).resolves.toBeDefined();
  });

  test('empty data still draws', async () => {
    const img = await barChart({ title: 'Không có số liệu', categories: [], series: [], alt: 'x' });
    expect(img.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
});

describe('byte-identical output', () => {
  const x = () => barChart(activitiesChartSpec(ACTIVITIES, MODES));
  const y = () => barChart(ratesByUnitChartSpec([{ label: 'Xã Hải Sơn', rates: { family: 0.61, clan: null } }], INDICATORS));

  test('X, then Y, then X again: the same bytes', async () => {
    const first = await x();
    const other = await y();
    const again = await x();
    expect(again.svg!.equals(first.svg!)).toBe(true);
    expect(again.png.equals(first.png)).toBe(true);
    expect(other.png.equals(first.png)).toBe(false);
    expect(svgText(first.svg)).not.toMatch(/zr\d+-/);
  });

  test('class names are renumbered in order of appearance', () => {
    const a = '<p class="zr3-cls-7"/><p class="zr3-cls-2"/><p class="zr3-cls-7"/><clipPath id="zr3-c0"/>';
    expect(canonicalizeSvg(a)).toBe('<p class="c0"/><p class="c1"/><p class="c0"/><clipPath id="c2"/>');
  });
});

describe('report charts', () => {
  test('activitiesChartSpec: stacked modes in the given order, totals on the stacks', async () => {
    const img = await barChart(activitiesChartSpec(ACTIVITIES, MODES));
    const t = texts(svgText(img.svg));
    expect(t).toEqual(expect.arrayContaining(['Trực tiếp', 'Trực tuyến', 'Kết hợp', '40.884', '177', '40.881']));
    const svg = svgText(img.svg);
    expect(svg.indexOf('>Trực tiếp<')).toBeLessThan(svg.indexOf('>Trực tuyến<'));
    expect(svg.indexOf('>Trực tuyến<')).toBeLessThan(svg.indexOf('>Kết hợp<'));
    expect(img.alt).toContain('hoạt động');
  });

  test('ratesByUnitChartSpec: 30 communes stay one chart of legible size', async () => {
    const units = Array.from({ length: 30 }, (_, i) => ({ label: `Xã số ${i + 1}`, rates: { family: (i % 10) / 10, clan: i % 3 ? 0.5 : null } }));
    const img = await barChart(ratesByUnitChartSpec(units, INDICATORS));
    expect(img.height).toBeGreaterThan(1600);
    expect(img.height).toBeLessThan(1600 * 2.2);
    const t = texts(svgText(img.svg));
    for (const u of units) expect(t).toContain(u.label);
    expect(t).toEqual(expect.arrayContaining(['Gia đình học tập', 'Dòng họ học tập', '100%']));
  });

  test('changeChartSpec: last year next to this year', async () => {
    const img = await barChart(changeChartSpec(
      [
        { label: 'Gia đình học tập', current: 0.7358, baseline: 0.7012 },
        { label: 'Dòng họ học tập', current: 0.6521, baseline: null },
      ],
      2025,
      2024,
    ));
    const svg = svgText(img.svg);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['Năm 2024', 'Năm 2025', '73,58%', '70,12%', '65,21%']));
    expect(svg.indexOf('>Năm 2024<')).toBeLessThan(svg.indexOf('>Năm 2025<'));
    expect(t.join(' ')).toContain('2025 so với năm 2024');
  });

  test('timing', async () => {
    const runs = 5;
    const t0 = Date.now();
    for (let i = 0; i < runs; i++) await barChart(activitiesChartSpec(ACTIVITIES, MODES));
    const perChart = (Date.now() - t0) / runs;
    // eslint-disable-next-line no-console
    console.log(`activities chart: ${perChart.toFixed(0)} ms per chart (SVG + PNG)`);
    expect(perChart).toBeLessThan(1000);
  });
});

describe('lazy loading', () => {
  test('importing the module loads neither echarts nor resvg', () => {
    jest.isolateModules(() => {
      jest.doMock('echarts', () => {
        throw new Error('echarts loaded at import');
      });
      jest.doMock('@resvg/resvg-js', () => {
        throw new Error('resvg loaded at import');
      });
      expect(() => require('../../src/render/charts')).not.toThrow();
    });
  });
});
