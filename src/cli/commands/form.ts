import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODES } from '../../catalog/modes';
import { Fatal } from '../../fatal';
import { writeAtomic } from '../../write/atomic';
import type { Console } from '../console';
import { today } from '../dates';
import { sizeText } from '../formats';
import { setup } from '../setup';
import { CLI } from '../../catalog/cli-messages';

export function formFileName(year: number): string {
  return `bieu-mau-tuan-le-hoc-tap-suot-doi-${year}.xlsx`;
}

/** The blank form as bytes, for `form` and `init`. */
export async function blankForm(opts: Record<string, unknown>, con: Console): Promise<{ year: number; data: Buffer }> {
  const { loaded, settings } = await setup(opts, con);
  const year = loaded.config.year ?? Number(today().slice(0, 4));
  const { renderForm } = require('../../render/form') as typeof import('../../render/form');
  const data = await renderForm({
    year,
    units: settings.units,
    activityTypes: settings.activityTypes,
    modes: MODES,
    indicators: settings.indicators,
    mtime: new Date(Date.UTC(year, 8, 1)),
  });
  return { year, data };
}

/** `lllweek form [--out file.xlsx]`: the blank input workbook to send to units. */
export async function run(_args: unknown[], opts: Record<string, unknown>, con: Console): Promise<number> {
  const { year, data } = await blankForm(opts, con);
  const file = path.resolve(String(opts.out ?? formFileName(year)));
  if (fs.existsSync(file) && opts.force !== true) throw new Fatal('output-exists', { value: file });
  await writeAtomic(file, data);
  con.info(`${CLI.written[con.lang]}\n  ${file}  (${sizeText(data.length)})`);
  return 0;
}
