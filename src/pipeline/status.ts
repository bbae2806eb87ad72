import type { Lang } from '../catalog/lang';
import type { ReportSettings } from '../compose/report-settings';
import { issueJson } from '../records/issue';
import type { RollupResult } from './rollup';

/**
 * `status.json`, for the job that runs the rollup: per unit and per submission, and the totals.
 * Nothing in it depends on the clock, so an unchanged inbox gives the same bytes. The issues as
 * `validate --format json` gives them, their messages in `lang`, the CLI's.
 */
export function statusDocument(r: RollupResult, s: ReportSettings, lang: Lang): string {
  const doc = {
    agency: { unit: r.root, name: s.agency.name },
    year: s.year,
    deadline: s.deadline,
    totals: r.totals,
    units: r.units.map((u) => ({
      code: u.code,
      name: u.name,
      status: u.status,
      file: u.file,
      time: u.time,
      late: u.late,
      issues: u.issueList.map((i) => issueJson(i, lang)),
      superseded: u.superseded,
    })),
    submissions: r.submissions.map((x) => ({
      file: x.file,
      unit: x.unit,
      time: x.time,
      late: x.late,
      state: x.state,
      supersededBy: x.supersededBy,
      errors: x.collected.check.summary.errors,
      warnings: x.collected.check.summary.warnings,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
