import type { IsoDate } from '../text/vi-date';
import { yearOf } from '../text/vi-date';

/** Dates seen before the year is decided, when the config does not give it. */
const DECIDE_AFTER = 500;

/**
 * The week's year: the config's, else the year most of the first activity dates have. The
 * judgement of a date seen before that is known waits here, so a file can still be read as a
 * stream; `then` runs once the year is decided (at once when it is known already).
 */
export class YearJudge {
  private year: number | null;
  private readonly pending: { date: IsoDate; then: (year: number) => void }[] = [];

  constructor(configured: number | null) {
    this.year = configured;
  }

  /** The year when it is known already (configured or decided): a caller may then judge a date at once. */
  get known(): number | null {
    return this.year;
  }

  see(date: IsoDate, then: (year: number) => void): void {
    if (this.year !== null) {
      then(this.year);
      return;
    }
    this.pending.push({ date, then });
    if (this.pending.length >= DECIDE_AFTER) this.decide();
  }

  /** The decided year (after every input), or null when no date was seen and none was configured. */
  finish(): number | null {
    if (this.year === null && this.pending.length > 0) this.decide();
    return this.year;
  }

  private decide(): void {
    const counts = new Map<number, number>();
    for (const p of this.pending) counts.set(yearOf(p.date), (counts.get(yearOf(p.date)) ?? 0) + 1);
    // Most frequent year; ties go to the later year (a report is about the latest week).
    const year = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    this.year = year;
    for (const p of this.pending) p.then(year);
    this.pending.length = 0;
  }
}
