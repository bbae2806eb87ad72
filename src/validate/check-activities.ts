import { EXPECTED, type MsgParams } from '../catalog/messages';
import type { IsoDate } from '../text/vi-date';
import { formatViDate } from '../text/vi-date';
import { parseCode, parseDate, parseText, parseWhole, type Parsed } from './cells';
import { checkPhoto } from './photos';
import { PHOTO_REASONS } from '../catalog/messages';
import { rowHash } from './row-hash';
import type { Activity } from '../records/records';
import type { RowContext } from './row-context';
import type { CheckState } from './check-state';

/** Turns a parse failure into its issue; answers the value or null. */
export function take<T>(state: CheckState, ctx: RowContext, key: string, parsed: Parsed<T>, flag: { bad: boolean }): T | null {
  if (parsed.ok) return parsed.value;
  flag.bad = true;
  const expected = EXPECTED[parsed.expected]?.[state.sink.lang] ?? parsed.expected;
  state.sink.add(parsed.code, ctx.place(key), { label: ctx.label(key), expected }, ctx.table);
  return null;
}

/** A required cell: a parse failure is reported by `take`; a true blank is `cell-required`. */
export function required<T>(state: CheckState, ctx: RowContext, key: string, parsed: Parsed<T>, flag: { bad: boolean }): T | null {
  if (!parsed.ok) return take(state, ctx, key, parsed, flag);
  if (parsed.value === null) {
    flag.bad = true;
    if (ctx.has(key)) state.sink.add('cell-required', ctx.place(key, null), { label: ctx.label(key) }, ctx.table);
  }
  return parsed.value;
}

/** One activities row: every cell checked, the record handed on only when no error was found. */
export function checkActivity(state: CheckState, ctx: RowContext): void {
  const flag = { bad: false };
  const req = <T>(parsed: Parsed<T>, key: string) => required(state, ctx, key, parsed, flag);

  const unit = req(parseCode(ctx.value('unit_code')), 'unit_code');
  const unitName = take(state, ctx, 'unit_name', parseText(ctx.value('unit_name')), flag);
  const date = req(parseDate(ctx.value('date')), 'date');
  const endDate = take(state, ctx, 'end_date', parseDate(ctx.value('end_date')), flag);
  if (date && endDate && endDate < date) {
    flag.bad = true;
    state.sink.add('cell-range', ctx.place('end_date'), { label: ctx.label('end_date'), expected: EXPECTED.endAfterStart[state.sink.lang] }, ctx.table);
  }
  const typeText = req(parseText(ctx.value('type')), 'type');
  const type = typeText === null ? null : state.lookupEnum(ctx, 'type', typeText, state.types, flag);
  const title = req(parseText(ctx.value('title')), 'title');
  const modeText = take(state, ctx, 'mode', parseText(ctx.value('mode')), flag);
  const mode = modeText === null ? state.defaultMode : state.lookupEnum(ctx, 'mode', modeText, state.modes, flag);
  const sessions = take(state, ctx, 'sessions', parseWhole(ctx.value('sessions'), 1, 'sessions'), flag) ?? 1;
  const participants = req(parseWhole(ctx.value('participants'), 0, 'count'), 'participants');
  const photos = checkPhotos(state, ctx, take(state, ctx, 'photos', parseText(ctx.value('photos')), flag), flag);
  const caption = take(state, ctx, 'caption', parseText(ctx.value('caption')), flag);
  const notes = take(state, ctx, 'notes', parseText(ctx.value('notes')), flag);

  state.duplicateRow(ctx, rowHash(ctx.raw.cells, ctx.mapping.byIndex));
  if (unit !== null && !state.units.clean(unit, unitName) && !state.units.reference(state.sink, unitRef(ctx, unit, unitName))) flag.bad = true;
  if (date === null) return;

  const activity: Activity | null =
    unit !== null && type !== null && title !== null && participants !== null && mode !== null && !flag.bad
      ? { unit, unitName, date, endDate, type, title, mode, sessions, participants, photos, caption, notes,
          source: { file: ctx.file, sheet: ctx.sheet, row: ctx.row } }
      : null;
  // Once the year is known, the date is judged now and its place made only for an issue; before
  // that, the row's date waits in the YearJudge with everything its issue will need.
  const year = state.dates.known;
  if (year !== null) judgeRowDate(state, date, ctx, activity, year);
  else state.dates.see(date, { place: ctx.place('date'), label: ctx.label('date'), table: ctx.table, activity });
}

function unitRef(ctx: RowContext, unit: string, name: string | null) {
  return { place: ctx.place('unit_code', unit), name, nameCell: ctx.cell('unit_name'), table: ctx.table };
}

function checkPhotos(state: CheckState, ctx: RowContext, text: string | null, flag: { bad: boolean }): Activity['photos'] {
  if (!text) return [];
  const out: Activity['photos'] = [];
  for (const written of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const v = checkPhoto(written, ctx.file);
    if (v.ok) out.push({ written, path: v.path });
    else if (v.code === 'photo-outside') {
      flag.bad = true;
      state.sink.add('photo-outside', ctx.place('photos', written), {}, ctx.table);
    } else state.sink.add('photo-missing', ctx.place('photos', written), { reason: PHOTO_REASONS[v.reason][state.sink.lang] }, ctx.table);
  }
  return out;
}

/** The judgement of an activity's date once the week's year is known. */
export interface DatedActivity {
  place: ReturnType<RowContext['place']>;
  label: string;
  table: number;
  activity: Activity | null;
}

/** The issue a date gets once the week's year is known, or null when it lies in the week. */
function dateIssue(state: CheckState, date: IsoDate, year: number): { code: 'date-wrong-year' | 'date-outside-week'; params: MsgParams } | null {
  if (Number(date.slice(0, 4)) !== year) return { code: 'date-wrong-year', params: { year } };
  const week = state.week(year);
  if (date < week.start || date > week.end) return { code: 'date-outside-week', params: { week: `${formatViDate(week.start)}–${formatViDate(week.end)}` } };
  return null;
}

/** A date that waited for the year. A date in the wrong year keeps its activity out of the report. */
export function judgeDate(state: CheckState, date: IsoDate, item: DatedActivity, year: number): void {
  const issue = dateIssue(state, date, year);
  if (issue) state.sink.add(issue.code, item.place, issue.params, item.table);
  if (issue?.code !== 'date-wrong-year' && item.activity) state.records.activity(item.activity);
}

/** The same for the row being checked, the year known already. */
function judgeRowDate(state: CheckState, date: IsoDate, ctx: RowContext, activity: Activity | null, year: number): void {
  const issue = dateIssue(state, date, year);
  if (issue) state.sink.add(issue.code, ctx.place('date'), issue.params, ctx.table);
  if (issue?.code !== 'date-wrong-year' && activity) state.records.activity(activity);
}
