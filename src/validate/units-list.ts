import * as path from 'node:path';
import type { Lang } from '../catalog/messages';
import { Fatal } from '../fatal';
import { INDICATORS } from '../catalog/indicators';
import type { Unit } from '../records/records';
import { checkFiles } from './run';
import * as fs from 'node:fs';

/** The units list the config names (`units:`), read and checked like any input; any error stops the run. */
export async function loadUnitsList(units: string | { code: string; name: string; kind?: string; parent?: string }[] | undefined, baseDir: string, lang: Lang): Promise<Unit[] | null> {
  if (units === undefined) return null;
  if (Array.isArray(units)) return units.map((u) => ({ code: u.code, name: u.name, kind: u.kind ?? null, parent: u.parent ?? null }));
  const file = path.resolve(baseDir, units);
  if (!fs.existsSync(file)) throw new Fatal('units-unreadable', { value: units, detail: lang === 'vi' ? 'không tồn tại' : 'does not exist' });
  const list: Unit[] = [];
  const result = await checkFiles(
    [file],
    { year: null, week: null, activityTypes: [], modes: [], indicators: INDICATORS, units: null },
    { activity: () => undefined, tally: () => undefined, unit: (u) => list.push(u) },
    lang,
  );
  const problem = result.issues.find((i) => i.severity === 'error') ?? (result.tables.some((t) => t.kind === 'units') ? null : result.issues[0]);
  if (problem) throw new Fatal('units-unreadable', { value: units, detail: `${problem.row ? `${problem.row}: ` : ''}${problem.message}` });
  if (list.length === 0) throw new Fatal('units-unreadable', { value: units, detail: lang === 'vi' ? 'không có đơn vị nào' : 'no units in it' });
  return list;
}
