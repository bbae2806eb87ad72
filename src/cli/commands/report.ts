import * as path from 'node:path';
import { CLI } from '../../catalog/cli-messages';
import { Fatal } from '../../fatal';
import { readBaseline } from '../../pipeline/baseline';
import { collectInputs } from '../../pipeline/collect';
import { makeReport } from '../../pipeline/report';
import { withOutputLock } from '../../write/lock';
import { prepareOutDir } from '../../write/out-dir';
import { publishStaged } from '../../write/staged-set';
import type { Console } from '../console';
import { deadlineLine } from '../dates';
import { parseFormats, sizeText } from '../formats';
import { formatIssuesText } from '../output';
import { Progress } from '../progress';
import { setup } from '../setup';
import { version } from '../version';
import { REPORT_PREFIX } from '../../write/slug';
import { startRenderer, type Renderer } from '../../render/renderer';

/**
 * `lllweek report`: 0 written from clean data; 1 refused (or forced) because of errors; 2 could not run.
 * `--out` (default: the folder of the inputs) is the user's folder, so its outputs are plain files
 * put in place by write/staged-set: all written and flushed before any is replaced (a full disk
 * or a fault leaves the previous report), then committed and renamed; a kill in those last
 * milliseconds is completed by the next run. rollup, which owns its folder, switches one link.
 */
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
  const { loaded, settings } = await setup(opts);
  const out = String(opts.out ?? '.');
  const outDir = path.resolve(out);
  const dump = opts.dumpContext === true ? 'context' : opts.dumpModel === true ? 'model' : null;
  if (!dump) prepareOutDir(out);
  if (opts.eml && !formats.includes('docx')) formats.unshift('docx');
  if (opts.eml && !formats.includes('xlsx')) formats.push('xlsx');

  const progress = new Progress(con);
  // Run twice in one folder, the first run's workbook must not come back as input and count twice.
  const ownOutput = (f: string) => path.dirname(path.resolve(f)) === outDir && path.basename(f).startsWith(REPORT_PREFIX);
  const collected = await collectInputs(inputs, settings, { ...progress.hooks(), skip: ownOutput });
  progress.stop();
  const errors = collected.check.summary.errors;
  const baseline = (opts.baseline as string | undefined) ?? (loaded.config.baseline ? path.resolve(loaded.dir, loaded.config.baseline) : undefined);
  const job = {
    collected,
    config: loaded.config,
    configDir: loaded.dir,
    settings,
    formats,
    baseline: baseline === undefined ? undefined : await readBaseline(baseline, settings),
    templates: opts.template as string | undefined,
    version: version(),
  };
  if (dump) {
    const dumped = await makeReport(job, { until: dump });
    con.out(`${JSON.stringify(dump === 'context' ? dumped.context : dumped.model, null, 2)}\n`);
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
  if (!files.length) throw new Fatal('no-inputs');
  await withOutputLock(outDir, (lock) => publishStaged(outDir, files, lock));
  const written = files.map((f) => {
    const target = path.join(outDir, f.name);
    const rel = path.relative(process.cwd(), target);
    return `  ${rel.startsWith('..') ? target : rel}  (${sizeText(f.data.length)})`;
  });
  con.info([CLI.written[con.lang], ...written, deadlineLine(report.settings.deadline, settings.today, con.lang)]);
  return errors > 0 ? 1 : 0;
}
