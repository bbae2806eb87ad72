import type { ActivityType } from '../catalog/activity-types';
import type { Indicator } from '../catalog/indicators';
import { DEFAULT_MODE, type Mode } from '../catalog/modes';
import { defaultWeek, KNOWN_WEEKS } from '../catalog/weeks';
import { EnumIndex } from './enum-index';
import type { IssueSink } from './issue-sink';
import type { RecordSink } from '../records/records';
import type { RowContext } from './row-context';
import { UnitRegistry } from './units';
import { RowHashIndex } from './row-hash';
import { YearJudge } from './year';
import { judgeDate, type DatedActivity } from './check-activities';
import type { Unit } from '../records/records';

/** What the checker needs to know from the settings. */
export interface CheckSettings {
  year: number | null;
  week: { start: string; end: string } | null;
  activityTypes: ActivityType[];
  modes: Mode[];
  indicators: Indicator[];
  units: Unit[] | null;
}

/** State shared by all the tables of one run: catalogues, the units list, the year, duplicates. */
export class CheckState {
  readonly types: EnumIndex;
  readonly modes: EnumIndex;
  readonly defaultMode = DEFAULT_MODE;
  readonly units: UnitRegistry;
  readonly dates: YearJudge<DatedActivity>;
  /** First row of each unit's tallies, for `unit-duplicate`. */
  readonly tallySeen = new Map<string, string>();
  /** Row hash → first row, per table, for `row-duplicate`. */
  private rowsSeen = new RowHashIndex();
  private seenTable = -1;

  constructor(
    readonly settings: CheckSettings,
    readonly sink: IssueSink,
    readonly records: RecordSink,
  ) {
    this.types = new EnumIndex(settings.activityTypes);
    this.modes = new EnumIndex(settings.modes);
    this.units = new UnitRegistry(settings.units);
    this.dates = new YearJudge<DatedActivity>(settings.year, () => undefined, (date, item, year) => judgeDate(this, date, item, year));
  }

  week(year: number): { start: string; end: string } {
    if (this.settings.week) return this.settings.week;
    return KNOWN_WEEKS[year] ?? defaultWeek(year);
  }

  lookupEnum(ctx: RowContext, key: string, text: string, index: EnumIndex, flag: { bad: boolean }): string | null {
    const hit = index.lookup(text);
    if (hit) return hit;
    flag.bad = true;
    this.sink.add('enum-unknown', ctx.place(key, text), { label: ctx.label(key), suggestion: index.nearest(text), expected: index.labels.join('; ') }, ctx.table);
    return null;
  }

  duplicateRow(ctx: RowContext, hash: number): void {
    if (ctx.table !== this.seenTable) {
      this.rowsSeen = new RowHashIndex();
      this.seenTable = ctx.table;
    }
    const first = this.rowsSeen.firstOrAdd(hash, ctx.row);
    if (first >= 0) this.sink.add('row-duplicate', { file: ctx.file, sheet: ctx.sheet, row: ctx.row, column: null, cell: null, value: null }, { other: `${this.rowWord()} ${first}` }, ctx.table);
  }

  rowWord(): string {
    return this.sink.lang === 'vi' ? 'dòng' : 'row';
  }
}
