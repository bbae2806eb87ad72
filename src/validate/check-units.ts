import { parseCode, parseText } from './cells';
import { required, take } from './check-activities';
import type { CheckState } from './check-state';
import type { RowContext } from './row-context';

/** One row of a units list found among the inputs: it joins the list the other tables are checked against. */
export function checkUnitRow(state: CheckState, ctx: RowContext): void {
  const flag = { bad: false };
  const code = required(state, ctx, 'code', parseCode(ctx.value('code')), flag);
  const name = required(state, ctx, 'name', parseText(ctx.value('name')), flag);
  const kind = take(state, ctx, 'kind', parseText(ctx.value('kind')), flag);
  const parent = take(state, ctx, 'parent', parseCode(ctx.value('parent')), flag);
  if (flag.bad || code === null || name === null) return;
  const unit = { code, name, kind, parent };
  state.units.add(unit);
  state.records.unit(unit);
}
