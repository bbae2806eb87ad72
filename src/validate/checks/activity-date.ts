import { weekOf, type Week } from '../../config/settings';
import { formatViDate, type IsoDate } from '../../text/vi-date';
import type { Check } from './check';

/** The issue an activity's date gets once the week's year is known, or null when it lies in the week. */
function judge(date: IsoDate, year: number, week: Week) {
  if (Number(date.slice(0, 4)) !== year) return { code: 'date-wrong-year' as const, params: { year } };
  if (date < week.start || date > week.end) return { code: 'date-outside-week' as const, params: { week: `${formatViDate(week.start)}–${formatViDate(week.end)}` } };
  return null;
}

/**
 * An activity dated in another year than the week's (an error: the activity stays out of the
 * report) or outside the week of that year (a warning: localities shift their week). Until the
 * year is known (config.md: the config's, else the year of most dates) a row's judgement, and its
 * record, wait in the run's YearJudge.
 */
export const activityDate: Check = {
  name: 'activity-date',
  meta: { description: 'an activity dated in another year, or outside the week', codes: ['date-wrong-year', 'date-outside-week'], kinds: ['activities'] },
  create: (run) => {
    // One year per run: its week is looked up once.
    let week: { year: number; week: Week } | null = null;
    const weekIn = (year: number) => (week?.year === year ? week : (week = { year, week: weekOf(run.settings, year) })).week;
    return {
      row(ctx) {
        const date = ctx.get<IsoDate>('date');
        if (date === null) return;
        const year = run.year.known;
        if (year !== null) {
          const issue = judge(date, year, weekIn(year));
          if (issue) ctx.report(issue.code, 'date', issue.params);
          return;
        }
        const place = ctx.place('date');
        const table = ctx.table;
        const held = ctx.hold();
        run.year.see(date, (decided) => {
          const issue = judge(date, decided, weekIn(decided));
          if (issue) run.report(issue.code, place, issue.params, table);
          held.release(issue?.code !== 'date-wrong-year');
        });
      },
    };
  },
};
