/**
 * The appendix shows the first `appendix_limit` activities (default 1000) in date, unit, row
 * order. firstInOrder sorts only the days that hold them: it must give exactly what sorting
 * everything gives, ties (the same row number in two files) kept in reading order.
 */
import { firstInOrder } from '../../src/compose/context';
import { DEFAULT_APPENDIX_LIMIT } from '../../src/compose/report-settings';
import type { Activity } from '../../src/records/records';

function activities(n: number, seed: number): Activity[] {
  let x = seed;
  const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({
    unit: `U${Math.floor(rnd() * 40)}`,
    unitName: null,
    date: `2025-10-0${1 + Math.floor(rnd() * 9)}`,
    endDate: null,
    type: 'class',
    title: `#${i}`,
    mode: 'in_person',
    sessions: 1,
    participants: 1,
    photos: [],
    caption: null,
    notes: null,
    source: { file: `f${i % 3}.csv`, sheet: null, row: 2 + Math.floor(rnd() * 50) },
  }));
}

const fullSort = (list: Activity[]) =>
  [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) || a.source.row - b.source.row);

test.each([
  [5_000, 1],
  [5_000, 1000],
  [5_000, 4_999],
  [5_000, 5_000],
  [5_000, 20_000],
  [300, 7],
])('%i activities, limit %i: the same rows in the same order as a full sort', (n, limit) => {
  const list = activities(n, n + limit);
  const titles = (l: Activity[]) => l.map((a) => a.title);
  expect(titles(firstInOrder(list, limit))).toEqual(titles(fullSort(list).slice(0, limit)));
});

test('the default limit is 1000', () => {
  expect(DEFAULT_APPENDIX_LIMIT).toBe(1000);
});
