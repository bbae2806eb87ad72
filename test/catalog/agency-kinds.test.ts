import { abbreviateAgency, AGENCY_KINDS, NAMES_IN_TEXT } from '../../src/catalog/agency-kinds';

test.each([
  ['ỦY BAN NHÂN DÂN PHƯỜNG MÓNG CÁI 1', 'UBND PHƯỜNG MÓNG CÁI 1'],
  ['UỶ BAN NHÂN DÂN XÃ HẢI SƠN', 'UBND XÃ HẢI SƠN'],
  ['Ủy ban nhân dân xã Hải Sơn', 'UBND xã Hải Sơn'],
  ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'SGDĐT'],
  ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN A', 'PGDĐT HUYỆN A'],
  ['TRƯỜNG THCS CHU VĂN AN', 'TRƯỜNG THCS CHU VĂN AN'],
  ['ỦY BAN', 'ỦY BAN'],
])('abbreviateAgency(%s) is %s', (name, short) => {
  expect(abbreviateAgency(name)).toBe(short);
});

test('the defaults by unit kind and the names in a sentence come from the one table of agencies', () => {
  expect(AGENCY_KINDS.xa).toMatchObject({ name: 'ỦY BAN NHÂN DÂN {name}', code: 'UBND', signer: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] });
  expect(AGENCY_KINDS.tinh).toMatchObject({ parent: 'UBND {name}', name: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', code: 'SGDĐT' });
  expect(AGENCY_KINDS.huyen).toMatchObject({ name: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', code: 'PGDĐT' });
  expect(NAMES_IN_TEXT).toEqual([
    ['ỦY BAN NHÂN DÂN ', 'UBND '],
    ['UỶ BAN NHÂN DÂN ', 'UBND '],
    ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Sở Giáo dục và Đào tạo'],
    ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 'Phòng Giáo dục và Đào tạo'],
  ]);
});
