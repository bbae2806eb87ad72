import type { IsoDate } from '../text/vi-date';

/**
 * Today as the clerk's calendar says (the machine's local date), or LLLWEEK_TODAY (yyyy-mm-dd),
 * which pins it for scripts and tests. The one place the program reads the clock for a date: every
 * stage gets it from the settings (`Settings.today`).
 */
export function today(env: NodeJS.ProcessEnv = process.env): IsoDate {
  if (env.LLLWEEK_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.LLLWEEK_TODAY)) return env.LLLWEEK_TODAY;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
