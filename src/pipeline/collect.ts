import type { CheckSettings } from '../validate/checks/check';
import type { Activity, Tally, Unit } from '../records/records';
import { checkFiles, checkInputs, type CheckHooks, type CheckResult } from '../validate/run';

/** The checked inputs and the clean records they gave. */
export interface Collected {
  check: CheckResult;
  activities: Activity[];
  tallies: Tally[];
  /** The units list in force: the config's, then those found among the inputs. */
  units: Map<string, Unit>;
}

function sinkInto(c: Omit<Collected, 'check'>) {
  return {
    activity: (a: Activity) => void c.activities.push(a),
    tally: (t: Tally) => void c.tallies.push(t),
    unit: (u: Unit) => void (c.units.has(u.code) || c.units.set(u.code, u)),
  };
}

function start(settings: CheckSettings): Omit<Collected, 'check'> {
  return { activities: [], tallies: [], units: new Map((settings.units ?? []).map((u) => [u.code, u])) };
}

/** Check inputs given on the command line (files or folders) and keep what they hold. */
export async function collectInputs(inputs: string[], settings: CheckSettings, hooks?: CheckHooks): Promise<Collected> {
  const c = start(settings);
  const check = await checkInputs(inputs, settings, sinkInto(c), hooks);
  return { ...c, check };
}

/** The same for a list of files already found (rollup: one submission). */
export async function collectFiles(files: string[], settings: CheckSettings): Promise<Collected> {
  const c = start(settings);
  const check = await checkFiles(files, settings, sinkInto(c));
  return { ...c, check };
}
