/** The checks of a tallies row, each as a table of valid and invalid rows. */
import { exceedsTotal } from '../../../src/validate/checks/exceeds-total';
import { rateMismatch } from '../../../src/validate/checks/rate-mismatch';
import { unitDuplicate } from '../../../src/validate/checks/unit-duplicate';
import { checkTable } from '../../helpers/check-tester';

const FAMILIES = ['Mã đơn vị', 'Tổng số hộ gia đình', 'Gia đình học tập'];

checkTable(exceedsTotal, {
  kind: 'tallies',
  header: [...FAMILIES, 'Dân số', 'Công dân học tập', 'Số công dân'],
  valid: [
    { name: 'parts within their wholes', rows: [['QN-MC1', 4870, 3652, 18420, 9210, 12000]], records: 1 },
    { name: 'a part equal to its whole', rows: [['QN-MC1', 4870, 4870, null, null, null]] },
    { name: 'a blank whole: nothing to compare', rows: [['QN-MC1', null, 3652, null, null, null]] },
    { name: 'citizens within the population when their own whole is blank', rows: [['QN-MC1', null, null, 18420, 9210, null]] },
  ],
  invalid: [
    {
      name: 'more learning families than families',
      rows: [['QN-MC1', 4870, 4877, null, null, null]],
      issues: [{ code: 'exceeds-total', row: 0, column: 'families_learning', value: '4877', params: { label: 'Gia đình học tập', totalLabel: 'Tổng số hộ gia đình', total: '4870' } }],
      records: 0,
    },
    {
      name: 'citizens over the population, the fallback whole',
      rows: [['QN-MC1', null, null, 1000, 1200, null]],
      issues: [{ code: 'exceeds-total', row: 0, column: 'citizens_learning', params: { totalLabel: 'Dân số', total: '1000' } }],
    },
  ],
});

checkTable(rateMismatch, {
  kind: 'tallies',
  header: [...FAMILIES, 'Tỷ lệ gia đình học tập'],
  valid: [
    { name: 'typed as computed, two decimals', rows: [['QN-MC1', 4870, 3652, '74,99%']], records: 1 },
    { name: 'rounded to the decimals typed', rows: [['QN-MC1', 4870, 3652, '75%']] },
    { name: 'a percent-formatted cell (a fraction)', rows: [['QN-MC1', 4870, 3652, 0.7499]] },
    { name: 'no whole: nothing to compare', rows: [['QN-MC1', null, 3652, '80%']] },
  ],
  invalid: [
    {
      name: 'a rate its parts do not give: a warning, the row kept',
      rows: [['QN-MC1', 4870, 3652, '80,5%']],
      issues: [{ code: 'rate-mismatch', row: 0, column: 'families_rate', params: { computed: '74,99%', value: '80,5%' } }],
      records: 1,
    },
  ],
});

checkTable(unitDuplicate, {
  kind: 'tallies',
  header: FAMILIES,
  valid: [{ name: 'one row per unit', rows: [['QN-MC1', 10, 5], ['QN-MC2', 10, 5]], records: 2 }],
  invalid: [
    {
      name: 'a second row for a unit: an error, its figures kept out',
      rows: [['QN-MC1', 10, 5], ['QN-MC2', 10, 5], ['QN-MC1', 12, 6]],
      issues: [{ code: 'unit-duplicate', row: 2, column: 'unit_code', value: 'QN-MC1', params: { other: expect.stringMatching(/tallies\.csv:2$/) } }],
      records: 2,
    },
  ],
});
