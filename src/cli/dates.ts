// The function's own module: the date-fns index costs ~100 ms to load.
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { CLI } from '../catalog/cli-messages';
import type { Lang } from '../catalog/messages';
import { dateFromIso, formatViDate } from '../text/vi-date';

/** Today as the clerk's calendar says; LLLWEEK_TODAY (yyyy-mm-dd) pins it for scripts and tests. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LLLWEEK_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.LLLWEEK_TODAY)) return env.LLLWEEK_TODAY;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Hạn nộp 15/10/2025: còn 3 ngày", or that it has passed. */
export function deadlineLine(deadline: string, todayIso: string, lang: Lang): string {
  const days = differenceInCalendarDays(dateFromIso(deadline), dateFromIso(todayIso));
  const date = formatViDate(deadline);
  if (days > 0) return CLI.deadlineLeft[lang]({ date, days });
  if (days === 0) return CLI.deadlineToday[lang]({ date });
  return CLI.deadlinePassed[lang]({ date, days: -days });
}
