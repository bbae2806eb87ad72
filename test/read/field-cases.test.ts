/**
 * The field cases that are reading problems (issue 10; test/read/field/README.md), through the
 * CLI as a clerk runs it: each file gives its right reading, and a second example of each kind,
 * written here by ooxml-writer.ts with other data, does too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectNoStack, lllweek } from '../helpers/cli';
import { buildXlsx, STYLE, type Dialect, type XCell, type XSheet } from './ooxml-writer';

const FIELD = path.join(__dirname, 'field');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-field-'));
for (const f of fs.readdirSync(FIELD)) fs.copyFileSync(path.join(FIELD, f), path.join(work, f));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Context {
  activities: { total: { count: number; sessions: number; participants: number }; first: string; last: string };
  appendix: { rows: Array<{ title: string; type: string; when: string }> };
}

const contexts = new Map<string, Context>();
/** The report's context of one file (each file's is asked for once). */
function context(file: string): Context {
  let c = contexts.get(file);
  if (!c) {
    const r = lllweek(['report', file, '--dump-context', '--force'], { cwd: work });
    expectNoStack(r);
    expect(r.status).toBe(0);
    c = JSON.parse(r.stdout) as Context;
    contexts.set(file, c);
  }
  return c;
}

function issues(file: string): Array<{ code: string; severity: string; cell: string | null }> {
  const r = lllweek(['validate', file, '--format', 'json'], { cwd: work });
  expectNoStack(r);
  return (JSON.parse(r.stdout) as { issues: Array<{ code: string; severity: string; cell: string | null }> }).issues;
}

const HOA_BINH = { count: 5, sessions: 8, participants: 2310 };

describe('the field files', () => {
  test.each(['f01-x-namespace-prefix.xlsx', 'f02-inline-rich-strings.xlsx', 'f06-cells-without-r.xlsx', 'f09-iso-date-cells.xlsx', 'f14-control-char.xlsx'])(
    '%s: the 5 activities of Phường Hòa Bình, no issue',
    (file) => {
      const c = context(file);
      expect(c.activities.total).toEqual(HOA_BINH);
      expect([c.activities.first, c.activities.last]).toEqual(['2025-10-01', '2025-10-06']);
      expect(issues(file)).toEqual([]);
    },
  );

  test('f02: inline rich text is read whole (D5 `Lễ khai mạc, phát động`, E7 `Tọa đàm "Văn hóa đọc trong gia đình"`)', () => {
    const rows = context('f02-inline-rich-strings.xlsx').appendix.rows;
    expect(rows.map((r) => r.title)).toContain('Tọa đàm "Văn hóa đọc trong gia đình"');
    expect(rows.map((r) => r.title)).toContain('Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025');
  });

  test('f06: without addresses the header is still found on row 3', () => {
    const r = lllweek(['validate', 'f06-cells-without-r.xlsx', '--format', 'json'], { cwd: work });
    expect(JSON.parse(r.stdout).tables).toEqual([expect.objectContaining({ sheet: 'Hoạt động', kind: 'activities', headerRow: 3, rows: 5 })]);
  });

  test('f09: ISO date cells are the days typed, 01…06/10/2025', () => {
    expect(context('f09-iso-date-cells.xlsx').appendix.rows.map((r) => r.when)).toEqual(['01/10/2025', '02/10/2025', '03/10/2025', '04/10/2025', '06/10/2025']);
  });

  test('f14: `_x000B_` is decoded to the break it stands for: the words stay apart', () => {
    const title = context('f14-control-char.xlsx').appendix.rows[1].title;
    expect(title).not.toContain('_x000B_');
    expect(title.replace(/\s+/g, ' ')).toBe('Lớp tin học cơ bản cho người cao tuổi');
  });
});

// ---------------------------------------------------------------------------------------------
// A second example of each kind: Xã Bình An's own form, written the way each program writes it.

