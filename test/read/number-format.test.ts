/** Which number formats show dates, as Excel decides (number-format.ts). */
import { isBuiltInDateFormat, isDateFormat } from '../../src/read/number-format';

test('built-in formats: 14–22, 27–36, 45–47 and 50–58 show dates or times, the others numbers', () => {
  const dates = Array.from({ length: 164 }, (_, id) => id).filter(isBuiltInDateFormat);
  expect(dates).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
});

test.each<[string, boolean]>([
  ['d/m/yyyy', true],
  ['mmm-yy', true],
  ['hh:mm:ss', true],
  ['[ss]', true],
  ['[HH]:MM', true],
  ['mm:ss.0', true],
  ['A/P h', true],
  ['[$-42A]dddd, d mmmm yyyy', true],
  ['B2yyyy', true],
  ['[$-411]ge.m.d', true],
  ['yyyy"年"m"月"d"日"', true],
  ['0', false],
  ['#,##0.00;[Red]-#,##0.00', false],
  ['0.0e+0', false],
  ['[>=100]0;0.0', false],
  ['"d m y h s"0', false],
  ['\\h\\s0', false],
  ['* #,##0', false],
  ['General;General', false],
  ['"unclosed', false],
  ['[unclosed', false],
  ['', false],
])('%s → %s', (code, expected) => {
  expect(isDateFormat(code)).toBe(expected);
});
