/**
 * Last year's output workbook (`--baseline`, or `baseline:` in the config): read with the other
 * inputs, by the same checker, before anything is aggregated; its tallies give last year's
 * rates, which the report sets beside this year's.
 */
import * as path from 'node:path';
import { aggregate } from '../aggregate/aggregate';
import { withBaseline } from '../aggregate/indicators';
import type { Aggregate } from '../aggregate/types';
import type { Mode } from '../catalog/modes';
import { Fatal } from '../fatal';
import type { CheckSettings } from '../validate/checks/check';
import { collectFiles, type Collected } from './collect';

/** The baseline as read: what it was given as, and its checked records. */
export interface Baseline {
  file: string;
  collected: Collected;
}

/**
 * Reads the baseline workbook with the checker's settings but no year, week or units list of
 * its own (last year's units may differ). Throws Fatal `baseline-unreadable` (with the file as
 * given and the reason) when the file cannot be read or holds no tallies sheet.
 */
export async function readBaseline(file: string, settings: CheckSettings): Promise<Baseline> {
  let collected: Collected;
  try {
    collected = await collectFiles([path.resolve(file)], { ...settings, year: null, week: null, units: null });
  } catch (e) {
    throw e instanceof Fatal ? e : new Fatal('baseline-unreadable', { value: file, detail: (e as Error).message });
  }
  const problem = collected.check.issues.find((i) => i.code === 'file-unreadable');
  if (problem) throw new Fatal('baseline-unreadable', { value: file, issue: problem });
  if (collected.tallies.length === 0) throw new Fatal('baseline-unreadable', { value: file, reason: 'no-tallies' });
  return { file, collected };
}

/**
 * This year's aggregate with the baseline's indicators beside its own (`baseline` and `change`
 * of each indicator, rates rounded to `decimals` for the change), and the baseline's year: the
 * one its data says, else the year before `year`.
 */
export function addBaseline(
  current: Aggregate,
  baseline: Baseline,
  input: { year: number; decimals: number; settings: CheckSettings; modes: Mode[] },
): { aggregate: Aggregate; year: number } {
  const c = baseline.collected;
  const year = c.check.year ?? input.year - 1;
  const before = aggregate({
    activities: c.activities,
    tallies: c.tallies,
    units: c.units,
    activityTypes: input.settings.activityTypes,
    modes: input.modes,
    indicators: input.settings.indicators,
    year,
  });
  return { aggregate: { ...current, indicators: withBaseline(current.indicators, before.indicators, year, input.decimals) }, year };
}
