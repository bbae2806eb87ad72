import * as path from 'node:path';
import { aggregate } from '../aggregate/aggregate';
import { ratesByChildOf } from '../aggregate/groups';
import { withBaseline } from '../aggregate/indicators';
import type { Aggregate } from '../aggregate/types';
import { MODES } from '../catalog/modes';
import type { Lang } from '../catalog/messages';
import type { ConfigFile } from '../config/schema';
import { configPath } from '../config/settings';
import { Fatal } from '../fatal';
import { buildContext, type PhotoRef, type ReportContext } from '../model/context';
import { htmlToModel } from '../model/html-to-model';
import { loadNarrative } from '../model/narrative';
import { resolveReportSettings, type ReportSettings } from '../model/report-settings';
import { renderTemplates } from '../model/templates';
import type { DocumentModel, ImageAsset, ImageStore } from '../model/types';
import type { Issue } from '../validate/issue';
import type { CheckSettings } from '../validate/check-state';
import type { Activity } from '../validate/records';
import type { DocxRenderer } from '../render/docx/in-worker';
import type { UnitStatus } from '../render/workbook-input';
import { formatViDate } from '../text/vi-date';
import { formatInt } from '../text/vi-number';
import { reportSlug } from '../write/slug';
import { sha256File } from '../write/sha256';
import { collectFiles, type Collected } from './collect';

export type Format = 'docx' | 'xlsx' | 'html';

export interface ReportJob {
  collected: Collected;
  config: ConfigFile;
  configDir: string;
  settings: CheckSettings;
  lang: Lang;
  formats: Format[];
  baseline?: string;
  templates?: string;
  today: string;
  version: string;
  /** Rollup: the units' completeness, and the issues of rejected submissions. */
  status?: UnitStatus[];
  issues?: Issue[];
  /** The inputs to fingerprint in `Thông tin` (default: the files checked). */
  inputs?: string[];
}

export interface ReportOutput {
  slug: string;
  settings: ReportSettings;
  context: ReportContext;
  files: { name: string; data: Buffer }[];
  /** Photos that could not be read: said on stderr, the report made without them. */
  photoWarnings: string[];
}

/** Twenty phone photos keep the .docx under 10 MB (report.md). */
const MAX_PHOTOS = 20;

/** Last year's output workbook, re-read with the same checker: its tallies give last year's rates. */
async function baselineIndicators(job: ReportJob, year: number) {
  const file = path.resolve(job.baseline!);
  let before: Collected;
  try {
    before = await collectFiles([file], { ...job.settings, year: null, week: null, units: null }, job.lang);
  } catch (e) {
    throw e instanceof Fatal ? e : new Fatal('baseline-unreadable', { value: job.baseline, detail: (e as Error).message });
  }
  const problem = before.check.issues.find((i) => i.code === 'file-unreadable');
  if (problem) throw new Fatal('baseline-unreadable', { value: job.baseline, detail: problem.message });
  if (before.tallies.length === 0) {
    throw new Fatal('baseline-unreadable', { value: job.baseline, detail: job.lang === 'vi' ? 'không có trang “Xã hội học tập”' : 'no “Xã hội học tập” sheet' });
  }
  const baselineYear = before.check.year ?? year - 1;
  return { year: baselineYear, indicators: aggregate({ ...aggInput(job, before), year: baselineYear }).indicators };
}

function aggInput(job: ReportJob, c: Collected) {
  return {
    activities: c.activities,
    tallies: c.tallies,
    units: c.units,
    activityTypes: job.settings.activityTypes,
    modes: MODES,
    indicators: job.settings.indicators,
  };
}

