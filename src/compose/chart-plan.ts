/**
 * The report's charts as the document composes them: which charts it has, under which image
 * names (the templates' `charts.*`), and what each shows. Drawing them is the renderer's job
 * (render/charts/); a spec is plain data, so it crosses to the render worker as it is.
 */
import { ratesByChildOf } from '../aggregate/groups';
import type { Aggregate } from '../aggregate/types';
import type { Indicator } from '../catalog/indicators';
import type { Mode } from '../catalog/modes';
import { formatInt } from '../text/vi-number';
import type { Tally, Unit } from '../records/records';

export interface BarSeries {
  name: string;
  /** null is "no data": a gap, never drawn as 0. */
  values: (number | null)[];
}

/** One bar chart: categories along one axis, a bar (or a stack segment) per series in each. */
export interface BarChartSpec {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** Bars along the x axis. Default: when there are more than 6 categories, or grouped bars too narrow for their labels. */
  horizontal?: boolean;
  /** Values are fractions (0.7358) shown as rates ("73,58%"). */
  percent?: boolean;
  /** Decimals of a rate's label: the report's `decimals`, so a chart rounds as the text does (default 2). */
  decimals?: number;
  /** Series stack into one bar per category (parts of a whole, e.g. activities by mode). */
  stacked?: boolean;
  alt: string;
}

export interface ChartOptions {
  title?: string;
  alt?: string;
  decimals?: number;
}

const altOf = (title: string, opts: ChartOptions) => opts.alt ?? `Biểu đồ cột: ${title}`;
const decimalsOf = (opts: ChartOptions) => (opts.decimals === undefined ? {} : { decimals: opts.decimals });

/** Categories from `items` (their labels), one series per key of `series`, named by its label, in its order. */
function seriesByKey<T extends { label: string }>(items: T[], series: Record<string, string>, value: (item: T, key: string) => number | undefined | null) {
  return {
    categories: items.map((i) => i.label),
    series: Object.keys(series).map((key) => ({ name: series[key], values: items.map((i) => value(i, key) ?? null) })),
  };
}

/** Activities by type (categories) and mode of organisation (stacked series, in modeLabels' order). */
export function activitiesChartSpec(
  rows: { label: string; byMode: Record<string, number> }[],
  modeLabels: Record<string, string>,
  opts: ChartOptions = {},
): BarChartSpec {
  const title = opts.title ?? 'Số hoạt động theo loại hình và hình thức tổ chức';
  return { title, ...seriesByKey(rows, modeLabels, (r, mode) => r.byMode[mode]), stacked: true, alt: altOf(title, opts) };
}

/** Rates (fractions) of each indicator (series, in indicatorLabels' order) by unit (categories). */
export function ratesByUnitChartSpec(
  units: { label: string; rates: Record<string, number | null> }[],
  indicatorLabels: Record<string, string>,
  opts: ChartOptions = {},
): BarChartSpec {
  const title = opts.title ?? 'Tỷ lệ đạt các chỉ tiêu theo đơn vị';
  return { title, ...seriesByKey(units, indicatorLabels, (u, ind) => u.rates[ind]), percent: true, ...decimalsOf(opts), alt: altOf(title, opts) };
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
    ...decimalsOf(opts),
    alt: altOf(title, opts),
  };
}

/**
 * More units than this in the rates chart make an image tens of thousands of pixels tall (and
 * minutes of rasterising): beyond it, the chart shows the units directly under the report's unit
 * (the provinces of a national report). Every province's own report (at most ~170 communes since
 * 2025) stays a chart of its units.
 */
const RATES_CHART_MAX_UNITS = 200;

export interface ChartPlanInput {
  aggregate: Aggregate;
  /** The records and units list, for the rates of the groups under `root` when units are too many. */
  tallies: Tally[];
  units: Map<string, Unit>;
  indicators: Indicator[];
  modes: Mode[];
  year: number;
  /** The baseline's year; null: no baseline, no change chart. */
  baselineYear: number | null;
  /** The report's own unit (its agency's), or null. */
  root: string | null;
  /** Decimals of rates in the report. */
  decimals: number;
}

/** The image names the templates receive (`charts.activities` …); null for a chart the report has not. */
export interface ChartNames {
  activities: string | null;
  rates: string | null;
  change: string | null;
}

export interface ChartPlan {
  names: ChartNames;
  /** The charts to draw, in a fixed order: it numbers the images in the packages. */
  specs: { name: string; spec: BarChartSpec }[];
}

/** The rows of the rates chart: the units with tallies, or their groups when there are too many; null for no chart. */
function ratesChartUnits(input: ChartPlanInput): { units: { label: string; rates: Record<string, number | null> }[]; title?: string } | null {
  const withTally = input.aggregate.units.filter((u) => u.hasTally);
  if (withTally.length === 0) return null;
  if (withTally.length <= RATES_CHART_MAX_UNITS) return { units: withTally.map((u) => ({ label: u.name, rates: u.rates })) };
  const groups = input.root === null ? [] : ratesByChildOf(input.root, input.tallies, input.units, input.indicators);
  if (groups.length < 2 || groups.length > RATES_CHART_MAX_UNITS) return null; // the table by unit still has every figure
  return {
    units: groups.map((g) => ({ label: g.name, rates: g.rates })),
    title: `Tỷ lệ đạt các chỉ tiêu theo đơn vị trực thuộc (tổng hợp ${formatInt(withTally.length)} đơn vị)`,
  };
}

/**
 * The report's charts: activities by type and mode when there are activities; the indicators'
 * rates by unit when units reported tallies; this year against the baseline's when there is one.
 */
export function planCharts(input: ChartPlanInput): ChartPlan {
  const agg = input.aggregate;
  const plan: ChartPlan = { names: { activities: null, rates: null, change: null }, specs: [] };
  const add = (key: keyof ChartNames, spec: BarChartSpec) => {
    const name = `chart-${key}`;
    plan.specs.push({ name, spec });
    plan.names[key] = name;
  };
  if (agg.activities.byType.length > 0) {
    add('activities', activitiesChartSpec(
      agg.activities.byType.map((t) => ({ label: t.label, byMode: Object.fromEntries(Object.entries(t.byMode).map(([k, v]) => [k, v.count])) })),
      Object.fromEntries(input.modes.map((m) => [m.key, m.label])),
    ));
  }
  const shownIndicators = input.indicators.filter((i) => agg.indicators.find((r) => r.key === i.key)?.rate !== null);
  const byUnit = ratesChartUnits(input);
  if (byUnit && shownIndicators.length > 0) {
    const labels = Object.fromEntries(shownIndicators.map((i) => [i.key, i.label]));
    add('rates', ratesByUnitChartSpec(byUnit.units, labels, { decimals: input.decimals, ...(byUnit.title ? { title: byUnit.title } : {}) }));
  }
  if (input.baselineYear !== null && agg.indicators.some((i) => i.baseline)) {
    const items = agg.indicators
      .filter((i) => i.rate !== null || i.baseline?.rate != null)
      .map((i) => ({ label: i.label, current: i.rate, baseline: i.baseline?.rate ?? null }));
    add('change', changeChartSpec(items, input.year, input.baselineYear, { decimals: input.decimals }));
  }
  return plan;
}
