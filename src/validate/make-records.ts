import { TALLY_FIGURES, type TableKind } from '../catalog/columns';
import type { Activity, RecordSink, Source, Tally, Unit } from '../records/records';
import type { TypedRate } from './cells';
import type { CheckSettings } from './checks/check';
import type { RowContext } from './row-context';

/** Where the row sits, for the record (the report's appendix and the workbook cite it). */
const sourceOf = (ctx: RowContext): Source => ({ file: ctx.file, sheet: ctx.sheet, row: ctx.row });

/**
 * A clean row's record, from the values the checks parsed and refined, handed on (at once, or when
 * a check that holds it releases it). Only rows with no error get here, so every required value
 * is present; a blank `sessions` is one session (inputs.md).
 */
export const RECORD_OF: Record<TableKind, (ctx: RowContext, records: RecordSink, settings: CheckSettings) => void> = {
  activities: (ctx, records) => {
    const activity: Activity = {
      unit: ctx.get<string>('unit_code')!,
      unitName: ctx.get<string>('unit_name'),
      date: ctx.get<string>('date')!,
      endDate: ctx.get<string>('end_date'),
      type: ctx.get<string>('type')!,
      title: ctx.get<string>('title')!,
      mode: ctx.get<string>('mode')!,
      sessions: ctx.get<number>('sessions') ?? 1,
      participants: ctx.get<number>('participants')!,
      photos: ctx.get<Activity['photos']>('photos') ?? [],
      caption: ctx.get<string>('caption'),
      notes: ctx.get<string>('notes'),
      source: sourceOf(ctx),
    };
    ctx.accept(activity, (a) => records.activity(a));
  },
  tallies: (ctx, records, settings) => {
    const figures: Record<string, number | null> = {};
    for (const col of TALLY_FIGURES) figures[col.key] = ctx.get<number>(col.key);
    const typedRates: Record<string, number | null> = {};
    for (const ind of settings.indicators) typedRates[`${ind.key}_rate`] = ctx.get<TypedRate>(`${ind.key}_rate`)?.percent ?? null;
    const tally: Tally = { unit: ctx.get<string>('unit_code')!, unitName: ctx.get<string>('unit_name'), figures, typedRates, source: sourceOf(ctx) };
    ctx.accept(tally, (t) => records.tally(t));
  },
  units: (ctx, records) => {
    const unit: Unit = { code: ctx.get<string>('code')!, name: ctx.get<string>('name')!, kind: ctx.get<string>('kind'), parent: ctx.get<string>('parent') };
    ctx.accept(unit, (u) => records.unit(u));
  },
};
