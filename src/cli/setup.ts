import { loadConfig, type LoadedConfig } from '../config/load';
import { resolveSettings, type Settings } from '../config/settings';
import { loadUnitsList } from '../validate/units-list';

export interface Setup {
  loaded: LoadedConfig;
  settings: Settings;
}

/** The config (found or named), its units list, and the run's settings resolved from them: what every data command starts from. */
export async function setup(opts: Record<string, unknown>): Promise<Setup> {
  const loaded = loadConfig(opts.config as string | undefined);
  const units = await loadUnitsList(loaded.config.units, loaded.dir);
  return { loaded, settings: resolveSettings(loaded.config, units) };
}
