import { activityDate } from './activity-date';
import { catalogueValues } from './catalogue-values';
import { cells } from './cells';
import type { Check } from './check';
import { endDate } from './end-date';
import { exceedsTotal } from './exceeds-total';
import { header } from './header';
import { photos } from './photos';
import { rateMismatch } from './rate-mismatch';
import { readNotices } from './read-notices';
import { rowDuplicate } from './row-duplicate';
import { tableUnrecognized } from './table-unrecognized';
import { unitDuplicate } from './unit-duplicate';
import { unitReference } from './unit-reference';

/**
 * Every check of the input contract, in the order they run on each row (and so the order of one
 * row's issues): `cells` first, since the others read the values it parses; then the checks that
 * refine values (catalogue keys, photos found), then those that compare them. A new check goes in
 * where what it reads is ready.
 */
export const CHECKS: readonly Check[] = [
  readNotices,
  tableUnrecognized,
  header,
  cells,
  catalogueValues,
  endDate,
  photos,
  rowDuplicate,
  exceedsTotal,
  rateMismatch,
  unitDuplicate,
  unitReference,
  activityDate,
];
