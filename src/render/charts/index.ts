/**
 * The report's charts: bar charts drawn by echarts server-side as SVG, rasterised by resvg with
 * the DejaVu fonts loaded explicitly (see fonts.ts), so a .docx gets an SVG with a PNG fallback
 * and the .xlsx a PNG.
 *
 * We lay the chart out ourselves (title lines, legend rows, label areas, value scale) with the
 * real font metrics instead of letting echarts guess: the guesses are made for another font, and
 * knowing the plot rectangle lets us decide which value labels fit inside their bar. Output is
 * byte-identical for identical input (reports are diffed and re-sent).
 *
 * echarts and resvg are required lazily: a run that draws no chart should not pay ~150 ms for them.
 */
import type { EChartsOption } from 'echarts';
import type { ImageAsset } from '../../document/types';
import { CHART_FONT_FAMILY, chartFontFiles, measureCssFont, textWidth } from '../assets/fonts';

export interface BarSeries {
  name: string;
  /** null is "no data": a gap, never drawn as 0. */
  values: (number | null)[];
}

export interface BarChartSpec {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** Bars along the x axis. Default: when there are more than 6 categories, or grouped bars too narrow for their labels. */
  horizontal?: boolean;
  /** Values are fractions (0.7358) shown as rates ("73,58%"). */
  percent?: boolean;
  /** Series stack into one bar per category (parts of a whole, e.g. activities by mode). */
  stacked?: boolean;
  alt: string;
}

// ---------------------------------------------------------------------------------------------
// Numbers in vi-VN: written by hand rather than with Intl, whose output depends on the ICU data
// node was built with (a small-icu build would print 40,881).

