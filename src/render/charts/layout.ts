/**
 * The layout of a bar chart, decided with the real font metrics before echarts sees it: title
 * lines, legend rows, label areas, orientation, value scale, and which value labels fit inside
 * their bar. echarts' own guesses are made for another font; knowing the plot rectangle is what
 * lets us place Vietnamese labels that never overlap.
 */
import type { BarChartSpec } from '../../compose/chart-plan';
import { formatDecimal, formatInt, formatRate } from '../../text/vi-number';
import { textWidth } from '../assets/fonts';

export const WIDTH = 800; // CSS px of the SVG; the PNG is drawn at 2× (raster.ts)
export const PAD = 16;
export const TITLE_SIZE = 16;
export const TITLE_LINE = 22;
export const LEGEND_SIZE = 12;
const LEGEND_ROW = 22;
export const AXIS_SIZE = 12;
export const AXIS_LINE = 15;
/** Value labels are drawn at 11 px. */
export const LABEL_SIZE = 11;
const CATEGORY_LABEL_MAX = 200; // horizontal charts: category names wrap at this width

// ---------------------------------------------------------------------------------------------
// Text

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
// Numbers

export interface Scale {
  min: number;
  max: number;
  interval: number;
}

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

function ticks(scale: Scale): number[] {
  const out: number[] = [];
  for (let v = scale.min; v <= scale.max + scale.interval * 1e-9; v += scale.interval) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * A value label, with the text's own vi-VN formatter so a chart and the sentence beside it round
 * alike: rates with the report's `decimals` (half up: 0,73585 is 73,59%), counts as integers,
 * other numbers with up to 2 decimals.
 */
export function valueLabel(value: number, percent: boolean, decimals: number): string {
  if (percent) return formatRate(value, decimals);
  if (Number.isInteger(value)) return formatInt(value);
  return formatDecimal(value, 2).replace(/,?0+$/, '');
}

function axisLabeller(scale: Scale, percent: boolean): (v: number) => string {
  const d = tickDecimals(percent ? scale.interval * 100 : scale.interval);
  return (v: number) => (percent ? formatRate(v, d) : formatDecimal(v, d));
}

// ---------------------------------------------------------------------------------------------
// The layout

/** Reads every input string as NFC: NFD input (combining marks) would measure and shape differently. */
function nfc(s: string): string {
  return String(s ?? '').normalize('NFC');
}

/** A spec with its strings in NFC and its values finite numbers or null (no data: a gap, never 0). */
export interface CleanSpec {
  title: string;
  alt: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  percent: boolean;
  /** Series stack into one bar per category (only when there are several). */
  stacked: boolean;
}

function cleanSpec(spec: BarChartSpec): CleanSpec {
  const categories = spec.categories.map(nfc);
  const series = spec.series.map((s) => ({
    name: nfc(s.name),
    values: categories.map((_, i) => {
      const v = s.values[i];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  }));
  return { title: nfc(spec.title), alt: nfc(spec.alt), categories, series, percent: !!spec.percent, stacked: !!spec.stacked && series.length > 1 };
}

/** The value range: stacked bars reach the sum of their positive (or negative) parts. */
function valueRange(c: CleanSpec): { lo: number; hi: number } {
  let lo = 0;
  let hi = 0;
  c.categories.forEach((_, i) => {
    let pos = 0;
    let neg = 0;
    for (const s of c.series) {
      const v = s.values[i];
      if (v === null) continue;
      if (c.stacked) {
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
  return { lo, hi };
}

/** The sum of each stack (null where no part has data). */
function stackTotals(c: CleanSpec): (number | null)[] {
  return c.categories.map((_, i) => {
    const parts = c.series.map((s) => s.values[i]).filter((v): v is number => v !== null);
    return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  });
}

type Grid = { left: number; right: number; top: number; bottom: number };

/** Where the plot sits and how its bars are drawn, for one orientation. */
interface Plot {
  height: number;
  grid: Grid;
  categoryLabels: string[];
  barThickness: number | undefined;
  valueLabels: boolean;
  /** px along the value axis */
  length: number;
  /** px across a bar (how wide inside labels may be) */
  breadth: number;
}

/** What the plot needs to know of the labels around it. */
interface Room {
  headerH: number;
  widestValueLabel: number;
  valueAxisW: number;
}

/** Bars along the x axis: each category gets a band tall enough for its bars and its wrapped name. */
function horizontalPlot(c: CleanSpec, room: Room): Plot {
  const n = Math.max(c.categories.length, 1);
  const k = Math.max(c.series.length, 1);
  const wrapped = c.categories.map((cat) => wrapText(cat, CATEGORY_LABEL_MAX, AXIS_SIZE));
  const labelW = Math.max(0, ...wrapped.flat().map((l) => textWidth(l, AXIS_SIZE)));
  const maxLines = Math.max(1, ...wrapped.map((w) => w.length));
  const bars = c.stacked ? 1 : k;
  // Dozens of units × several indicators: labels on every bar would make the chart two pages
  // tall; the table by unit carries the exact figures, the chart shows the shape.
  const valueLabels = n * bars <= 60;
  const barThickness = c.stacked || k === 1 ? 18 : !valueLabels ? 7 : k === 2 ? 13 : 11;
  const groupGap = valueLabels ? 10 : 8;
  const band = Math.max(Math.ceil(bars * barThickness + (bars - 1) * barThickness * 0.15 + groupGap), maxLines * AXIS_LINE + 8);
  const grid = {
    left: PAD + Math.ceil(labelW) + 10,
    right: PAD + Math.ceil(Math.max(valueLabels ? room.widestValueLabel + 6 : 0, room.valueAxisW / 2)),
    top: room.headerH + 8,
    bottom: PAD + AXIS_LINE + 10,
  };
  return {
    height: grid.top + n * band + grid.bottom,
    grid,
    categoryLabels: wrapped.map((w) => w.join('\n')),
    barThickness,
    valueLabels,
    length: WIDTH - grid.left - grid.right,
    breadth: barThickness,
  };
}

/** Bars up the y axis, 300 px tall, category names wrapped under them. */
function verticalPlot(c: CleanSpec, room: Room): Plot {
  const n = Math.max(c.categories.length, 1);
  const k = Math.max(c.series.length, 1);
  const left = PAD + Math.ceil(room.valueAxisW) + 10;
  const right = PAD + 8;
  const band = (WIDTH - left - right) / n;
  const wrapped = c.categories.map((cat) => wrapText(cat, band - 10, AXIS_SIZE));
  const maxLines = Math.max(1, ...wrapped.map((w) => w.length));
  const plotH = 300;
  const grid = { left, right, top: room.headerH + 22, bottom: PAD + maxLines * AXIS_LINE + 10 };
  return {
    height: grid.top + plotH + grid.bottom,
    grid,
    categoryLabels: wrapped.map((w) => w.join('\n')),
    barThickness: undefined,
    valueLabels: true,
    length: plotH,
    breadth: Math.min(64, (band * 0.7) / (c.stacked ? 1 : k + (k - 1) * 0.15)),
  };
}

/** Everything options.ts needs to draw the chart. */
export interface ChartLayout {
  chart: CleanSpec;
  width: number;
  height: number;
  scale: Scale;
  /** Stacked charts: each stack's total, drawn at its end. */
  totals: (number | null)[];
  formatValue: (v: number) => string;
  formatAxis: (v: number) => string;
  titleLines: string[];
  /** Where the legend starts (null: one series, no legend). */
  legendTop: number | null;
  horizontal: boolean;
  plot: Plot;
  /** Whether a value label fits inside its stacked segment with a margin. */
  fitsInside: (v: number) => boolean;
}

/** The chart's layout from its spec: orientation, sizes, scale, label formats. */
export function layoutChart(spec: BarChartSpec): ChartLayout {
  const c = cleanSpec(spec);
  const decimals = spec.decimals ?? 2;
  const formatValue = (v: number) => valueLabel(v, c.percent, decimals);
  const { lo, hi } = valueRange(c);
  const scale = niceScale(lo, hi, c.percent);
  // Stacked bars carry their total at the end: the inside labels of thin segments are left out.
  const totals = stackTotals(c);
  const formatAxis = axisLabeller(scale, c.percent);
  const widestValueLabel = Math.max(
    textWidth(formatValue(scale.max), LABEL_SIZE),
    textWidth(formatValue(hi), LABEL_SIZE),
    ...c.series.flatMap((s) => s.values.filter((v): v is number => v !== null).map((v) => textWidth(formatValue(v), LABEL_SIZE))),
    ...(c.stacked ? totals.filter((v): v is number => v !== null).map((v) => textWidth(formatValue(v), LABEL_SIZE, true)) : []),
  );

  // Header: title lines, then legend rows (legend only when there is more than one series).
  const titleLines = wrapBalanced(c.title, WIDTH - 2 * PAD, TITLE_SIZE, true);
  const showLegend = c.series.length > 1;
  const legendTop = PAD + titleLines.length * TITLE_LINE + 8;
  const legendH = showLegend ? legendRows(c.series.map((s) => s.name), WIDTH - 2 * PAD) * LEGEND_ROW : 0;
  const headerH = legendTop + legendH + (showLegend ? 6 : 0);

  // Orientation: many categories, or grouped vertical bars too thin for their labels, go horizontal.
  const n = Math.max(c.categories.length, 1);
  const k = Math.max(c.series.length, 1);
  const verticalBarW = (((WIDTH - 2 * PAD - 60) / n) * 0.7) / (k + (k - 1) * 0.15);
  const horizontal = spec.horizontal ?? (c.categories.length > 6 || (!c.stacked && k > 1 && verticalBarW < widestValueLabel + 4));

  const valueAxisW = Math.max(...ticks(scale).map((t) => textWidth(formatAxis(t), AXIS_SIZE)));
  const room = { headerH, widestValueLabel, valueAxisW };
  const plot = horizontal ? horizontalPlot(c, room) : verticalPlot(c, room);

  const pxPerUnit = plot.length / (scale.max - scale.min);
  const fitsInside = (v: number): boolean => {
    const len = Math.abs(v) * pxPerUnit;
    const w = textWidth(formatValue(v), LABEL_SIZE);
    return horizontal ? len >= w + 8 && plot.breadth >= 13 : len >= 16 && plot.breadth >= w + 4;
  };
  return {
    chart: c,
    width: WIDTH,
    height: Math.ceil(plot.height),
    scale,
    totals,
    formatValue,
    formatAxis,
    titleLines,
    legendTop: showLegend ? legendTop : null,
    horizontal,
    plot,
    fitsInside,
  };
}
