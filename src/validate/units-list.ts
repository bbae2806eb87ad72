import * as fs from 'node:fs';
import * as path from 'node:path';
import { INDICATORS } from '../catalog/indicators';
import { Fatal } from '../fatal';
import type { Unit } from '../records/records';
import { checkFiles } from './run';

/**
 * The units list the config names (`units:`, config.md): inline, or a file read and checked like
 * any input. Throws Fatal `units-unreadable` when the file does not exist, has an error, holds no
 * `Danh mục đơn vị` table (its first issue says what was seen), or lists no unit.
 */
export async function loadUnitsList(units: string | { code: string; name: string; kind?: string; parent?: string }[] | undefined, baseDir: string): Promise<Unit[] | null> {
  if (units === undefined) return null;
  if (Array.isArray(units)) return units.map((u) => ({ code: u.code, name: u.name, kind: u.kind ?? null, parent: u.parent ?? null }));
  const file = path.resolve(baseDir, units);
  if (!fs.existsSync(file)) throw new Fatal('units-unreadable', { value: units, reason: 'not-found' });
  const list: Unit[] = [];
  const result = await checkFiles(
    [file],
    { year: null, week: null, activityTypes: [], modes: [], indicators: INDICATORS, units: null },
    { activity: () => undefined, tally: () => undefined, unit: (u) => list.push(u) },
  );
  const problem = result.issues.find((i) => i.severity === 'error') ?? (result.tables.some((t) => t.kind === 'units') ? null : result.issues[0]);
  if (problem) throw new Fatal('units-unreadable', { value: units, issue: problem });
  if (list.length === 0) throw new Fatal('units-unreadable', { value: units, reason: 'no-units' });
  return list;
}
