import { matchKey, xmlSafe } from '../../src/text/normalize';
import { formatDecimal, formatInt, formatRate, parseViNumber, roundHalfUp } from '../../src/text/vi-number';
import { formatAdminDate, formatViDate, isoFromExcelSerial, parseViDate } from '../../src/text/vi-date';

describe('vi-VN numbers', () => {
  it.each([
    ['40.881', 40881, false],
    ['74,4', 74.4, false],
    ['1.234,5', 1234.5, false],
    ['73,58%', 73.58, true],
    ['1234', 1234, false],
    ['1.250', 1250, false],
    ['12.345.678', 12345678, false],
    ['74.4', 74.4, false],
    ['1,234.5', 1234.5, false],
    [' 9 803 ', 9803, false],
  ])('%s is %d', (raw, value, percent) => {
    expect(parseViNumber(raw)).toEqual({ value, percent });
  });

  it.each(['nhiều', '1.2.3', '12,5,1', '', '%'])('%s is not a number', (raw) => {
    expect(parseViNumber(raw)).toBeNull();
  });

  it('rounds half up, not to even and not by binary accident', () => {
    expect(formatRate(138068 / 187624, 2)).toBe('73,59%');
    expect(roundHalfUp(73.585, 2)).toBe(73.59);
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
    expect(formatRate(1385 / 1847, 2)).toBe('74,99%');
    expect(formatDecimal(1234.5, 1)).toBe('1.234,5');
    expect(formatInt(40881)).toBe('40.881');
    expect(formatInt(-1204)).toBe('-1.204');
  });

  it('formatInt is formatDecimal at 0 decimals, whole or not', () => {
    for (const n of [0, -0, 7, 999, 1000, -1204, 40881, 1234567, 2.5, -2.5, -0.4, 0.5, 1234567.5]) expect([n, formatInt(n)]).toEqual([n, formatDecimal(n, 0)]);
    expect(formatInt(-0.4)).toBe('0');
    expect(formatInt(2.5)).toBe('3');
  });
});

describe('vi-VN dates', () => {
  it('is day first', () => {
    expect(parseViDate('02/10/2023')).toBe('2023-10-02');
    expect(parseViDate('2/10/2023')).toBe('2023-10-02');
    expect(parseViDate('02-10-2023')).toBe('2023-10-02');
    expect(parseViDate('02.10.2023')).toBe('2023-10-02');
    expect(parseViDate('2023-10-02')).toBe('2023-10-02');
    expect(parseViDate('32/10/2025')).toBeNull();
    expect(parseViDate('29/02/2025')).toBeNull();
    expect(parseViDate('10/2/23')).toBeNull();
  });

  it('reads Excel serials (45933 is 3 October 2025)', () => {
    expect(isoFromExcelSerial(45933)).toBe('2025-10-03');
  });

  it('writes the administrative date line with leading zeros', () => {
    expect(formatAdminDate('2024-01-05')).toBe('ngày 05 tháng 01 năm 2024');
    expect(formatAdminDate('2025-10-09')).toBe('ngày 09 tháng 10 năm 2025');
    expect(formatAdminDate('2025-02-15')).toBe('ngày 15 tháng 02 năm 2025');
    expect(formatAdminDate('2025-03-15')).toBe('ngày 15 tháng 3 năm 2025');
    expect(formatViDate('2023-10-02')).toBe('02/10/2023');
  });
});

describe('matching keys', () => {
  it('folds case, diacritics, đ, tone placement, NFD and punctuation', () => {
    const k = matchKey('Số lượt người tham gia');
    expect(matchKey('SO LUOT NGUOI THAM GIA')).toBe(k);
    expect(matchKey('Số lượt người tham gia'.normalize('NFD'))).toBe(k);
    expect(matchKey('hoà')).toBe(matchKey('hòa'));
    expect(matchKey('thuý')).toBe(matchKey('thúy'));
    expect(matchKey('Hội thảo,  tọa đàm')).toBe('hoi thao toa dam');
    expect(matchKey('Đơn vị')).toBe('don vi');
  });

  it('drops what XML cannot carry and keeps the rest', () => {
    expect(xmlSafe('A\u0001B\u0008C\tD\nE 😀')).toBe('ABC\tD\nE 😀');
  });
});
