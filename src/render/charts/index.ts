/**
 * The report's charts: bar charts laid out with the chart font's real metrics (layout.ts), drawn
 * by echarts as SVG (options.ts) and rasterised by resvg (raster.ts), so a .docx gets an SVG with
 * a PNG fallback and the .xlsx a PNG. What to chart is decided where the document is composed
 * (compose/chart-plan.ts).
 */
import type { BarChartSpec } from '../../compose/chart-plan';
import type { ImageAsset } from '../../document/types';
import { layoutChart } from './layout';
import { chartOption } from './options';
import { renderSvg, svgToPng } from './raster';

/** The chart as SVG (echarts, on this thread). */
function barChartSvg(spec: BarChartSpec): string {
  const layout = layoutChart(spec);
  return renderSvg(chartOption(layout), layout.width, layout.height);
}

/**
 * The chart as an image asset: its SVG drawn on this thread, its PNG (1600 px wide) rasterised
 * on a libuv thread (resvg's renderAsync), so that the next chart is drawn, and the photos
 * decode, meanwhile. Same spec, same bytes.
 */
export async function barChart(spec: BarChartSpec): Promise<ImageAsset> {
  const svg = barChartSvg(spec);
  const raster = await svgToPng(svg);
  const alt = String(spec.alt ?? '').normalize('NFC');
  return { png: raster.png, svg: Buffer.from(svg, 'utf8'), width: raster.width, height: raster.height, alt, format: 'png' };
}
