/**
 * Several MB of Vietnamese text in a sheet and in its shared strings read back byte for byte.
 * Every part is inflated in chunks of a few KB; three bytes a letter, a character straddles two
 * chunks many times over. A reader that decodes chunk by chunk (exceljs's did) turns each such
 * character into `��`: on a national inbox, 58 garbled activity titles and 1,7 % of valid forms
 * rejected (issue 10).
 */
import { collect, tmpDir, write } from './helpers';
import { buildXlsx, type XCell } from './ooxml-writer';

const dir = tmpDir();

/** Sentences of the seed articles (shared/seeds), NFC, as clerks write them. */
const SENTENCES = [
  'Ngày 30/9, TP Móng Cái tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2022 với chủ đề “Thúc đẩy chuyển đổi số phục vụ cho học tập suốt đời sau đại dịch COVID-19”.',
  'Những năm qua, công tác khuyến học, khuyến tài, xây dựng xã hội học tập trên địa bàn Thành phố luôn gắn với việc thực hiện nhiệm vụ phát triển kinh tế xã hội của địa phương.',
  'Nhận thức về nhiệm vụ, trách nhiệm trong xây dựng xã hội học tập, học tập suốt đời của các cấp ủy đảng, chính quyền được nâng cao.',
  'Đến nay toàn Thành phố có 18 hội Khuyến học, 151 chi hội và các Ban khuyến học; 100% xã, phường có trung tâm học tập cộng đồng.',
];

/** The i-th title: a few sentences and its number, a different length each time so the chunk boundaries fall everywhere. */
function title(i: number): string {
  const parts = [];
  for (let k = 0; k <= i % 5; k++) parts.push(SENTENCES[(i + k) % SENTENCES.length]);
  return `${i}. ${parts.join(' ')}`;
}

test('a workbook with several MB of Vietnamese in its sheet and its shared strings reads back byte-identical', async () => {
  const ROWS = 6_000;
  const rows: XCell[][] = [['STT', 'Tên hoạt động (chung)', 'Ghi chú (riêng dòng)']];
  for (let i = 0; i < ROWS; i++) rows.push([i + 1, title(i), { inline: title(i + 1) }]);
  const xlsx = buildXlsx([{ name: 'Hoạt động', rows }]);
  const bytes = (from: number) => Array.from({ length: ROWS }, (_, i) => Buffer.byteLength(title(i + from))).reduce((a, b) => a + b);
  expect(bytes(0)).toBeGreaterThan(3_000_000); // the shared strings
  expect(bytes(1)).toBeGreaterThan(3_000_000); // the inline strings in the sheet

  const { tables, notices } = await collect(write(dir, 'nhieu-chu.xlsx', xlsx));
  expect(notices).toEqual([]);
  const got = tables[0].rows.slice(1);
  expect(got).toHaveLength(ROWS);
  const wrong = got.filter((r, i) => r.cells[1] !== title(i) || r.cells[2] !== title(i + 1));
  expect(wrong.map((r) => r.row).slice(0, 5)).toEqual([]);
  const all = got.map((r) => `${r.cells[1]}\n${r.cells[2]}`).join('\n');
  expect(all).not.toContain('\ufffd');
  expect(Buffer.from(all, 'utf8').equals(Buffer.from(Array.from({ length: ROWS }, (_, i) => `${title(i)}\n${title(i + 1)}`).join('\n'), 'utf8'))).toBe(true);
});
