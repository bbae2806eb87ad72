/** The checks of an activities row, each as a table of valid and invalid rows. */
import { activityDate } from '../../../src/validate/checks/activity-date';
import { catalogueValues } from '../../../src/validate/checks/catalogue-values';
import { endDate } from '../../../src/validate/checks/end-date';
import { photos } from '../../../src/validate/checks/photos';
import { rowDuplicate } from '../../../src/validate/checks/row-duplicate';
import { checkTable, type Cell } from '../../helpers/check-tester';

const HEADER = ['Mã đơn vị', 'Ngày tổ chức', 'Đến ngày', 'Loại hoạt động', 'Tên hoạt động', 'Hình thức', 'Số lượt người tham gia', 'Ảnh'];

/** One activity, with what a case changes. */
function activity(over: { date?: Cell; end?: Cell; type?: Cell; title?: Cell; mode?: Cell; photos?: Cell } = {}): Cell[] {
  const a = { date: '02/10/2025', end: null, type: 'Tuyên truyền', title: 'Tuyên truyền trên loa phát thanh', mode: null, photos: null, ...over };
  return ['QN-MC1', a.date, a.end, a.type, a.title, a.mode, 120, a.photos];
}

checkTable(catalogueValues, {
  kind: 'activities',
  header: HEADER,
  valid: [
    { name: 'catalogue labels', rows: [activity({ type: 'Lớp học, bồi dưỡng', mode: 'Trực tuyến' })], records: 1 },
    { name: 'other case, no tone marks, an alias, the key', rows: [activity({ type: 'LOP HOC' }), activity({ type: 'Tọa đàm', mode: 'online' }), activity({ type: 'class', mode: 'hybrid' })], records: 3 },
  ],
  invalid: [
    {
      name: 'a misspelt type: the nearest entry suggested, the row left out',
      rows: [activity({ type: 'Tuyên chuyền' })],
      issues: [{ code: 'enum-unknown', row: 0, column: 'type', value: 'Tuyên chuyền', params: { label: 'Loại hoạt động', suggestion: 'Tuyên truyền' } }],
      records: 0,
    },
    { name: 'an unknown mode', rows: [activity({ mode: 'Qua Zalo' })], issues: [{ code: 'enum-unknown', row: 0, column: 'mode' }] },
  ],
});

checkTable(endDate, {
  kind: 'activities',
  header: HEADER,
  valid: [
    { name: 'no end date', rows: [activity()] },
    { name: 'ends the day it starts, or later', rows: [activity({ end: '02/10/2025' }), activity({ end: '05/10/2025' })], records: 2 },
  ],
  invalid: [
    {
      name: 'ends before it starts',
      rows: [activity({ date: '03/10/2025', end: '01/10/2025' })],
      issues: [{ code: 'cell-range', row: 0, column: 'end_date', value: '01/10/2025', params: { expected: 'endAfterStart' } }],
      records: 0,
    },
  ],
});

checkTable(rowDuplicate, {
  kind: 'activities',
  header: HEADER,
  valid: [{ name: 'two activities that differ in one cell', rows: [activity(), activity({ title: 'Tuyên truyền trên Zalo' })], records: 2 }],
  invalid: [
    {
      name: 'a row typed twice: a warning, both kept',
      rows: [activity(), activity({ title: 'Khác' }), activity()],
      issues: [{ code: 'row-duplicate', row: 2, column: null, params: { firstRow: 2 } }],
      records: 3,
    },
  ],
});

checkTable(activityDate, {
  kind: 'activities',
  header: HEADER,
  valid: [{ name: 'dates in the week', rows: [activity({ date: '01/10/2025' }), activity({ date: '07/10/2025' })], records: 2 }],
  invalid: [
    {
      name: 'after the week: a warning, the activity kept',
      rows: [activity({ date: '12/10/2025' })],
      issues: [{ code: 'date-outside-week', row: 0, column: 'date', value: '12/10/2025', params: { week: '01/10/2025–07/10/2025' } }],
      records: 1,
    },
    {
      name: 'in another year: an error, the activity left out',
      rows: [activity({ date: '02/10/2024' })],
      issues: [{ code: 'date-wrong-year', row: 0, column: 'date', params: { year: 2025 } }],
      records: 0,
    },
    {
      name: 'no year configured: most dates decide it, and the rows waiting for it are judged then',
      settings: { year: null },
      rows: [activity({ date: '02/10/2024' }), activity({ date: '03/10/2025' }), activity({ date: '04/10/2025' }), activity({ date: '20/10/2025' })],
      issues: [
        { code: 'date-wrong-year', row: 0, column: 'date', params: { year: 2025 } },
        { code: 'date-outside-week', row: 3, column: 'date' },
      ],
      records: 3,
    },
    {
      name: "the config's week wins over the national one",
      settings: { week: { start: '2025-10-12', end: '2025-10-18' } },
      rows: [activity({ date: '02/10/2025' }), activity({ date: '14/10/2025' })],
      issues: [{ code: 'date-outside-week', row: 0, column: 'date', params: { week: '12/10/2025–18/10/2025' } }],
    },
  ],
});

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

checkTable(photos, {
  kind: 'activities',
  header: HEADER,
  files: { 'anh/khai-mac.jpg': JPEG, 'anh/ghi-chu.txt': 'không phải ảnh' },
  valid: [
    { name: 'no photo', rows: [activity()] },
    { name: 'photos beside the table, `;`-separated', rows: [activity({ photos: 'anh/khai-mac.jpg; anh\\khai-mac.jpg' })], records: 1 },
  ],
  invalid: [
    {
      name: 'a missing photo and a text file: warnings, the activity kept',
      rows: [activity({ photos: 'anh/khong-co.jpg;anh/ghi-chu.txt' })],
      issues: [
        { code: 'photo-missing', row: 0, column: 'photos', value: 'anh/khong-co.jpg', params: { reason: 'missing' } },
        { code: 'photo-missing', row: 0, column: 'photos', value: 'anh/ghi-chu.txt', params: { reason: 'not-image' } },
      ],
      records: 1,
    },
    {
      name: 'a path out of the folder: an error, the activity left out',
      rows: [activity({ photos: '../anh/khai-mac.jpg' }), activity({ photos: '/etc/passwd' })],
      issues: [
        { code: 'photo-outside', row: 0, column: 'photos', value: '../anh/khai-mac.jpg' },
        { code: 'photo-outside', row: 1, column: 'photos' },
      ],
      records: 0,
    },
  ],
});
