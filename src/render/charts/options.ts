/**
 * A chart's layout (layout.ts) as echarts options: colours, axes, legend, bars and their value
 * labels. Nothing here measures text; every size comes from the layout.
 */
import type { EChartsOption } from 'echarts';
import { CHART_FONT_FAMILY } from '../assets/fonts';
import { AXIS_LINE, AXIS_SIZE, LABEL_SIZE, LEGEND_SIZE, PAD, TITLE_LINE, TITLE_SIZE, WIDTH, type ChartLayout } from './layout';

const TEXT_COLOR = '#222222';
const PALETTE = ['#4472c4', '#ed7d31', '#a5a5a5', '#ffc000', '#5b9bd5', '#70ad47', '#264478', '#9e480e', '#636363', '#997300'];
const BAR_MAX_WIDTH = 64;

/** Black on light fills, white on dark ones (WCAG relative luminance). */
function labelColorOn(hex: string): string {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 ? '#000000' : '#ffffff';
}

function categoryAxis(l: ChartLayout) {
  return {
    type: 'category' as const,
    data: l.plot.categoryLabels,
    inverse: l.horizontal, // first category at the top, as in the report's tables
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: '#666666' } },
    axisLabel: {
      interval: 0, // never let echarts drop category names to avoid overlap: the layout made room
      fontSize: AXIS_SIZE,
      lineHeight: AXIS_LINE,
      color: TEXT_COLOR,
      hideOverlap: false,
    },
  };
}

function valueAxis(l: ChartLayout) {
  return {
    type: 'value' as const,
    min: l.scale.min,
    max: l.scale.max,
    interval: l.scale.interval,
    axisLabel: { fontSize: AXIS_SIZE, color: TEXT_COLOR, formatter: l.formatAxis },
    splitLine: { lineStyle: { color: '#dddddd' } },
    axisLine: { show: false },
  };
}

/** Where a label at the end of a bar goes. */
const endOf = (l: ChartLayout) => (l.horizontal ? ('right' as const) : ('top' as const));

/** One series' bars: stacked ones label their segments inside (when the label fits), others at the end. */
function barSeries(l: ChartLayout, s: ChartLayout['chart']['series'][number], index: number) {
  const color = PALETTE[index % PALETTE.length];
  return {
    type: 'bar' as const,
    name: s.name,
    data: s.values,
    stack: l.chart.stacked ? 'total' : undefined,
    barWidth: l.horizontal ? l.plot.barThickness : undefined,
    barMaxWidth: BAR_MAX_WIDTH,
    barGap: '15%',
    barCategoryGap: '30%',
    label: l.chart.stacked
      ? {
          show: true,
          position: 'inside' as const,
          fontSize: LABEL_SIZE,
          color: labelColorOn(color),
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' && l.fitsInside(p.value) ? l.formatValue(p.value) : ''),
        }
      : {
          show: l.plot.valueLabels,
          position: endOf(l),
          distance: 4,
          fontSize: LABEL_SIZE,
          color: TEXT_COLOR,
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? l.formatValue(p.value) : ''),
        },
  };
}

/** The totals of stacked bars: an empty segment on top of each stack whose label is the stack's sum. */
function totalsSeries(l: ChartLayout) {
  return {
    type: 'bar' as const,
    name: '',
    data: l.totals.map((t) => (t === null ? null : 0)),
    stack: 'total',
    barWidth: l.horizontal ? l.plot.barThickness : undefined,
    barMaxWidth: BAR_MAX_WIDTH,
    barCategoryGap: '30%',
    itemStyle: { color: 'rgba(0,0,0,0)' },
    label: {
      show: true,
      position: endOf(l),
      distance: 4,
      fontSize: LABEL_SIZE,
      fontWeight: 'bold' as const,
      color: TEXT_COLOR,
      formatter: (p: { dataIndex: number }) => {
        const t = l.totals[p.dataIndex];
        return t === null ? '' : l.formatValue(t);
      },
    },
  };
}

/** The echarts option that draws the laid-out chart. */
export function chartOption(l: ChartLayout): EChartsOption {
  const { chart } = l;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR },
    title: {
      text: l.titleLines.join('\n'),
      left: 'center',
      top: PAD,
      textStyle: { fontSize: TITLE_SIZE, fontWeight: 'bold', lineHeight: TITLE_LINE, color: '#000000' },
    },
    legend:
      l.legendTop !== null
        ? {
            data: chart.series.map((s) => s.name), // not the totals' helper series
            top: l.legendTop,
            left: 'center',
            width: WIDTH - 2 * PAD,
            itemWidth: 18,
            itemHeight: 12,
            itemGap: 16,
            textStyle: { fontSize: LEGEND_SIZE, color: TEXT_COLOR },
          }
        : { show: false },
    grid: { ...l.plot.grid, outerBoundsMode: 'none' },
    xAxis: l.horizontal ? valueAxis(l) : categoryAxis(l),
    yAxis: l.horizontal ? categoryAxis(l) : valueAxis(l),
    series: [...chart.series.map((s, i) => barSeries(l, s, i)), ...(chart.stacked ? [totalsSeries(l)] : [])],
  };
}
