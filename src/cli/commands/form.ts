import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODES } from '../../catalog/modes';
import { Fatal } from '../../fatal';
import { writeAtomic } from '../../write/atomic';
import type { Console } from '../console';
import { settingsForYear } from '../../config/settings';
import { sizeText } from '../formats';
import { setup, type Setup } from '../setup';
import { CLI } from '../../catalog/cli-messages';

export function formFileName(year: number): string {
  return `bieu-mau-tuan-le-hoc-tap-suot-doi-${year}.xlsx`;
}

/** The form's year: the config's, else the report date's (today unless `report_date` says). */
export function formYear(s: Setup): number {
  return settingsForYear(s.settings, null).year;
}

/**
 * The blank form as bytes, for `form` (from the config found or named) and `init` (which passes
 * a setup with no config at all, so that last year's lllweek.yaml in the current folder neither
 * sets the new form's year nor, when broken, stops `init`).
 */
export async function blankForm(s: Setup): Promise<{ year: number; data: Buffer }> {
  const year = formYear(s);
  const { renderForm } = require('../../render/xlsx/form') as typeof import('../../render/xlsx/form');
  const data = await renderForm({
    year,
    units: s.settings.units,
    activityTypes: s.settings.activityTypes,
    modes: MODES,
    indicators: s.settings.indicators,
    mtime: new Date(Date.UTC(year, 8, 1)),
  });
  return { year, data };
}

/** `lllweek form [--out file.xlsx]`: the blank input workbook to send to units. */
export async function run(_args: unknown[], opts: Record<string, unknown>, con: Console): Promise<number> {
  const s = await setup(opts);
  const file = path.resolve(String(opts.out ?? formFileName(formYear(s))));
  // refuse before any work: an existing file is the clerk's, maybe filled in already
  if (fs.existsSync(file) && opts.force !== true) throw new Fatal('output-exists', { value: file });
  const { data } = await blankForm(s);
  await writeAtomic(file, data);
  con.info([CLI.written[con.lang], `  ${file}  (${sizeText(data.length)})`]);
  return 0;
}
