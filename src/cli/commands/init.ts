import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { CLI } from '../../catalog/cli-messages';
import { Fatal } from '../../fatal';
import { BUILTIN_TEMPLATES } from '../../compose/templates';
import { writeAtomic } from '../../write/atomic';
import type { Console } from '../console';
import { blankForm, formFileName, formYear } from './form';
import { resolveSettings } from '../../config/settings';
import type { Setup } from '../setup';

const SAMPLES = ['lllweek.yaml', 'narrative.md'];

/** `lllweek init [dir]`: a commented config, a narrative to fill in and the blank form; never overwrites without --force. */
export async function run(args: unknown[], opts: Record<string, unknown>, con: Console): Promise<number> {
  const dir = path.resolve(String(args[0] ?? '.'));
  // A fresh start: no config is read (not even ./lllweek.yaml), the year is today's.
  const none: Setup = { loaded: { config: {}, dir, file: null }, settings: resolveSettings({}, null) };
  const year = formYear(none);
  const samples = SAMPLES.map((name) => ({
    name,
    data: Handlebars.compile(fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'init', name), 'utf8'), { noEscape: true })({ year, lastYear: year - 1 }),
  }));
  const names = [...SAMPLES, formFileName(year)];
  const existing = names.map((n) => path.join(dir, n)).filter((f) => fs.existsSync(f));
  if (existing.length && opts.force !== true) throw new Fatal('output-exists', { value: existing[0] });
  const files: { name: string; data: Buffer | string }[] = [...samples, { name: formFileName(year), data: (await blankForm(none)).data }];
  for (const f of files) await writeAtomic(path.join(dir, f.name), f.data);
  con.info([CLI.written[con.lang], ...files.map((f) => `  ${path.join(dir, f.name)}`)]);
  return 0;
}