const HEADER = ['Mã đơn vị', 'Đơn vị', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Hình thức', 'Số buổi', 'Số lượt người tham gia', 'Ghi chú'];
/** Three activities (seed wording): 7 sessions, 630 participants, 02, 03 and 05/10/2025. */
const ACTIVITIES: Array<{ day: number; type: string; title: string | string[]; mode: string; sessions: number; people: number; note: string }> = [
  { day: 2, type: 'Tuyên truyền', title: 'Tuyên truyền về học tập suốt đời trên loa truyền thanh thôn 3', mode: 'Trực tiếp', sessions: 2, people: 450, note: 'Phát 2 buổi sáng' },
  { day: 3, type: 'Lớp học, bồi dưỡng', title: ['Lớp bồi dưỡng ', 'kỹ năng số', ' cho người cao tuổi'], mode: 'Trực tiếp', sessions: 4, people: 60, note: '' },
  { day: 5, type: 'Hội thảo, tọa đàm', title: ['Tọa đàm ', '"Học tập suốt đời trong thời đại số"'], mode: 'Kết hợp', sessions: 1, people: 120, note: 'Tại nhà văn hóa xã' },
];
const BINH_AN = { count: 3, sessions: 7, participants: 630 };
const TITLES = ['Tuyên truyền về học tập suốt đời trên loa truyền thanh thôn 3', 'Lớp bồi dưỡng kỹ năng số cho người cao tuổi', 'Tọa đàm "Học tập suốt đời trong thời đại số"'];

/** The form with its dates and texts as `cell` writes them. */
function form(date: (day: number) => XCell, text: (t: string | string[]) => XCell = (t) => (Array.isArray(t) ? t.join('') : t)): XSheet {
  return {
    name: 'Hoạt động',
    rows: [
      [text('BIỂU TỔNG HỢP HOẠT ĐỘNG TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025')],
      [text('Đơn vị: UBND xã Bình An')],
      HEADER.map(text),
      ...ACTIVITIES.map((a) => [text('LS-BA'), text('Xã Bình An'), date(a.day), text(a.type), text(a.title), text(a.mode), a.sessions, a.people, a.note ? text(a.note) : null]),
    ],
  };
}
const serial = (day: number): XCell => ({ s: STYLE.date, v: String(45930 + day) });

function written(name: string, sheet: XSheet, dialect: Dialect): string {
  fs.writeFileSync(path.join(work, name), buildXlsx([sheet], dialect));
  return name;
}

describe('a second example of each kind', () => {
  test.each<[string, XSheet, Dialect]>([
    ['a prefix in every part, Strict namespaces (f01)', form(serial), { prefix: 'ss', strict: true }],
    ['inline rich strings in every text cell (f02)', form(serial, (t) => ({ inline: Array.isArray(t) ? t : [t.slice(0, 4), t.slice(4)] })), {}],
    ['rows and cells without r, an x: prefix (f06)', form(serial), { omitRowR: true, omitCellR: true, prefix: 'x' }],
    ['ISO dates with a time, t="d" (f09)', form((day) => ({ t: 'd', v: `2025-10-0${day}T08:00:00` })), { strings: 'inline' }],
  ])('%s', (kind, sheet, dialect) => {
    const file = written(`binh-an-${kind.replace(/\W+/g, '-')}.xlsx`, sheet, dialect);
    const c = context(file);
    expect(c.activities.total).toEqual(BINH_AN);
    expect(c.appendix.rows.map((r) => r.title)).toEqual(TITLES);
    expect(c.appendix.rows.map((r) => r.when)).toEqual(['02/10/2025', '03/10/2025', '05/10/2025']);
    expect(issues(file)).toEqual([]);
  });

  test('escaped line breaks in shared and inline text (f14): decoded, the words kept apart', () => {
    const sheet = form(serial);
    sheet.rows[3][4] = 'Tuyên truyền về học tập suốt đời_x000B_trên loa truyền thanh thôn 3';
    sheet.rows[4][4] = { inline: ['Lớp bồi dưỡng kỹ năng số_x000D__x000A_', 'cho người cao tuổi'] };
    const c = context(written('binh-an-breaks.xlsx', sheet, {}));
    const titles = c.appendix.rows.map((r) => r.title);
    expect(titles.join('|')).not.toContain('_x00');
    expect(titles.map((t) => t.replace(/\s+/g, ' '))).toEqual(TITLES);
  });
});
