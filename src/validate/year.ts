import type { IsoDate } from '../text/vi-date';
import { yearOf } from '../text/vi-date';

/** Dates seen before the year is decided, when the config does not give it. */
const DECIDE_AFTER = 500;

/**
 * The week's year: the config's, else the year most of the first activity dates have. Checks of
 * the dates seen before that is known wait here, so a file can still be read as a stream.
 */
export class YearJudge<T> {
  private year: number | null;
  private readonly pending: { date: IsoDate; item: T }[] = [];

  constructor(
    configured: number | null,
    private readonly onDecided: (year: number) => void,
    private readonly check: (date: IsoDate, item: T, year: number) => void,
  ) {
    this.year = configured;
    if (configured !== null) onDecided(configured);
  }

  /** The year when it is known already (configured or decided): a caller may then judge a date at once, without making its item. */
  get known(): number | null {
    return this.year;
  }

  see(date: IsoDate, item: T): void {
    if (this.year !== null) {
      this.check(date, item, this.year);
      return;
    }
    this.pending.push({ date, item });
    if (this.pending.length >= DECIDE_AFTER) this.decide();
  }

  /** The decided year (after finish), or null when no date was seen and none was configured. */
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
    this.onDecided(year);
    for (const p of this.pending) this.check(p.date, p.item, year);
    this.pending.length = 0;
  }
}
