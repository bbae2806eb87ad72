import { loadConfig, type LoadedConfig } from '../config/load';
import { checkSettingsOf } from '../config/settings';
import type { CheckSettings } from '../validate/check-state';
import { loadUnitsList } from '../validate/units-list';
import type { Console } from './console';

export interface Setup {
  loaded: LoadedConfig;
  settings: CheckSettings;
}

/** The config (found or named), its units list, and the checker's settings: what every data command starts from. */
export async function setup(opts: Record<string, unknown>, con: Console): Promise<Setup> {
  const loaded = loadConfig(opts.config as string | undefined);
  const units = await loadUnitsList(loaded.config.units, loaded.dir, con.lang);
  return { loaded, settings: checkSettingsOf(loaded.config, units) };
}