/** `40881` → `40.881`, `(0.5, 2)` → `0,50`, `-1234.5` → `-1.234,5` (decimals given: fixed). */
export function formatNumberVi(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const negative = value < 0 && Number(fixed) !== 0;
  return (negative ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/** A value label: counts as integers (or up to 2 decimals if fractional), rates with 2 decimals. */
export function formatValueVi(value: number, percent: boolean): string {
  if (percent) return formatNumberVi(value * 100, 2) + '%';
  if (Number.isInteger(value)) return formatNumberVi(value);
  return formatNumberVi(value, 2).replace(/,?0+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Layout helpers

const WIDTH = 800;            // CSS px of the SVG; the PNG is drawn at 2× (fitTo 1600)
const PNG_WIDTH = 1600;
const PAD = 16;
const TITLE_SIZE = 16;
const TITLE_LINE = 22;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 22;
const AXIS_SIZE = 12;
const AXIS_LINE = 15;
const CATEGORY_LABEL_MAX = 200; // horizontal charts: category names wrap at this width
const TEXT_COLOR = '#222222';
const PALETTE = ['#4472c4', '#ed7d31', '#a5a5a5', '#ffc000', '#5b9bd5', '#70ad47', '#264478', '#9e480e', '#636363', '#997300'];

/** Greedy word wrap with the real font metrics; a word longer than the line is cut by characters. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? line + ' ' + word : word;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (textWidth(rest, fontSize, bold) > maxWidth) {
      let cut = 1;
      const chars = Array.from(rest);
      while (cut < chars.length && textWidth(chars.slice(0, cut + 1).join(''), fontSize, bold) <= maxWidth) cut++;
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Word wrap into as few lines as the greedy wrap needs, but with lines of even length: a title
 * wrapped greedily leaves one orphan word on its last line.
 */
export function wrapBalanced(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const greedy = wrapText(text, maxWidth, fontSize, bold);
  if (greedy.length < 2) return greedy;
  let lo = 1;
  let hi = Math.ceil(maxWidth);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (wrapText(text, mid, fontSize, bold).length <= greedy.length) hi = mid;
    else lo = mid + 1;
  }
  return wrapText(text, hi, fontSize, bold);
}

interface Scale { min: number; max: number; interval: number }

/** A round axis range covering [lo, hi] in about five steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceScale(lo: number, hi: number, percent: boolean): Scale {
  const min0 = Math.min(0, lo);
  let max0 = Math.max(0, hi);
  if (max0 === min0) max0 = percent ? 1 : 5;
  const raw = (max0 - min0) / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-9))!;
  // Round away the binary noise of step multiples (0.6000000000000001) so labels and SVG are clean.
  const round = (v: number) => Number(v.toPrecision(12));
  const interval = round(step);
  return {
    min: round(Math.floor(min0 / step + 1e-9) * step),
    max: round(Math.ceil(max0 / step - 1e-9) * step),
    interval,
  };
}

/** Decimals the axis needs so that every tick of `interval` prints distinctly. */
function tickDecimals(interval: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(interval * 10 ** d) - interval * 10 ** d) < 1e-9) return d;
  return 6;
}

function axisFormatter(scale: Scale, percent: boolean): (v: number) => string {
  const d = tickDecimals(percent ? scale.interval * 100 : scale.interval);
  return (v: number) => (percent ? formatNumberVi(v * 100, d) + '%' : formatNumberVi(v, d));
}

function ticks(scale: Scale): number[] {
  const out: number[] = [];
  for (let v = scale.min; v <= scale.max + scale.interval * 1e-9; v += scale.interval) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Black on light fills, white on dark ones (WCAG relative luminance). */
function labelColorOn(hex: string): string {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 ? '#000000' : '#ffffff';
}

/** Rows the legend needs, packed the way echarts packs them (icon, 5 px, text, item gap). */
function legendRows(names: string[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 18 + 5 + textWidth(n, LEGEND_SIZE);
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + 16;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// echarts → SVG → PNG

type Echarts = typeof import('echarts');
let echartsLib: Echarts | undefined;

function loadEcharts(): Echarts {
  if (!echartsLib) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const lib: Echarts = require('echarts');
    // Server-side echarts has no canvas to measure text; give it DejaVu's real advance widths.
    lib.setPlatformAPI({ measureText: measureCssFont });
    echartsLib = lib;
  }
  return echartsLib;
}

function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = loadEcharts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return canonicalizeSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * echarts/zrender name CSS classes and defs after a process-wide counter (`zr0-cls-0`,
 * `zr3-cls-17`, `zr3-c0`), so the same chart drawn second differs from the same chart drawn first.
 * Rename every such identifier in order of first appearance.
 */
export function canonicalizeSvg(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[a-z]+-?\d+\b/g, (id) => {
    let n = names.get(id);
    if (n === undefined) {
      n = 'c' + names.size;
      names.set(id, n);
    }
    return n;
  });
}

type Resvg = typeof import('@resvg/resvg-js');
let resvgLib: Resvg | undefined;

function resvg(): Resvg {
  if (!resvgLib) resvgLib = require('@resvg/resvg-js') as Resvg;
  return resvgLib;
}

function resvgOptions(): import('@resvg/resvg-js').ResvgRenderOptions {
  return {
    font: { loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, fontFiles: chartFontFiles() },
    fitTo: { mode: 'width', value: PNG_WIDTH },
    background: 'white',
  };
}

/** SVG → PNG at 1600 px wide on white, with only the DejaVu fonts (never the machine's), on a libuv thread. */
export async function svgToPng(svg: string | Buffer): Promise<{ png: Buffer; width: number; height: number }> {
  const rendered = await resvg().renderAsync(svg, resvgOptions());
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/** Loads echarts and resvg now (a render worker does, while the main thread reads the inputs). */
export function loadChartRenderers(): void {
  loadEcharts();
  resvg();
}

// ---------------------------------------------------------------------------------------------
// The bar chart

/** Reads every input string as NFC: NFD input (combining marks) would measure and shape differently. */
function nfc(s: string): string {
  return String(s ?? '').normalize('NFC');
}

/**
 * The chart: its SVG drawn on this thread, its PNG rasterised on a libuv thread (resvg's
 * renderAsync), so that the next chart is drawn, and the photos decode, meanwhile.
 */
export async function barChart(spec: BarChartSpec): Promise<ImageAsset> {
  const { svg, alt } = barChartSvg(spec);
  return asset(svg, alt, await svgToPng(svg));
}

function asset(svg: string, alt: string, raster: { png: Buffer; width: number; height: number }): ImageAsset {
  return { png: raster.png, svg: Buffer.from(svg, 'utf8'), width: raster.width, height: raster.height, alt, format: 'png' };
}

/** The chart as SVG (echarts, on this thread) and its alt text. */
function barChartSvg(spec: BarChartSpec): { svg: string; alt: string } {
  const categories = spec.categories.map(nfc);
  const series = spec.series.map((s) => ({
    name: nfc(s.name),
    values: categories.map((_, i) => {
      const v = s.values[i];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  }));
  const percent = !!spec.percent;
  const stacked = !!spec.stacked && series.length > 1;
  const n = Math.max(categories.length, 1);
  const k = Math.max(series.length, 1);
  const fmtValue = (v: number) => formatValueVi(v, percent);

  // Value range: stacked bars reach the sum of their positive (or negative) parts.
  let lo = 0;
  let hi = 0;
  categories.forEach((_, i) => {
    let pos = 0;
    let neg = 0;
    for (const s of series) {
      const v = s.values[i];
      if (v === null) continue;
      if (stacked) {
        if (v >= 0) pos += v;
        else neg += v;
      } else {
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
    hi = Math.max(hi, pos);
    lo = Math.min(lo, neg);
  });
  const scale = niceScale(lo, hi, percent);
  // Stacked bars carry their total at the end: the inside labels of thin segments are left out.
  const totals = categories.map((_, i) => {
    const parts = series.map((s) => s.values[i]).filter((v): v is number => v !== null);
    return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  });
  const fmtAxis = axisFormatter(scale, percent);
  const widestValueLabel = Math.max(
    textWidth(fmtValue(scale.max), 11),
    textWidth(fmtValue(hi), 11),
    ...series.flatMap((s) => s.values.filter((v): v is number => v !== null).map((v) => textWidth(fmtValue(v), 11))),
    ...(stacked ? totals.filter((v): v is number => v !== null).map((v) => textWidth(fmtValue(v), 11, true)) : []),
  );

  // Header: title lines, then legend rows (legend only when there is more than one series).
  const titleLines = wrapBalanced(nfc(spec.title), WIDTH - 2 * PAD, TITLE_SIZE, true);
  const showLegend = series.length > 1;
  const legendTop = PAD + titleLines.length * TITLE_LINE + 8;
  const legendH = showLegend ? legendRows(series.map((s) => s.name), WIDTH - 2 * PAD) * LEGEND_ROW : 0;
  const headerH = legendTop + legendH + (showLegend ? 6 : 0);

  // Orientation: many categories, or grouped vertical bars too thin for their labels, go horizontal.
  const verticalPlotW = WIDTH - 2 * PAD - 60;
  const verticalBarW = ((verticalPlotW / n) * 0.7) / (k + (k - 1) * 0.15);
  const horizontal =
    spec.horizontal ?? (categories.length > 6 || (!stacked && k > 1 && verticalBarW < widestValueLabel + 4));

  const valueAxisLabels = ticks(scale).map(fmtAxis);
  const valueAxisW = Math.max(...valueAxisLabels.map((t) => textWidth(t, AXIS_SIZE)));

  let height: number;
  let grid: { left: number; right: number; top: number; bottom: number };
  let categoryLabels: string[];
  let barThickness: number | undefined;
  let valueLabels = true;
  let plotLength: number; // px along the value axis
  let barBreadth: number; // px across a bar (how wide inside labels may be)

  if (horizontal) {
    // Each category gets a band tall enough for its bars and for its wrapped name.
    const wrapped = categories.map((c) => wrapText(c, CATEGORY_LABEL_MAX, AXIS_SIZE));
    const labelW = Math.max(0, ...wrapped.flat().map((l) => textWidth(l, AXIS_SIZE)));
    const maxLines = Math.max(1, ...wrapped.map((w) => w.length));
    const bars = stacked ? 1 : k;
    // Dozens of units × several indicators: labels on every bar would make the chart two pages
    // tall; the table by unit carries the exact figures, the chart shows the shape.
    valueLabels = n * bars <= 60;
    barThickness = stacked || k === 1 ? 18 : !valueLabels ? 7 : k === 2 ? 13 : 11;
    const groupGap = valueLabels ? 10 : 8;
    const band = Math.max(Math.ceil(bars * barThickness + (bars - 1) * barThickness * 0.15 + groupGap), maxLines * AXIS_LINE + 8);
    categoryLabels = wrapped.map((w) => w.join('\n'));
    grid = {
      left: PAD + Math.ceil(labelW) + 10,
      right: PAD + Math.ceil(Math.max(valueLabels ? widestValueLabel + 6 : 0, valueAxisW / 2)),
      top: headerH + 8,
      bottom: PAD + AXIS_LINE + 10,
    };
    height = grid.top + n * band + grid.bottom;
    plotLength = WIDTH - grid.left - grid.right;
    barBreadth = barThickness;
  } else {
    const left = PAD + Math.ceil(valueAxisW) + 10;
    const right = PAD + 8;
    const band = (WIDTH - left - right) / n;
    const wrapped = categories.map((c) => wrapText(c, band - 10, AXIS_SIZE));
    const maxLines = Math.max(1, ...wrapped.map((w) => w.length));
    categoryLabels = wrapped.map((w) => w.join('\n'));
    const plotH = 300;
    grid = { left, right, top: headerH + 22, bottom: PAD + maxLines * AXIS_LINE + 10 };
    height = grid.top + plotH + grid.bottom;
    plotLength = plotH;
    barBreadth = Math.min(64, ((band * 0.7) / (stacked ? 1 : k + (k - 1) * 0.15)));
  }

  // A value label is drawn inside a stacked segment only when it fits there with a margin.
  const pxPerUnit = plotLength / (scale.max - scale.min);
  const fitsInside = (v: number): boolean => {
    const len = Math.abs(v) * pxPerUnit;
    const w = textWidth(fmtValue(v), 11);
    return horizontal ? len >= w + 8 && barBreadth >= 13 : len >= 16 && barBreadth >= w + 4;
  };

  const categoryAxis = {
    type: 'category' as const,
    data: categoryLabels,
    inverse: horizontal, // first category at the top, as in the report's tables
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: '#666666' } },
    axisLabel: {
      interval: 0, // never let echarts drop category names to avoid overlap: we made room
      fontSize: AXIS_SIZE,
      lineHeight: AXIS_LINE,
      color: TEXT_COLOR,
      hideOverlap: false,
    },
  };
  const valueAxis = {
    type: 'value' as const,
    min: scale.min,
    max: scale.max,
    interval: scale.interval,
    axisLabel: { fontSize: AXIS_SIZE, color: TEXT_COLOR, formatter: fmtAxis },
    splitLine: { lineStyle: { color: '#dddddd' } },
    axisLine: { show: false },
  };

  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR },
    title: {
      text: titleLines.join('\n'),
      left: 'center',
      top: PAD,
      textStyle: { fontSize: TITLE_SIZE, fontWeight: 'bold', lineHeight: TITLE_LINE, color: '#000000' },
    },
    legend: showLegend
      ? {
          data: series.map((s) => s.name), // not the totals' helper series
          top: legendTop,
          left: 'center',
          width: WIDTH - 2 * PAD,
          itemWidth: 18,
          itemHeight: 12,
          itemGap: 16,
          textStyle: { fontSize: LEGEND_SIZE, color: TEXT_COLOR },
        }
      : { show: false },
    grid: { ...grid, outerBoundsMode: 'none' },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [...series.map((s, si) => {
      const color = PALETTE[si % PALETTE.length];
      return {
        type: 'bar' as const,
        name: s.name,
        data: s.values,
        stack: stacked ? 'total' : undefined,
        barWidth: horizontal ? barThickness : undefined,
        barMaxWidth: 64,
        barGap: '15%',
        barCategoryGap: '30%',
        label: stacked
          ? {
              show: true,
              position: 'inside' as const,
              fontSize: 11,
              color: labelColorOn(color),
              formatter: (p: { value: unknown }) =>
                typeof p.value === 'number' && fitsInside(p.value) ? fmtValue(p.value) : '',
            }
          : {
              show: valueLabels,
              position: horizontal ? ('right' as const) : ('top' as const),
              distance: 4,
              fontSize: 11,
              color: TEXT_COLOR,
              formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmtValue(p.value) : ''),
            },
      };
    }),
    // The totals: an empty segment on top of each stack whose label is the stack's sum.
    ...(stacked
      ? [
          {
            type: 'bar' as const,
            name: '',
            data: totals.map((t) => (t === null ? null : 0)),
            stack: 'total',
            barWidth: horizontal ? barThickness : undefined,
            barMaxWidth: 64,
            barCategoryGap: '30%',
            itemStyle: { color: 'rgba(0,0,0,0)' },
            label: {
              show: true,
              position: horizontal ? ('right' as const) : ('top' as const),
              distance: 4,
              fontSize: 11,
              fontWeight: 'bold' as const,
              color: TEXT_COLOR,
              formatter: (p: { dataIndex: number }) => {
                const t = totals[p.dataIndex];
                return t === null ? '' : fmtValue(t);
              },
            },
          },
        ]
      : []),
    ],
  };

  return { svg: renderSvg(option, WIDTH, Math.ceil(height)), alt: nfc(spec.alt) };
}

// ---------------------------------------------------------------------------------------------
// The report's charts, as specs for barChart

export interface ChartOptions {
  title?: string;
  alt?: string;
}

/** Activities by type (categories) and mode of organisation (stacked series, in modeLabels' order). */
export function activitiesChartSpec(
  rows: { label: string; byMode: Record<string, number> }[],
  modeLabels: Record<string, string>,
  opts: ChartOptions = {},
): BarChartSpec {
  const title = opts.title ?? 'Số hoạt động theo loại hình và hình thức tổ chức';
  const modes = Object.keys(modeLabels);
  return {
    title,
    categories: rows.map((r) => r.label),
    series: modes.map((m) => ({ name: modeLabels[m], values: rows.map((r) => r.byMode[m] ?? null) })),
    stacked: true,
    alt: opts.alt ?? `Biểu đồ cột: ${title}`,
  };
}

/** Rates (fractions) of each indicator (series, in indicatorLabels' order) by unit (categories). */
export function ratesByUnitChartSpec(
  units: { label: string; rates: Record<string, number | null> }[],
  indicatorLabels: Record<string, string>,
  opts: ChartOptions = {},
): BarChartSpec {
  const title = opts.title ?? 'Tỷ lệ đạt các chỉ tiêu theo đơn vị';
  const indicators = Object.keys(indicatorLabels);
  return {
    title,
    categories: units.map((u) => u.label),
    series: indicators.map((ind) => ({ name: indicatorLabels[ind], values: units.map((u) => u.rates[ind] ?? null) })),
    percent: true,
    alt: opts.alt ?? `Biểu đồ cột: ${title}`,
  };
}

/** This year's rate of each indicator next to last year's (fractions; null when unknown). */
export function changeChartSpec(
  items: { label: string; current: number | null; baseline: number | null }[],
  yearNow: number,
  yearBefore: number,
  opts: ChartOptions = {},
): BarChartSpec {
  const title = opts.title ?? `Tỷ lệ đạt các chỉ tiêu năm ${yearNow} so với năm ${yearBefore}`;
  return {
    title,
    categories: items.map((i) => i.label),
    series: [
      { name: `Năm ${yearBefore}`, values: items.map((i) => i.baseline) },
      { name: `Năm ${yearNow}`, values: items.map((i) => i.current) },
    ],
    percent: true,
    alt: opts.alt ?? `Biểu đồ cột: ${title}`,
  };
}
