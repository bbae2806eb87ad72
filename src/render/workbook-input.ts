import type { Aggregate } from '../aggregate/types';
import type { ActivityType } from '../catalog/activity-types';
import type { Indicator } from '../catalog/indicators';
import type { Mode } from '../catalog/modes';
import type { DocumentModel, ImageStore } from '../document/types';
import type { Issue } from '../records/issue';
import type { Activity, Tally } from '../records/records';

/** Where a rollup stands with one unit (status.json and the workbook's completeness table). */
export interface UnitStatus {
  code: string;
  name: string;
  status: 'submitted' | 'missing' | 'rejected';
  file: string | null;
  time: string | null;
  late: boolean;
  issues: number;
  superseded: string[];
}

/** Everything the output workbook is made from. */
export interface WorkbookInput {
  model: DocumentModel;
  images: ImageStore;
  /** Names (in `images`) of the charts to put on the `Tổng hợp` sheet. */
  charts: string[];
  aggregate: Aggregate;
  activities: Activity[];
  tallies: Tally[];
  activityTypes: ActivityType[];
  modes: Mode[];
  indicators: Indicator[];
  issues: Issue[];
  decimals: number;
  info: {
    year: number;
    week: { start: string; end: string };
    theme: string | null;
    agency: string;
    unit: string | null;
    version: string;
    /** When the report was made, as recorded (from report_date: no clock, so outputs stay identical). */
    generated: string;
    inputs: { file: string; sha256: string }[];
  };
  /** Rollup only: the completeness of submissions, shown on `Kiểm tra`. */
  status?: UnitStatus[];
}
