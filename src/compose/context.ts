import type { Aggregate, Tally3 } from '../aggregate/types';
import type { ActivityType } from '../catalog/activity-types';
import type { Indicator } from '../catalog/indicators';
import type { Mode } from '../catalog/modes';
import type { Activity } from '../records/records';
import { formatAdminDate, formatViDate } from '../text/vi-date';
import { CONTEXT_VERSION, type ReportContext } from './context-schema';
import type { Narrative } from './narrative';
import type { ReportSettings } from '../compose/report-settings';

/** A photo ready for the document: its name in the image store and its caption. */
export interface PhotoRef {
  image: string;
  caption: string;
}

export interface ContextInput {
  settings: ReportSettings;
  aggregate: Aggregate;
  activities: Activity[];
  activityTypes: ActivityType[];
  modes: Mode[];
  indicators: Indicator[];
  narrative: Narrative;
  charts: { activities: string | null; rates: string | null; change: string | null };
  photos: PhotoRef[];
  baselineYear: number | null;
  version: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The appendix's order: by date, then unit code, then the row in its file (a stable sort keeps files in reading order). */
const byDateUnitRow = (a: Activity, b: Activity) =>
  (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) || a.source.row - b.source.row;

/**
 * The first `limit` activities in appendix order. A national report has 200 000 and shows 1 000:
 * only the days that hold the first `limit` are sorted (a week has a handful of days), which gives
 * the same rows in the same order as sorting them all.
 */
export function firstInOrder(activities: readonly Activity[], limit: number): Activity[] {
  if (activities.length <= limit) return [...activities].sort(byDateUnitRow);
  const perDay = new Map<string, number>();
  for (const a of activities) perDay.set(a.date, (perDay.get(a.date) ?? 0) + 1);
  let last = '';
  let count = 0;
  for (const day of [...perDay.keys()].sort()) {
    last = day;
    count += perDay.get(day)!;
    if (count >= limit) break;
  }
  return activities.filter((a) => a.date <= last).sort(byDateUnitRow).slice(0, limit);
}

/**
 * The JSON every template receives (`lllweek report --dump-context` prints it): plain data,
 * already in the shapes the default templates walk; formatting is left to the helpers. Its
 * shape is declared, field by field, in context-schema.ts.
 */
export function buildContext(input: ContextInput): ReportContext {
  const { settings: s, aggregate: agg } = input;
  const typeLabel = new Map(input.activityTypes.map((t) => [t.key, t.label]));
  const modeLabel = new Map(input.modes.map((m) => [m.key, m.label]));
  const modes = input.modes.map((m) => ({ key: m.key, label: m.label, ...agg.activities.byMode[m.key] }));
  const modeList = (byMode: Record<string, Tally3>) =>
    input.modes.map((m) => ({ key: m.key, label: m.label, lower: m.label.toLocaleLowerCase('vi'), ...byMode[m.key] }));

  const shown = firstInOrder(input.activities, s.appendixLimit);
  const total = input.activities.length;
  const unitName = new Map(agg.units.map((u) => [u.code, u.name]));
  const participating = agg.units.filter((u) => u.activities.count > 0);

  return {
    contextVersion: CONTEXT_VERSION,
    generator: `lllweek ${input.version}`,
    year: s.year,
    theme: s.theme,
    week: s.week,
    deadline: s.deadline,
    reportDate: s.reportDate,
    decimals: s.decimals,
    agency: s.agency,
    place: s.place,
    // No-break spaces: the room left to write the number by hand must survive HTML's white-space folding.
    numberLine: `Số: ${s.number === null ? '\u00a0'.repeat(6) : pad2(s.number)}/BC${s.agency.code ? `-${s.agency.code}` : ''}`,
    placeDate: `${s.place ? `${s.place}, ` : ''}${formatAdminDate(s.reportDate)}`,
    basis: s.basis,
    signer: s.signer,
    recipients: s.recipients,
    title: 'BÁO CÁO',
    subject: `Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm ${s.year}`,
    activities: {
      total: agg.activities.total,
      first: agg.activities.first,
      last: agg.activities.last,
      modes,
      byType: agg.activities.byType.map((t) => ({
        key: t.type,
        label: t.label,
        noun: t.noun,
        total: t.total,
        modes: modeList(t.byMode),
        /** Modes other than in person that occurred: "trong đó 12 trực tuyến". */
        remoteModes: modeList(t.byMode).filter((m) => m.key !== input.modes[0]?.key && m.count > 0),
      })),
      unitsTookPart: participating.length,
      units: participating.map((u) => ({ code: u.code, name: u.name, ...u.activities })),
    },
    society: {
      indicators: agg.indicators,
      hasBaseline: input.baselineYear !== null && agg.indicators.some((i) => i.baseline !== null),
      baselineYear: input.baselineYear,
      hasTargets: agg.indicators.some((i) => i.target !== null),
      units: agg.units
        .filter((u) => u.hasTally)
        .map((u) => ({ code: u.code, name: u.name, rates: input.indicators.map((ind) => ({ key: ind.key, rate: u.rates[ind.key] ?? null })) })),
      columns: input.indicators.map((i) => ({ key: i.key, label: i.label })),
    },
    narrative: input.narrative,
    charts: input.charts,
    photos: input.photos,
    appendix: {
      total,
      shown: shown.length,
      capped: shown.length < total,
      rows: shown.map((a) => ({
        when: formatViDate(a.date) + (a.endDate && a.endDate !== a.date ? ` - ${formatViDate(a.endDate)}` : ''),
        unit: unitName.get(a.unit) ?? a.unitName ?? a.unit,
        type: typeLabel.get(a.type) ?? a.type,
        title: a.title,
        mode: modeLabel.get(a.mode) ?? a.mode,
        sessions: a.sessions,
        participants: a.participants,
      })),
    },
  };
}
