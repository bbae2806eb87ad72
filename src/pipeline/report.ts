/**
 * `report` and `rollup` make their report here: the checked records aggregated, the document
 * composed (settings, context, charts and photos planned, templates → HTML → document model),
 * then drawn by every renderer asked for. The charts and the .docx are made on a renderer's
 * worker thread while this thread does the rest.
 */
import { aggregate } from '../aggregate/aggregate';
import type { Aggregate } from '../aggregate/types';
import { abbreviateAgency } from '../catalog/agency-kinds';
import { MODES } from '../catalog/modes';
import { planCharts, type ChartNames } from '../compose/chart-plan';
import { buildContext, type PhotoRef } from '../compose/context';
import type { ReportContext } from '../compose/context-schema';
import { photoCandidates, plannedPhotos } from '../compose/photo-plan';
import { renderTemplates } from '../compose/templates';
import type { ConfigFile } from '../config/schema';
import { configPath, settingsForYear, type Settings } from '../config/settings';
import type { DocumentModel, ImageStore } from '../document/types';
import { resolveReportSettings, type ReportSettings } from '../compose/report-settings';
import type { Renderer } from '../render/renderer';
import type { UnitStatus } from '../render/workbook-input';
import type { Issue } from '../records/issue';
import { sha256File } from '../write/sha256';
import { reportSlug } from '../write/slug';
import { addBaseline, type Baseline } from './baseline';
import type { Collected } from './collect';

export type Format = 'docx' | 'xlsx' | 'html';

export interface ReportJob {
  collected: Collected;
  config: ConfigFile;
  configDir: string;
  settings: Settings;
  formats: Format[];
  /** Last year's workbook, read with the inputs (readBaseline). */
  baseline?: Baseline;
  templates?: string;
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
  /** The document model (null when only the context was asked for). */
  model: DocumentModel | null;
  files: { name: string; data: Buffer }[];
  /** Photos that could not be read: said on stderr, the report made without them. */
  photoWarnings: string[];
}

/**
 * How far makeReport goes: the template context (`--dump-context`), the document model
 * (`--dump-model`, with the charts and photos it would name, none drawn or decoded), or the files.
 */
export type ReportStage = 'context' | 'model' | 'files';

/**
 * The report in memory: every requested format, from one document model. `renderer`: one started
 * earlier (the command starts it before reading the inputs, so its libraries load meanwhile).
 * Throws Fatal `theme-unknown` (no theme for the year), `template-dir` and `template-error`
 * (an office's templates), and whatever a renderer throws.
 */
export async function makeReport(job: ReportJob, opts: { until?: ReportStage; renderer?: Renderer } = {}): Promise<ReportOutput> {
  const until = opts.until ?? 'files';
  if (until !== 'files') return buildReport(job, until, null);
  if (opts.renderer) return buildReport(job, until, opts.renderer);
  // No renderer given: this one is ours to let go.
  const renderer = (require('../render/renderer') as typeof import('../render/renderer')).startRenderer();
  try {
    return await buildReport(job, until, renderer);
  } finally {
    renderer.stop();
  }
}

/** The settings and figures the document is composed from. */
function figures(job: ReportJob): { settings: ReportSettings; agg: Aggregate; baselineYear: number | null } {
  const c = job.collected;
  const reportingCodes = [...new Set([...c.activities.map((a) => a.unit), ...c.tallies.map((t) => t.unit)])];
  const settings = resolveReportSettings(job.config, settingsForYear(job.settings, c.check.year), { units: c.units, reportingCodes });
  const agg = aggregate({
    activities: c.activities,
    tallies: c.tallies,
    units: c.units,
    activityTypes: job.settings.activityTypes,
    modes: MODES,
    indicators: job.settings.indicators,
    year: settings.year,
  });
  if (!job.baseline) return { settings, agg, baselineYear: null };
  const b = addBaseline(agg, job.baseline, { year: settings.year, decimals: settings.decimals, settings: job.settings, modes: MODES });
  return { settings, agg: b.aggregate, baselineYear: b.year };
}

async function buildReport(job: ReportJob, until: ReportStage, renderer: Renderer | null): Promise<ReportOutput> {
  const c = job.collected;
  const { settings, agg, baselineYear } = figures(job);
  const plan = planCharts({
    aggregate: agg,
    tallies: c.tallies,
    units: c.units,
    indicators: job.settings.indicators,
    modes: MODES,
    year: settings.year,
    baselineYear,
    root: settings.agency.unit,
    decimals: settings.decimals,
  });
  // The charts are drawn on the renderer's thread and the photos decode in sharp's while this
  // thread builds the document, expecting every photo to be readable; should one not be, the
  // document is built again without it.
  const chartsDone = renderer?.charts(plan.specs.map((s) => s.spec)) ?? Promise.resolve([]);
  chartsDone.catch(() => undefined); // awaited below; not unhandled should the photos fail first
  const candidates = photoCandidates(c.activities, c.units);
  const photoImages: ImageStore = new Map();
  const photosDone = renderer
    ? (require('../render/assets/photos') as typeof import('../render/assets/photos')).loadPhotos(candidates, photoImages)
    : null;
  // Loaded now, not with this module: the photos and charts above start before these load.
  const narrative = (require('../compose/narrative') as typeof import('../compose/narrative')).loadNarrative(configPath(job.configDir, job.config.narrative));
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
    if (until === 'context') return { context, model: null };
    const { htmlToModel } = require('../document/html-to-model') as typeof import('../document/html-to-model');
    const html = renderTemplates(context, { overrides: job.templates ?? configPath(job.configDir, job.config.templates), decimals: settings.decimals });
    return { context, model: htmlToModel(html, `${context.title} ${context.subject}`) };
  };
  const expected = plannedPhotos(candidates);
  let doc = documentFor(expected);
  const photos = photosDone ? await photosDone : null;
  if (photos && JSON.stringify(photos.refs) !== JSON.stringify(expected)) doc = documentFor(photos.refs);
  const slug = reportSlug(settings.year, abbreviateAgency(settings.agency.name));
  const { context, model } = doc;
  if (!model || !renderer || !photos) return { slug, settings, context, model, files: [], photoWarnings: [] };

  // The store gets the charts, then the photos: their order numbers the images in the packages.
  const images: ImageStore = new Map();
  const chartAssets = await chartsDone;
  plan.specs.forEach(({ name }, i) => images.set(name, chartAssets[i]));
  for (const [name, image] of photoImages) images.set(name, image);
  const date = new Date(`${settings.reportDate}T00:00:00Z`);
  const files: ReportOutput['files'] = [];
  // The .docx is made on the renderer's thread while this thread makes the workbook.
  const docx = job.formats.includes('docx') ? renderer.docx(model, images, { date }) : null;
  // Should the workbook fail, the .docx's failure (if any) is not left unhandled.
  docx?.catch(() => undefined);
  if (docx) files.push({ name: `${slug}.docx`, data: Buffer.alloc(0) });
  await otherFormats(job, { model, images, charts: plan.names, agg, settings, slug, files });
  if (docx) files[0].data = await docx;
  return { slug, settings, context, model, files, photoWarnings: photos.warnings };
}

/** The workbook and the HTML preview, made while the .docx is made on its worker. */
async function otherFormats(
  job: ReportJob,
  r: { model: DocumentModel; images: ImageStore; charts: ChartNames; agg: Aggregate; settings: ReportSettings; slug: string; files: ReportOutput['files'] },
): Promise<void> {
  const { model, images, charts, agg, settings, slug, files } = r;
  const c = job.collected;
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
