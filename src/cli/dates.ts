// The function's own module: the date-fns index costs ~100 ms to load.
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { CLI } from '../catalog/cli-messages';
import type { Lang } from '../catalog/lang';
import { dateFromIso, formatViDate } from '../text/vi-date';

/** "Hạn nộp 15/10/2025: còn 3 ngày", or that it has passed. */
export function deadlineLine(deadline: string, todayIso: string, lang: Lang): string {
  const days = differenceInCalendarDays(dateFromIso(deadline), dateFromIso(todayIso));
  const date = formatViDate(deadline);
  if (days > 0) return CLI.deadlineLeft[lang]({ date, days });
  if (days === 0) return CLI.deadlineToday[lang]({ date });
  return CLI.deadlinePassed[lang]({ date, days: -days });
}
