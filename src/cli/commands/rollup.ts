import * as path from 'node:path';
import { CLI } from '../../catalog/cli-messages';
import { Fatal } from '../../fatal';
import { expandInputs } from '../../read/files';
import { readBaseline } from '../../pipeline/baseline';
import { makeReport } from '../../pipeline/report';
import { rollup } from '../../pipeline/rollup';
import { statusDocument } from '../../pipeline/status';
import { withOutputLock } from '../../write/lock';
import { prepareOutDir, refuseOverlap } from '../../write/out-dir';
import { publishSwitched } from '../../write/switched-set';
import type { Console } from '../console';
import { deadlineLine } from '../dates';
import { parseFormats, sizeText } from '../formats';
import { setup } from '../setup';
import { version } from '../version';

/** `lllweek rollup INBOX --out DIR`: 0 all in; 3 done but some rejected or missing; 2 could not run. */
export async function run(args: unknown[], opts: Record<string, unknown>, con: Console): Promise<number> {
  const inbox = args[0] as string;
  const formats = parseFormats(opts.format);
  const { loaded, settings } = await setup(opts);
  const out = String(opts.out);
  const outDir = path.resolve(out);
  const expanded = await expandInputs([inbox]);
  if (expanded.missing.length) throw new Fatal('input-missing', { value: inbox });
  refuseOverlap(out, inbox);
  prepareOutDir(out);
  const files = expanded.files;
  return withOutputLock(outDir, async (lock) => {
    const result = await rollup(files, settings, { root: loaded.config.agency?.unit ?? null });
    const report = await makeReport({
      collected: result.merged,
      config: loaded.config,
      configDir: loaded.dir,
      settings,
      formats,
      baseline: opts.baseline === undefined ? undefined : await readBaseline(opts.baseline as string, settings),
      templates: opts.template as string | undefined,
      version: version(),
      status: result.units.map(({ issueList: _issueList, ...u }) => u),
      issues: result.merged.check.issues,
      inputs: files,
    });
    const outputs = [...report.files, { name: 'status.json', data: Buffer.from(statusDocument(result, report.settings, con.lang), 'utf8') }];
    await publishSwitched(outDir, outputs, lock);
    const lines = outputs.map((f) => `  ${path.join(outDir, f.name)}  (${sizeText(f.data.length)})`);
    const t = result.totals;
    // a rejected file tied to no unit (unreadable) counts in no unit's total: name every rejected file
    const rejectedFiles = result.submissions
      .filter((s) => s.state === 'rejected')
      .map((s) => CLI.rejectedFile[con.lang]({ file: s.file, errors: s.collected.check.summary.errors }));
    con.info([CLI.written[con.lang], ...lines, CLI.rollupTotals[con.lang](t), ...rejectedFiles, deadlineLine(report.settings.deadline, settings.today, con.lang)]);
    // 3 also for a rejected file tied to no unit (unreadable) or a broken resend of a unit still standing on an older one
    return rejectedFiles.length > 0 || t.rejected > 0 || t.missing > 0 ? 3 : 0;
  });
}