async function loadPhotos(job: ReportJob, images: ImageStore): Promise<{ refs: PhotoRef[]; warnings: string[] }> {
  const { loadPhoto } = require('../render/photos') as typeof import('../render/photos');
  const refs: PhotoRef[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const unitName = (code: string) => job.collected.units.get(code)?.name ?? code;
  // One caption per photo when the clerk wrote as many `;`-separated captions as photos.
  const captionsOf = (a: Activity) => {
    const parts = (a.caption ?? '').split(';').map((s) => s.trim());
    return a.photos.map((_, i) => (parts.length === a.photos.length ? parts[i] : a.caption) || `${unitName(a.unit)}, ${formatViDate(a.date)}: ${a.title}`);
  };
  const candidates = job.collected.activities
    .filter((a) => a.photos.length > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .flatMap((a) => {
      const captions = captionsOf(a);
      return a.photos.map((p, i) => ({ p, caption: captions[i] }));
    });
  const unique = candidates.filter(({ p }) => !seen.has(p.path) && seen.add(p.path));
  // In rounds, all of a round at once (the photo module bounds how many decode together, off the
  // main thread), so that an unreadable photo leaves its place to the next one.
  for (let next = 0; refs.length < MAX_PHOTOS && next < unique.length; ) {
    const round = unique.slice(next, next + MAX_PHOTOS - refs.length);
    next += round.length;
    const results = await Promise.all(round.map(({ p, caption }) => loadPhoto(p.path, { alt: caption })));
    results.forEach((result, i) => {
      if (!result.ok) {
        warnings.push(round[i].p.written);
        return;
      }
      const name = `photo-${refs.length + 1}`;
      images.set(name, result.image);
      refs.push({ image: name, caption: round[i].caption });
    });
  }
  return { refs, warnings };
}

/**
 * More units than this in the rates chart make an image tens of thousands of pixels tall (and
 * minutes of rasterising): beyond it, the chart shows the units directly under the report's unit
 * (the provinces of a national report). Every province's own report (at most ~170 communes since
 * 2025) stays a chart of its units.
 */
export const RATES_CHART_MAX_UNITS = 200;

/** The rows of the rates chart: the units with tallies, or their groups when there are too many; null for no chart. */
function ratesChartUnits(job: ReportJob, agg: Aggregate, root: string | null): { units: { label: string; rates: Record<string, number | null> }[]; title?: string } | null {
  const withTally = agg.units.filter((u) => u.hasTally);
  if (withTally.length === 0) return null;
  if (withTally.length <= RATES_CHART_MAX_UNITS) return { units: withTally.map((u) => ({ label: u.name, rates: u.rates })) };
  const groups = root === null ? [] : ratesByChildOf(root, job.collected.tallies, job.collected.units, job.settings.indicators);
  if (groups.length < 2 || groups.length > RATES_CHART_MAX_UNITS) return null; // the table by unit still has every figure
  return {
    units: groups.map((g) => ({ label: g.name, rates: g.rates })),
    title: `Tỷ lệ đạt các chỉ tiêu theo đơn vị trực thuộc (tổng hợp ${formatInt(withTally.length)} đơn vị)`,
  };
}

/** Lets the event loop run between two charts: photos waiting for their next step get it. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The charts: each drawn as SVG on this thread, its PNG made on a libuv thread while the next one
 * is drawn (and the photos decode); put in the store in a fixed order once all are done.
 */
async function drawCharts(job: ReportJob, agg: Aggregate, baselineYear: number | null, year: number, images: ImageStore, root: string | null) {
  const charts = require('../render/charts') as typeof import('../render/charts');
  const names = { activities: null as string | null, rates: null as string | null, change: null as string | null };
  const drawn: [string, Promise<ImageAsset>][] = [];
  if (agg.activities.byType.length > 0) {
    drawn.push(['chart-activities', charts.barChartAsync(charts.activitiesChartSpec(
      agg.activities.byType.map((t) => ({ label: t.label, byMode: Object.fromEntries(Object.entries(t.byMode).map(([k, v]) => [k, v.count])) })),
      Object.fromEntries(MODES.map((m) => [m.key, m.label])),
    ))]);
    names.activities = 'chart-activities';
    await turn();
  }
  const shownIndicators = job.settings.indicators.filter((i) => agg.indicators.find((r) => r.key === i.key)?.rate !== null);
  const byUnit = ratesChartUnits(job, agg, root);
  if (byUnit && shownIndicators.length > 0) {
    drawn.push(['chart-rates', charts.barChartAsync(charts.ratesByUnitChartSpec(byUnit.units, Object.fromEntries(shownIndicators.map((i) => [i.key, i.label])), byUnit.title ? { title: byUnit.title } : {}))]);
    names.rates = 'chart-rates';
    await turn();
  }
  if (baselineYear !== null && agg.indicators.some((i) => i.baseline)) {
    drawn.push(['chart-change', charts.barChartAsync(charts.changeChartSpec(
      agg.indicators.filter((i) => i.rate !== null || i.baseline?.rate != null).map((i) => ({ label: i.label, current: i.rate, baseline: i.baseline?.rate ?? null })),
      year,
      baselineYear,
    ))]);
    names.change = 'chart-change';
  }
  const assets = await Promise.all(drawn.map(([, p]) => p));
  drawn.forEach(([name], i) => images.set(name, assets[i]));
  return names;
}

/** The report in memory: every requested format, from one document model. */
export async function makeReport(job: ReportJob, opts: { contextOnly?: boolean } = {}): Promise<ReportOutput> {
  // The .docx's worker starts now: it loads its modules while the charts are drawn.
  const docxRenderer = !opts.contextOnly && job.formats.includes('docx')
    ? (require('../render/docx/in-worker') as typeof import('../render/docx/in-worker')).startDocxRenderer()
    : null;
  try {
    return await buildReport(job, opts, docxRenderer);
  } catch (e) {
    docxRenderer?.stop();
    throw e;
  }
}

async function buildReport(job: ReportJob, opts: { contextOnly?: boolean }, docxRenderer: DocxRenderer | null): Promise<ReportOutput> {
  const c = job.collected;
  const reportingCodes = [...new Set([...c.activities.map((a) => a.unit), ...c.tallies.map((t) => t.unit)])];
  const settings = resolveReportSettings(job.config, { year: c.check.year, units: c.units, reportingCodes, today: job.today });
  let agg = aggregate({ ...aggInput(job, c), year: settings.year });
  let baselineYear: number | null = null;
  if (job.baseline) {
    const b = await baselineIndicators(job, settings.year);
    agg = { ...agg, indicators: withBaseline(agg.indicators, b.indicators, b.year, settings.decimals) };
    baselineYear = b.year;
  }
  const images: ImageStore = new Map();
  // Photos decode in sharp's threads while the charts draw; the store gets the charts, then the photos.
  const photoImages: ImageStore = new Map();
  const photosDone = opts.contextOnly ? Promise.resolve({ refs: [], warnings: [] }) : loadPhotos(job, photoImages);
  const charts = opts.contextOnly ? { activities: null, rates: null, change: null } : await drawCharts(job, agg, baselineYear, settings.year, images, settings.agency.unit);
  const photos = await photosDone;
  for (const [name, image] of photoImages) images.set(name, image);
  const context = buildContext({
    settings,
    aggregate: agg,
    activities: c.activities,
    activityTypes: job.settings.activityTypes,
    modes: MODES,
    indicators: job.settings.indicators,
    narrative: loadNarrative(configPath(job.configDir, job.config.narrative)),
    charts,
    photos: photos.refs,
    baselineYear,
    version: job.version,
  });
  const slug = reportSlug(settings.year, settings.agency.name);
  if (opts.contextOnly) return { slug, settings, context, files: [], photoWarnings: [] };

  const html = renderTemplates(context, { overrides: job.templates ?? configPath(job.configDir, job.config.templates), decimals: settings.decimals });
  const model = htmlToModel(html, `${context.title} ${context.subject}`);
  const date = new Date(`${settings.reportDate}T00:00:00Z`);
  const files: ReportOutput['files'] = [];
  // The .docx is made on its worker while this thread makes the workbook.
  const docx = docxRenderer?.render(model, images, { date }) ?? null;
  // Should the workbook fail, the .docx's failure (if any) is not left unhandled.
  docx?.catch(() => undefined);
  if (docx) files.push({ name: `${slug}.docx`, data: Buffer.alloc(0) });
  await otherFormats(job, c, { model, images, charts, agg, settings, slug, files });
  if (docx) files[0].data = await docx;
  return { slug, settings, context, files, photoWarnings: photos.warnings };
}

/** The workbook and the HTML preview, made while the .docx is made on its worker. */
async function otherFormats(
  job: ReportJob,
  c: Collected,
  r: { model: DocumentModel; images: ImageStore; charts: { activities: string | null; rates: string | null; change: string | null }; agg: Aggregate; settings: ReportSettings; slug: string; files: ReportOutput['files'] },
): Promise<void> {
  const { model, images, charts, agg, settings, slug, files } = r;
  if (job.formats.includes('xlsx')) {
    const { renderWorkbook } = require('../render/xlsx') as typeof import('../render/xlsx');
    const inputs = job.inputs ?? c.check.files;
    files.push({
      name: `${slug}.xlsx`,
      data: await renderWorkbook({
        model,
        images,
        charts: [charts.activities, charts.rates, charts.change].filter((n): n is string => n !== null),
        aggregate: agg,
        activities: c.activities,
        tallies: c.tallies,
        activityTypes: job.settings.activityTypes,
        modes: MODES,
        indicators: job.settings.indicators,
        issues: job.issues ?? c.check.issues,
        decimals: settings.decimals,
        info: {
          year: settings.year,
          week: settings.week,
          theme: settings.theme,
          agency: settings.agency.name,
          unit: settings.agency.unit,
          version: job.version,
          generated: `${settings.reportDate}T00:00:00Z`,
          inputs: await Promise.all(inputs.map(async (f) => ({ file: f, sha256: await sha256File(f) }))),
        },
        status: job.status,
      }),
    });
  }
  if (job.formats.includes('html')) {
    const { renderHtml } = require('../render/html') as typeof import('../render/html');
    files.push({ name: `${slug}.html`, data: Buffer.from(renderHtml(model, images), 'utf8') });
  }
}
