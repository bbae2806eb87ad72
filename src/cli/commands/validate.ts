import type { Console } from '../console';
import { setup } from '../setup';
import { checkInputs } from '../../validate/run';
import { formatIssuesJson, formatIssuesText, useColor } from '../output';
import { Progress } from '../progress';

const DROP = { activity: () => undefined, tally: () => undefined, unit: () => undefined };

/** `lllweek validate`: exit 0 no errors, 1 errors (or warnings with --strict); 2 is raised as Fatal. */
export async function run(args: unknown[], opts: Record<string, unknown>, con: Console): Promise<number> {
  const inputs = args[0] as string[];
  const { settings } = await setup(opts);
  const progress = new Progress(con);
  const result = await checkInputs(inputs, settings, DROP, progress.hooks());
  progress.stop();
  con.out(opts.format === 'json' ? formatIssuesJson(result, con.lang) : formatIssuesText(result, con.lang, useColor(process.stdout)));
  const failed = result.summary.errors > 0 || (opts.strict === true && result.summary.warnings > 0);
  return failed ? 1 : 0;
}
