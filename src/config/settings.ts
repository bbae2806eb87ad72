import * as path from 'node:path';
import { ACTIVITY_TYPES, type ActivityType } from '../catalog/activity-types';
import { INDICATORS, type Indicator } from '../catalog/indicators';
import { MODES, type Mode } from '../catalog/modes';
import { KNOWN_WEEKS } from '../catalog/weeks';
import type { Unit } from '../records/records';
import type { IsoDate } from '../text/vi-date';
import type { ConfigFile } from './schema';
import { today as clockToday } from './today';

export interface Week {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The settings of one run, resolved once from the config and the clock: every stage (checker,
 * aggregation, report, rollup, form, init) reads them here and applies no default of its own.
 * What depends on the week's year is given as configured (null: not given) and read, once the
 * year is known, through `settingsForYear`; the checker reads the week through `weekOf`.
 */
export interface Settings {
  /** The week's year when the config gives it; null: the data decides (the checker's YearJudge). */
  year: number | null;
  /** The week when the config gives it; null: the year's (`weekOf`). */
  week: Week | null;
  /** As configured; null: the known theme of the year, if any (`settingsForYear`). */
  theme: string | null;
  /** As configured; null: 15 October of the year (`settingsForYear`). */
  deadline: IsoDate | null;
  /** The date printed on the report: `report_date`, else today. */
  reportDate: IsoDate;
  /** Decimals shown on rates (vi-VN `73,58%`): `decimals`, else 2. */
  decimals: number;
  /** Today: LLLWEEK_TODAY or the clock (config/today.ts). */
  today: IsoDate;
  activityTypes: ActivityType[];
  modes: Mode[];
  indicators: Indicator[];
  /** The units list the config names, read (validate/units-list.ts); null when it names none. */
  units: Unit[] | null;
}

/** The dated settings once the week's year is known: what the report, the rollup and the form print and judge by. */
export interface WeekSettings {
  year: number;
  week: Week;
  /** null for a year with no known theme and none configured: the report then stops with `theme-unknown`. */
  theme: string | null;
  /** Submissions after this day (in Vietnam) are late. */
  deadline: IsoDate;
  reportDate: IsoDate;
  decimals: number;
  today: IsoDate;
}

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

/** The settings of a run from its config (config.md), its units list, and today (default: LLLWEEK_TODAY or the clock). */
export function resolveSettings(cfg: ConfigFile, units: Unit[] | null, today: IsoDate = clockToday()): Settings {
  return {
    year: cfg.year ?? null,
    week: cfg.week ?? null,
    theme: cfg.theme ?? null,
    deadline: cfg.deadline ?? null,
    reportDate: cfg.report_date ?? today,
    decimals: cfg.decimals ?? 2,
    today,
    activityTypes: activityTypesOf(cfg),
    modes: MODES,
    indicators: indicatorsOf(cfg),
    units,
  };
}

/**
 * The week of `year`: the configured one, else the national week of that year (catalog/weeks.ts),
 * else 1–7 October (config.md: localities shift their week, so the config always wins).
 */
export function weekOf(s: Pick<Settings, 'week'>, year: number): Week {
  if (s.week) return s.week;
  const known = KNOWN_WEEKS[year];
  return known ? { start: known.start, end: known.end } : { start: `${year}-10-01`, end: `${year}-10-07` };
}

/**
 * Every dated setting once the data's year is known (`null`: the data has no dates). The year is
 * the configured one, else the data's, else the report date's; the deadline 15 October of it
 * unless configured (config.md).
 */
export function settingsForYear(s: Settings, dataYear: number | null): WeekSettings {
  const year = s.year ?? dataYear ?? Number(s.reportDate.slice(0, 4));
  return {
    year,
    week: weekOf(s, year),
    theme: s.theme ?? KNOWN_WEEKS[year]?.theme ?? null,
    deadline: s.deadline ?? `${year}-10-15`,
    reportDate: s.reportDate,
    decimals: s.decimals,
    today: s.today,
  };
}

/** A path from the config, relative to the config's folder. */
export function configPath(dir: string, p: string | undefined): string | undefined {
  return p === undefined ? undefined : path.resolve(dir, p);
}
