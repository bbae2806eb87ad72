import * as path from 'node:path';
import { CLI } from '../../catalog/cli-messages';
import { Fatal } from '../../fatal';
import { readBaseline } from '../../pipeline/baseline';
import { collectInputs } from '../../pipeline/collect';
import { makeReport } from '../../pipeline/report';
import { ensureWritableDir, writeAtomic } from '../../write/atomic';
import type { Console } from '../console';
import { deadlineLine, today } from '../dates';
import { parseFormats, sizeText } from '../formats';
import { formatIssuesText } from '../output';
import { Progress } from '../progress';
import { setup } from '../setup';
import { REPORT_PREFIX } from '../../write/slug';
import { startRenderer, type Renderer } from '../../render/renderer';

function version(): string {
  return (require('../../../package.json') as { version: string }).version;
}

/** `lllweek report`: 0 written from clean data; 1 refused (or forced) because of errors; 2 could not run. */
export async function run(args: unknown[], opts: Record<string, unknown>, con: Console): Promise<number> {
  // Started first: its thread loads the chart and .docx libraries while this one reads the inputs.
  const renderer = opts.dumpContext === true || opts.dumpModel === true ? undefined : startRenderer();
  try {
    return await report(args[0] as string[], opts, con, renderer);
  } finally {
    renderer?.stop();
  }
}

async function report(inputs: string[], opts: Record<string, unknown>, con: Console, renderer: Renderer | undefined): Promise<number> {
  const formats = parseFormats(opts.format);
  const { loaded, settings } = await setup(opts, con);
  const outDir = path.resolve(String(opts.out ?? '.'));
  const dump = opts.dumpContext === true ? 'context' : opts.dumpModel === true ? 'model' : null;
  if (!dump) ensureWritableDir(outDir);
  if (opts.eml && !formats.includes('docx')) formats.unshift('docx');
  if (opts.eml && !formats.includes('xlsx')) formats.push('xlsx');

  const progress = new Progress(con);
  // Run twice in one folder, the first run's workbook must not come back as input and count twice.
  const ownOutput = (f: string) => path.dirname(path.resolve(f)) === outDir && path.basename(f).startsWith(REPORT_PREFIX);
  const collected = await collectInputs(inputs, settings, con.lang, { ...progress.hooks(), skip: ownOutput });
  progress.stop();
  const errors = collected.check.summary.errors;
  const baseline = (opts.baseline as string | undefined) ?? (loaded.config.baseline ? path.resolve(loaded.dir, loaded.config.baseline) : undefined);
  const job = {
    collected,
    config: loaded.config,
    configDir: loaded.dir,
    settings,
    lang: con.lang,
    formats,
    baseline: baseline === undefined ? undefined : await readBaseline(baseline, settings, con.lang),
    templates: opts.template as string | undefined,
    today: today(),
    version: version(),
  };
  if (dump) {
    const out = await makeReport(job, { until: dump });
    con.out(`${JSON.stringify(dump === 'context' ? out.context : out.model, null, 2)}\n`);
    return 0;
  }
  if (errors > 0 && opts.force !== true) {
    process.stderr.write(formatIssuesText({ ...collected.check, issues: collected.check.issues.filter((i) => i.severity === 'error') }, con.lang, false));
    con.error(CLI.refused[con.lang]({ errors }));
    return 1;
  }

  const report = await makeReport(job, { renderer });
  for (const w of report.photoWarnings) con.info(CLI.photoWarning[con.lang]({ file: w }));
  const files = [...report.files];
  // The e-mail draft's modules (nodemailer) load only when one is asked for.
  if (opts.eml) files.push(await (require('../../pipeline/draft') as typeof import('../../pipeline/draft')).draftFor(report));
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(outDir, f.name);
    await writeAtomic(target, f.data);
    const rel = path.relative(process.cwd(), target);
    written.push(`  ${rel.startsWith('..') ? target : rel}  (${sizeText(f.data.length)})`);
  }
  con.info([CLI.written[con.lang], ...written, deadlineLine(report.settings.deadline, job.today, con.lang)].join('\n'));
  if (!written.length) throw new Fatal('no-inputs');
  return errors > 0 ? 1 : 0;
}
