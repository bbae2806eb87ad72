import { DEFAULT_MODE } from '../../catalog/modes';
import { EnumIndex } from '../enum-index';
import type { RowContext } from '../row-context';
import type { Check } from './check';

/**
 * An activity's type and mode against their catalogues (the config's activity types, the modes):
 * matched without regard to case, diacritics or tone placement, each becomes its catalogue key; a
 * value in neither is `enum-unknown`, naming the nearest entry. A blank mode is in person.
 */
export const catalogueValues: Check = {
  name: 'catalogue-values',
  meta: {
    description: 'an activity type or mode not in its catalogue',
    codes: ['enum-unknown'],
    kinds: ['activities'],
  },
  create: (run) => {
    const types = new EnumIndex(run.settings.activityTypes);
    const modes = new EnumIndex(run.settings.modes);
    const lookup = (ctx: RowContext, key: string, index: EnumIndex): void => {
      const text = ctx.get<string>(key);
      if (text === null) return;
      const hit = index.lookup(text);
      ctx.set(key, hit);
      if (hit === null) ctx.report('enum-unknown', key, { label: ctx.label(key), suggestion: index.nearest(text), catalogue: index.labels.join('; ') }, text);
    };
    return {
      row(ctx) {
        lookup(ctx, 'type', types);
        if (ctx.get<string>('mode') === null) ctx.set('mode', DEFAULT_MODE);
        else lookup(ctx, 'mode', modes);
      },
    };
  },
};
