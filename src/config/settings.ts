import * as path from 'node:path';
import { ACTIVITY_TYPES, type ActivityType } from '../catalog/activity-types';
import { INDICATORS, type Indicator } from '../catalog/indicators';
import { MODES } from '../catalog/modes';
import type { ConfigFile } from './schema';
import type { CheckSettings } from '../validate/check-state';
import type { Unit } from '../records/records';

/** The catalogues in force: the built-in ones, replaced or extended by the config. */
export function activityTypesOf(cfg: ConfigFile): ActivityType[] {
  return cfg.activity_types ?? ACTIVITY_TYPES;
}

/** Config indicators replace a built-in one of the same key, and add the others. */
export function indicatorsOf(cfg: ConfigFile): Indicator[] {
  const own: Indicator[] = (cfg.indicators ?? []).map((i) => ({
    key: i.key,
    label: i.label,
    numerator: i.numerator,
    denominator: i.denominator,
    fallbackDenominator: i.fallback_denominator,
    unit: i.unit,
    targets: i.targets,
  }));
  const replaced = new Set(own.map((i) => i.key));
  return [...INDICATORS.filter((i) => !replaced.has(i.key)), ...own];
}

export function checkSettingsOf(cfg: ConfigFile, units: Unit[] | null): CheckSettings {
  return {
    year: cfg.year ?? null,
    week: cfg.week ?? null,
    activityTypes: activityTypesOf(cfg),
    modes: MODES,
    indicators: indicatorsOf(cfg),
    units,
  };
}

/** A path from the config, relative to the config's folder. */
export function configPath(dir: string, p: string | undefined): string | undefined {
  return p === undefined ? undefined : path.resolve(dir, p);
}
