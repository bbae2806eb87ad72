/** A row's unit against the units list, and the header against its columns, as tables. */
import { header } from '../../../src/validate/checks/header';
import { unitReference } from '../../../src/validate/checks/unit-reference';
import { checkTable } from '../../helpers/check-tester';

const UNITS = [
  { code: 'QN-MC1', name: 'Phường Móng Cái 1', kind: 'phường', parent: 'QN' },
  { code: 'QN-MC2', name: 'Phường Móng Cái 2', kind: 'phường', parent: 'QN' },
];

checkTable(unitReference, {
  kind: 'tallies',
  header: ['Mã đơn vị', 'Tên đơn vị', 'Tổng số hộ gia đình', 'Gia đình học tập'],
  settings: { units: UNITS },
  valid: [
    { name: 'listed codes; names as listed, blank, or differing only in case and tone marks', rows: [['QN-MC1', 'Phường Móng Cái 1', 10, 5], ['QN-MC2', null, 10, 5], ['QN-MC2', 'PHUONG MONG CAI 2', 1, 1]], records: 3 },
    { name: 'no units list: nothing to check against', settings: { units: null }, rows: [['XX', 'Xã X', 10, 5]], records: 1 },
  ],
  invalid: [
    {
      name: 'an unknown code: an error naming the nearest',
      rows: [['QN-MC3', null, 10, 5]],
      issues: [{ code: 'unit-unknown', row: 0, column: 'unit_code', value: 'QN-MC3', params: { suggestion: 'QN-MC1' } }],
      records: 0,
    },
    {
      name: 'another name: a warning, the row kept',
      rows: [['QN-MC1', 'Phường Hải Hòa', 10, 5]],
      issues: [{ code: 'unit-name-mismatch', row: 0, column: 'unit_name', value: 'Phường Hải Hòa', params: { listed: 'Phường Móng Cái 1' } }],
      records: 1,
    },
  ],
});

checkTable(header, {
  kind: 'activities',
  header: ['Mã đơn vị', 'Ngày', 'Loại hoạt động', 'Tên hoạt động', 'Số lượt người tham gia', 'Số người tham gia', 'Người ký'],
  valid: [],
  invalid: [
    {
      name: 'two labels of one column, and a column of no key',
      rows: [['QN-MC1', '02/10/2025', 'Tuyên truyền', 'Loa', 5, 5, 'A']],
      issues: [
        { code: 'header-duplicate', row: 'header', column: 'participants', value: 'Số người tham gia', params: { other: 'Số lượt người tham gia' } },
        { code: 'header-unknown', row: 'header', column: null, value: 'Người ký' },
      ],
    },
  ],
});
