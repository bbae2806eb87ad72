import type { Check } from './check';

/** The header row against its kind's columns: required ones missing, two columns for one key, columns of no key. */
export const header: Check = {
  name: 'header',
  meta: {
    description: 'a required column missing, two columns mapping to one key, a column mapping to none',
    codes: ['header-missing', 'header-duplicate', 'header-unknown'],
  },
  create: (run) => ({
    table(t) {
      const { mapping } = t;
      for (const m of mapping.missing) run.report('header-missing', t.place(null, m.key, null), { label: m.labels[0] }, t.table);
      for (const d of mapping.duplicates) {
        run.report('header-duplicate', t.place(d.col, d.column.key, d.label), { label: d.column.labels[0], other: t.header.labels[d.first] ?? '' }, t.table);
      }
      for (const u of mapping.unknown) run.report('header-unknown', t.place(u.col, null, u.label), {}, t.table);
    },
  }),
};
