import type { IsoDate } from '../text/vi-date';

/** The clean rows the checker hands on to aggregation. Rows with errors never become records. */
export interface Source {
  file: string;
  sheet: string | null;
  row: number;
}

export interface Activity {
  unit: string;
  unitName: string | null;
  date: IsoDate;
  endDate: IsoDate | null;
  type: string;
  title: string;
  mode: string;
  sessions: number;
  participants: number;
  /** Photo paths as written (relative to the file) and resolved (absolute), existing ones only. */
  photos: { written: string; path: string }[];
  caption: string | null;
  notes: string | null;
  source: Source;
}

export interface Tally {
  unit: string;
  unitName: string | null;
  /** Figures by column key (population, families_total, …); null where not reported. */
  figures: Record<string, number | null>;
  /** Rates the unit typed, in percent, by `<indicator>_rate` key: checked, never used. */
  typedRates: Record<string, number | null>;
  source: Source;
}

export interface Unit {
  code: string;
  name: string;
  kind: string | null;
  parent: string | null;
}

/** Where the checker sends what it accepts: `validate` drops them, `report` keeps them. */
export interface RecordSink {
  activity(a: Activity): void;
  tally(t: Tally): void;
  unit(u: Unit): void;
}
