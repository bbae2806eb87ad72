/**
 * echarts → SVG → PNG. echarts draws server-side as SVG (no canvas) with DejaVu's real advance
 * widths; resvg rasterises with the DejaVu fonts loaded explicitly, never the machine's, so a
 * commune office's PC and a CI box draw the same Vietnamese letters. Output is byte-identical for
 * identical input (reports are diffed and re-sent).
 *
 * echarts and resvg are required lazily: a run that draws no chart should not pay ~150 ms for them.
 */
import type { EChartsOption } from 'echarts';
import { CHART_FONT_FAMILY, chartFontFiles, measureCssFont } from '../assets/fonts';

/** The PNG is drawn at twice the SVG's 800 CSS px. */
const PNG_WIDTH = 1600;

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

/** The option drawn as SVG `width` × `height` CSS px, its generated identifiers renumbered. */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
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
