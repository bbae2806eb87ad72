import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { CLI } from '../../catalog/cli-messages';
import { Fatal } from '../../fatal';
import { BUILTIN_TEMPLATES } from '../../model/templates';
import { writeAtomic } from '../../write/atomic';
import type { Console } from '../console';
import { blankForm, formFileName } from './form';

const SAMPLES = ['lllweek.yaml', 'narrative.md'];

/** `lllweek init [dir]`: a commented config, a narrative to fill in and the blank form; never overwrites without --force. */
export async function run(args: unknown[], opts: Record<string, unknown>, con: Console): Promise<number> {
  const dir = path.resolve(String(args[0] ?? '.'));
  const { year, data } = await blankForm({ ...opts, config: undefined }, con);
  const files: { name: string; data: Buffer | string }[] = [
    ...SAMPLES.map((name) => ({
      name,
      data: Handlebars.compile(fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'init', name), 'utf8'), { noEscape: true })({ year, lastYear: year - 1 }),
    })),
    { name: formFileName(year), data },
  ];
  const existing = files.map((f) => path.join(dir, f.name)).filter((f) => fs.existsSync(f));
  if (existing.length && opts.force !== true) throw new Fatal('output-exists', { value: existing[0] });
  for (const f of files) await writeAtomic(path.join(dir, f.name), f.data);
  con.info(`${CLI.written[con.lang]}\n${files.map((f) => `  ${path.join(dir, f.name)}`).join('\n')}`);
  return 0;
}
