import * as fs from 'node:fs';
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
import { buildContext, type PhotoRef, type ReportContext } from '../compose/context';
import { resolveReportSettings, type ReportSettings } from '../model/report-settings';
import { renderTemplates } from '../compose/templates';
import type { DocumentModel, ImageStore } from '../document/types';
import type { Issue } from '../validate/issue';
import type { CheckSettings } from '../validate/check-state';
import type { Activity } from '../validate/records';
import type { BarChartSpec } from '../render/charts';
import type { Renderer } from '../render/renderer';
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

type PhotoCandidate = { p: Activity['photos'][number]; caption: string };

/** The activities' photos in the order the report shows them (by date), each once, with its caption. */
function photoCandidates(job: ReportJob): PhotoCandidate[] {
  const unitName = (code: string) => job.collected.units.get(code)?.name ?? code;
  // One caption per photo when the clerk wrote as many `;`-separated captions as photos.
  const captionsOf = (a: Activity) => {
    const parts = (a.caption ?? '').split(';').map((s) => s.trim());
    return a.photos.map((_, i) => (parts.length === a.photos.length ? parts[i] : a.caption) || `${unitName(a.unit)}, ${formatViDate(a.date)}: ${a.title}`);
  };
  const seen = new Set<string>();
  return job.collected.activities
    .filter((a) => a.photos.length > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .flatMap((a) => {
      const captions = captionsOf(a);
      return a.photos.map((p, i) => ({ p, caption: captions[i] }));
    })
    .filter(({ p }) => !seen.has(p.path) && seen.add(p.path));
}

const photoName = (i: number) => `photo-${i + 1}`;

/** Indexes of `files` by size, largest first (a file that cannot be read counts as empty). */
function largestFirst(files: string[]): number[] {
  const size = files.map((f) => {
    try {
      return fs.statSync(f).size;
    } catch {
      return 0;
    }
  });
  return files.map((_, i) => i).sort((a, b) => size[b] - size[a] || a - b);
}

async function loadPhotos(unique: PhotoCandidate[], images: ImageStore): Promise<{ refs: PhotoRef[]; warnings: string[] }> {
  const { loadPhoto } = require('../render/assets/photos') as typeof import('../render/assets/photos');
  type PhotoResult = Awaited<ReturnType<typeof loadPhoto>>;
  const refs: PhotoRef[] = [];
  const warnings: string[] = [];
  // In rounds, all of a round at once (the photo module bounds how many decode together, off the
  // main thread), so that an unreadable photo leaves its place to the next one.
  for (let next = 0; refs.length < MAX_PHOTOS && next < unique.length; ) {
    const round = unique.slice(next, next + MAX_PHOTOS - refs.length);
    next += round.length;
    // Largest files first: a 12-megapixel photo started last would finish long after the others.
    const pending: Promise<PhotoResult>[] = [];
    for (const i of largestFirst(round.map(({ p }) => p.path))) pending[i] = loadPhoto(round[i].p.path, { alt: round[i].caption });
    const results = await Promise.all(pending);
    results.forEach((result, i) => {
      if (!result.ok) {
        warnings.push(round[i].p.written);
        return;
      }
      const name = photoName(refs.length);
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

type ChartNames = { activities: string | null; rates: string | null; change: string | null };

/** The report's charts: their names in the document and their specs, in a fixed order. */
function chartPlan(job: ReportJob, agg: Aggregate, baselineYear: number | null, year: number, root: string | null) {
  const charts = require('../render/charts') as typeof import('../render/charts');
  const names: ChartNames = { activities: null, rates: null, change: null };
  const specs: [string, BarChartSpec][] = [];
  if (agg.activities.byType.length > 0) {
    specs.push(['chart-activities', charts.activitiesChartSpec(
      agg.activities.byType.map((t) => ({ label: t.label, byMode: Object.fromEntries(Object.entries(t.byMode).map(([k, v]) => [k, v.count])) })),
      Object.fromEntries(MODES.map((m) => [m.key, m.label])),
    )]);
    names.activities = 'chart-activities';
  }
  const shownIndicators = job.settings.indicators.filter((i) => agg.indicators.find((r) => r.key === i.key)?.rate !== null);
  const byUnit = ratesChartUnits(job, agg, root);
  if (byUnit && shownIndicators.length > 0) {
    specs.push(['chart-rates', charts.ratesByUnitChartSpec(byUnit.units, Object.fromEntries(shownIndicators.map((i) => [i.key, i.label])), byUnit.title ? { title: byUnit.title } : {})]);
    names.rates = 'chart-rates';
  }
  if (baselineYear !== null && agg.indicators.some((i) => i.baseline)) {
    specs.push(['chart-change', charts.changeChartSpec(
      agg.indicators.filter((i) => i.rate !== null || i.baseline?.rate != null).map((i) => ({ label: i.label, current: i.rate, baseline: i.baseline?.rate ?? null })),
      year,
      baselineYear,
    )]);
    names.change = 'chart-change';
  }
  return { names, specs };
}

/**
 * The report in memory: every requested format, from one document model. `renderer`: one started
 * earlier (the command starts it before reading the inputs, so its libraries load meanwhile).
 */
export async function makeReport(job: ReportJob, opts: { contextOnly?: boolean; renderer?: Renderer } = {}): Promise<ReportOutput> {
  if (opts.contextOnly) return buildReport(job, true, null);
  if (opts.renderer) return buildReport(job, false, opts.renderer);
  // No renderer given: this one is ours to let go.
  const renderer = (require('../render/renderer') as typeof import('../render/renderer')).startRenderer();
  try {
    return await buildReport(job, false, renderer);
  } finally {
    renderer.stop();
  }
}

async function buildReport(job: ReportJob, contextOnly: boolean, renderer: Renderer | null): Promise<ReportOutput> {
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
  const plan = contextOnly ? { names: { activities: null, rates: null, change: null }, specs: [] } : chartPlan(job, agg, baselineYear, settings.year, settings.agency.unit);
  // The charts are drawn on the renderer's thread and the photos decode in sharp's while this
  // thread builds the document, expecting every photo to be readable; should one not be, the
  // document is built again without it.
  const chartsDone = renderer?.charts(plan.specs.map(([, spec]) => spec)) ?? Promise.resolve([]);
  chartsDone.catch(() => undefined); // awaited below; not unhandled should the photos fail first
  const photoImages: ImageStore = new Map();
  const candidates = contextOnly ? [] : photoCandidates(job);
  const photosDone = loadPhotos(candidates, photoImages);
  // Loaded now, not with this module: the photos and charts above start before these load.
  const narrative = (require('../compose/narrative') as typeof import('../compose/narrative')).loadNarrative(configPath(job.configDir, job.config.narrative));
  const { htmlToModel } = require('../document/html-to-model') as typeof import('../document/html-to-model');
  const documentFor = (photos: PhotoRef[]) => {
    const context = buildContext({
      settings,
      aggregate: agg,
      activities: c.activities,
      activityTypes: job.settings.activityTypes,
      modes: MODES,
      indicators: job.settings.indicators,
      narrative,
      charts: plan.names,
      photos,
      baselineYear,
      version: job.version,
    });
    if (contextOnly) return { context, model: null };
    const html = renderTemplates(context, { overrides: job.templates ?? configPath(job.configDir, job.config.templates), decimals: settings.decimals });
    return { context, model: htmlToModel(html, `${context.title} ${context.subject}`) };
  };
  const expected = candidates.slice(0, MAX_PHOTOS).map((p, i) => ({ image: photoName(i), caption: p.caption }));
  let doc = documentFor(expected);
  const photos = await photosDone;
  if (JSON.stringify(photos.refs) !== JSON.stringify(expected)) doc = documentFor(photos.refs);
  const slug = reportSlug(settings.year, settings.agency.name);
  const { context, model } = doc;
  if (!model || !renderer) return { slug, settings, context, files: [], photoWarnings: [] };

  // The store gets the charts, then the photos: their order numbers the images in the packages.
  const images: ImageStore = new Map();
  const chartAssets = await chartsDone;
  plan.specs.forEach(([name], i) => images.set(name, chartAssets[i]));
  for (const [name, image] of photoImages) images.set(name, image);
  const date = new Date(`${settings.reportDate}T00:00:00Z`);
  const files: ReportOutput['files'] = [];
  // The .docx is made on the renderer's thread while this thread makes the workbook.
  const docx = job.formats.includes('docx') ? renderer.docx(model, images, { date }) : null;
  // Should the workbook fail, the .docx's failure (if any) is not left unhandled.
  docx?.catch(() => undefined);
  if (docx) files.push({ name: `${slug}.docx`, data: Buffer.alloc(0) });
  await otherFormats(job, c, { model, images, charts: plan.names, agg, settings, slug, files });
  if (docx) files[0].data = await docx;
  return { slug, settings, context, files, photoWarnings: photos.warnings };
}

/** The workbook and the HTML preview, made while the .docx is made on its worker. */
async function otherFormats(
  job: ReportJob,
  c: Collected,
  r: { model: DocumentModel; images: ImageStore; charts: ChartNames; agg: Aggregate; settings: ReportSettings; slug: string; files: ReportOutput['files'] },
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
