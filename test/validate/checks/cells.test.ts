/** Every cell parsed by its column's type: the cells check as a table of valid and invalid rows. */
import { cells } from '../../../src/validate/checks/cells';
import { checkTable } from '../../helpers/check-tester';

checkTable(cells, {
  kind: 'activities',
  header: ['Mã đơn vị', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Số buổi', 'Số lượt người tham gia'],
  valid: [
    { name: 'vi-VN numbers, day-first dates, an Excel serial', rows: [['QN-MC1', '02/10/2025', 'Tuyên truyền', 'Loa', 2, '1.250'], ['QN-MC1', 45932, 'Tuyên truyền', 'Loa', null, 0]], records: 2 },
    { name: 'a numeric unit code stays text', rows: [[123, '2025-10-02', 'Tuyên truyền', 'Loa', 1, 5]], records: 1 },
  ],
  invalid: [
    {
      name: 'a blank required cell',
      rows: [['QN-MC1', '02/10/2025', 'Tuyên truyền', '  ', 1, 5]],
      issues: [{ code: 'cell-required', row: 0, column: 'title', value: null, params: { label: 'Tên hoạt động' } }],
      records: 0,
    },
    {
      name: 'not a date, not a number',
      rows: [['QN-MC1', '32/10/2025', 'Tuyên truyền', 'Loa', 1, 'nhiều']],
      issues: [
        { code: 'cell-type', row: 0, column: 'date', value: '32/10/2025', params: { expected: 'date' } },
        { code: 'cell-type', row: 0, column: 'participants', params: { expected: 'count' } },
      ],
      records: 0,
    },
    {
      name: 'out of range: negative, not whole, no session',
      rows: [['QN-MC1', '02/10/2025', 'Tuyên truyền', 'Loa', 0, -5], ['QN-MC1', '02/10/2025', 'Tuyên truyền', 'Loa', 1, '12,5']],
      issues: [
        { code: 'cell-range', row: 0, column: 'sessions', params: { expected: 'sessions' } },
        { code: 'cell-range', row: 0, column: 'participants', params: { expected: 'count' } },
        { code: 'cell-range', row: 1, column: 'participants' },
      ],
      records: 0,
    },
  ],
});

checkTable(cells, {
  kind: 'tallies',
  header: ['Mã đơn vị', 'Tổng số hộ gia đình', 'Gia đình học tập', 'Tỷ lệ gia đình học tập'],
  valid: [{ name: 'counts and a typed rate', rows: [['QN-MC1', '4.870', 3652, '74,99%']], records: 1 }],
  invalid: [
    { name: 'a rate over 100%', rows: [['QN-MC1', 10, 5, '150%']], issues: [{ code: 'cell-range', row: 0, column: 'families_rate', params: { expected: 'rate' } }] },
    { name: 'a blank unit code', rows: [[null, 10, 5, null]], issues: [{ code: 'cell-required', row: 0, column: 'unit_code' }], records: 0 },
  ],
});

checkTable(cells, {
  kind: 'activities',
  header: ['Mã đơn vị', 'Loại hoạt động', 'Tên hoạt động', 'Số lượt người tham gia'],
  valid: [{ name: 'a required column the header lacks: no record, and no issue of the row (header-missing says it)', rows: [['QN-MC1', 'Tuyên truyền', 'Loa', 5]], records: 0 }],
  invalid: [],
});
