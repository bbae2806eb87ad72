import type { Place } from '../../records/issue';
import type { Unit } from '../../records/records';
import type { Check, CheckRun } from './check';

/** Unit references waiting for a units list found later among the inputs; bounded so huge inputs stay flat in memory. */
const MAX_PENDING = 100_000;

/** A row's unit, as the row names it: code and name, with their places. */
interface Reference {
  code: Place;
  name: string | null;
  nameCell: string | null;
  table: number;
}

/**
 * A row's unit against the units list (inputs.md): a code not in it is `unit-unknown` (an error,
 * naming the nearest code), a name other than the list's `unit-name-mismatch` (a warning). With
 * the config's list a row is judged at once; with a list found among the inputs, at the end, once
 * every table is read (the row's record is handed on meanwhile); with no list, not at all.
 */
export const unitReference: Check = {
  name: 'unit-reference',
  meta: { description: 'a unit code not in the units list, or a name other than its', codes: ['unit-unknown', 'unit-name-mismatch'], kinds: ['activities', 'tallies'] },
  create: (run) => {
    const pending: Reference[] = [];
    return {
      row(ctx) {
        const code = ctx.get<string>('unit_code');
        if (code === null) return;
        const name = ctx.get<string>('unit_name');
        const { units } = run;
        if (units.fromConfig) {
          // The common case, a million times: a known unit, its name right, raises nothing.
          const unit = units.get(code);
          if (unit && units.nameMatches(unit, name)) return;
          if (!unit) ctx.report('unit-unknown', 'unit_code', { suggestion: units.nearest(code) }, code);
          else ctx.report('unit-name-mismatch', 'unit_name', { listed: unit.name }, name);
        } else if (pending.length < MAX_PENDING) {
          pending.push({ code: ctx.place('unit_code', code), name, nameCell: ctx.cell('unit_name'), table: ctx.table });
        }
      },
      end() {
        if (run.units.size > 0) for (const ref of pending) judgeLater(run, ref);
        pending.length = 0;
      },
    };
  },
};

function judgeLater(run: CheckRun, ref: Reference): void {
  const code = String(ref.code.value);
  const unit: Unit | undefined = run.units.get(code);
  if (!unit) run.report('unit-unknown', ref.code, { suggestion: run.units.nearest(code) }, ref.table);
  else if (!run.units.nameMatches(unit, ref.name)) {
    run.report('unit-name-mismatch', { ...ref.code, column: 'unit_name', cell: ref.nameCell, value: ref.name }, { listed: unit.name }, ref.table);
  }
}
