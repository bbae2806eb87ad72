import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { FIXTURES, lllweek, expectNoStack } from '../helpers/cli';
import { docxText, zipTexts } from '../helpers/zip';

const tmp = (p = 'lllweek-report-') => fs.mkdtempSync(path.join(os.tmpdir(), p));
const COMMUNE = path.join(FIXTURES, 'commune');
const SLUG = 'bao-cao-tuan-le-hoc-tap-suot-doi-2025-ubnd-phuong-mong-cai-1';

describe('report of the sample ward', () => {
  const out = tmp();
  const again = tmp();
  let run: ReturnType<typeof lllweek>;
  let doc: Record<string, string>;
  let text: string;

  beforeAll(() => {
    run = lllweek(['report', '.', '--out', out, '--format', 'docx,xlsx,html'], { cwd: COMMUNE });
    lllweek(['report', '.', '--out', again], { cwd: COMMUNE, env: { TZ: 'America/Los_Angeles' } });
    doc = zipTexts(path.join(out, `${SLUG}.docx`));
    text = docxText(path.join(out, `${SLUG}.docx`));
  });

  it('writes the files under an ASCII slug, says where and how many days are left', () => {
    expect(run.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([`${SLUG}.docx`, `${SLUG}.html`, `${SLUG}.xlsx`]);
    expect(run.stderr).toContain(`${SLUG}.docx`);
    expect(run.stderr).toMatch(/\(\d+ KB\)/);
    expect(run.stderr).toContain('Deadline 15/10/2025: 3 days left');
    expect(run.stdout).toBe('');
  });

  it('prints the passed deadline in Vietnamese', () => {
    const r = lllweek(['report', '.', '--out', tmp(), '--format', 'html', '--lang', 'vi'], { cwd: COMMUNE, env: { LLLWEEK_TODAY: '2025-10-20' } });
    expect(r.stderr).toContain('Hạn nộp 15/10/2025: đã quá hạn 5 ngày');
  });

  it('carries the figures of the data in vi-VN format', () => {
    expect(text).toContain('đã tổ chức 38 hoạt động với 54 buổi, thu hút 9.186 lượt người tham gia');
    expect(text).toContain('Gia đình học tập: 5.078/6.825, đạt 74,40%');
    expect(text).toContain('chỉ tiêu năm 2025 là 70,00% (Quyết định 387/QĐ-TTg): đạt');
    expect(text).toContain('Dòng họ học tập: 20/46, đạt 43,48%');
    expect(text).toContain('chưa đạt');
    expect(text).toContain('Hội viên khuyến học so với dân số: 9.803/25.137, đạt 39,00%');
    expect(text).toMatch(/1\. Tổ chức 3 lễ khai mạc, phát động với 1\.470 lượt người tham gia\./);
    expect(text).toContain('Tổng cộng');
  });

  it('has every part of the default report in order', () => {
    const parts = [
      'TỈNH QUẢNG NINH', 'ỦY BAN NHÂN DÂN PHƯỜNG MÓNG CÁI 1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/BC-UBND', 'Móng Cái, ngày 09 tháng 10 năm 2025', 'BÁO CÁO', 'Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025',
      'Căn cứ Kế hoạch số 215/KH-UBND', 'Học để phát triển bản thân', 'I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI',
      'II. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG', 'III. KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP', 'IV. ĐÁNH GIÁ CHUNG',
      'V. ĐỀ XUẤT, KIẾN NGHỊ', 'HÌNH ẢNH TIÊU BIỂU', 'Nơi nhận:', '- Sở GD&ĐT tỉnh Quảng Ninh (để b/c);', '- Lưu: VT.',
      'KT. CHỦ TỊCH', 'Trần Thị Thu Hà', 'PHỤ LỤC',
    ];
    let at = 0;
    for (const p of parts) {
      const i = text.indexOf(p, at);
      expect({ part: p, found: i >= 0 }).toEqual({ part: p, found: true });
      at = i;
    }
  });

  it('is laid out per Nghị định 30', () => {
    const xml = doc['word/document.xml'];
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    const headers = Object.entries(doc).filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(headers.some((h) => /PAGE/.test(h))).toBe(true);
    expect(doc['word/styles.xml']).toContain('Times New Roman');
    expect(doc['word/styles.xml']).toMatch(/<w:jc w:val="both"\/>/);
    expect(doc['word/styles.xml']).toMatch(/w:firstLine="720"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:jc w:val="right"\/>.*?9\.186/s);
    expect(doc['docProps/core.xml']).toContain('2025-10-09T00:00:00Z');
    expect(Object.keys(doc).some((n) => n.startsWith('word/media/')) || fs.readFileSync(path.join(out, `${SLUG}.docx`)).includes('word/media/')).toBe(true);
  });

  it('gives byte-identical XML parts on another run (another time zone too)', () => {
    const other = zipTexts(path.join(again, `${SLUG}.docx`));
    expect(Object.keys(other).sort()).toEqual(Object.keys(doc).sort());
    for (const name of Object.keys(doc)) expect({ name, same: other[name] === doc[name] }).toEqual({ name, same: true });
    expect(fs.readFileSync(path.join(again, `${SLUG}.docx`)).equals(fs.readFileSync(path.join(out, `${SLUG}.docx`)))).toBe(true);
    expect(fs.readFileSync(path.join(again, `${SLUG}.xlsx`)).equals(fs.readFileSync(path.join(out, `${SLUG}.xlsx`)))).toBe(true);
  });

  it('writes a workbook with numeric cells that validates clean and serves as a baseline', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, `${SLUG}.xlsx`));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Tổng hợp', 'Theo đơn vị', 'Hoạt động', 'Xã hội học tập', 'Kiểm tra', 'Thông tin']);
    const tallies = wb.getWorksheet('Xã hội học tập')!;
    const values = tallies.getSheetValues().flat().filter((v) => typeof v === 'number');
    expect(values).toEqual(expect.arrayContaining([25137, 9803, 6825, 5078]));
    const v = lllweek(['validate', path.join(out, `${SLUG}.xlsx`), '--format', 'json']);
    const res = JSON.parse(v.stdout);
    expect(res.summary.errors).toBe(0);
    expect(res.summary.warnings).toBe(0);
    expect(res.tables.map((t: { kind: string }) => t.kind).sort()).toEqual(['activities', 'tallies']);

    const withBase = tmp();
    const b = lllweek(['report', '.', '--out', withBase, '--format', 'docx', '--baseline', path.join(out, `${SLUG}.xlsx`)], { cwd: COMMUNE });
    expect(b.status).toBe(0);
    const t = docxText(path.join(withBase, `${SLUG}.docx`));
    expect(t).toContain('Gia đình học tập: 5.078/6.825, đạt 74,40% (không đổi so với năm 2025)');
    expect(t).toContain('Biểu đồ 3. So sánh với năm 2025');
  });

  it('--dump-context prints the JSON templates get and writes nothing', () => {
    const dir = tmp();
    const r = lllweek(['report', '.', '--out', dir, '--dump-context'], { cwd: COMMUNE });
    expect(r.status).toBe(0);
    const ctx = JSON.parse(r.stdout);
    expect(ctx.numberLine).toBe('Số: 05/BC-UBND');
    expect(ctx.activities.total).toEqual({ count: 38, sessions: 54, participants: 9186 });
    expect(ctx.society.indicators[0]).toMatchObject({ key: 'families', numerator: 5078, denominator: 6825 });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('--template overrides a built-in template by name', () => {
    const tdir = tmp();
    fs.writeFileSync(path.join(tdir, 'assessment.hbs'), '<h1>IV. ĐÁNH GIÁ RIÊNG CỦA PHƯỜNG</h1><p>Tổng {{num activities.total.participants}} lượt.</p>');
    const dir = tmp();
    const r = lllweek(['report', '.', '--out', dir, '--format', 'docx', '--template', tdir], { cwd: COMMUNE });
    expect(r.status).toBe(0);
    const t = docxText(path.join(dir, `${SLUG}.docx`));
    expect(t).toContain('IV. ĐÁNH GIÁ RIÊNG CỦA PHƯỜNG');
    expect(t).toContain('Tổng 9.186 lượt.');
    expect(t).not.toContain('V. ĐỀ XUẤT, KIẾN NGHỊ');
  });

  it('a broken template is a clear error naming it', () => {
    const tdir = tmp();
    fs.writeFileSync(path.join(tdir, 'photos.hbs'), '{{#if photos}}unclosed');
    const r = lllweek(['report', '.', '--out', tmp(), '--template', tdir], { cwd: COMMUNE });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('photos.hbs');
    expectNoStack(r);
  });
});

describe('report refuses data with errors', () => {
  it('exits 1 and writes nothing, unless --force, which lists them in Kiểm tra', async () => {
    const inputs = tmp();
    fs.copyFileSync(path.join(FIXTURES, 'broken', 'exceeds-total.xlsx'), path.join(inputs, 'a.xlsx'));
    fs.copyFileSync(path.join(FIXTURES, 'commune-csv', 'hoat-dong-utf8.csv'), path.join(inputs, 'b.csv'));
    const out = tmp();
    const refused = lllweek(['report', inputs, '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('exceeds-total');
    expect(refused.stderr).toContain('--force');
    expect(fs.readdirSync(out)).toEqual([]);

    const forced = lllweek(['report', inputs, '--out', out, '--force']);
    expect(forced.status).toBe(1);
    const xlsx = fs.readdirSync(out).find((f) => f.endsWith('.xlsx'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, xlsx));
    const checks = wb.getWorksheet('Kiểm tra')!;
    const cells = checks.getSheetValues().flat().map(String);
    expect(cells).toContain('exceeds-total');
  });

  it('run in English (LANG=en_US.UTF-8), speaks English on stderr but writes the Kiểm tra sheet in Vietnamese, the document\'s language', async () => {
    const inputs = tmp();
    fs.copyFileSync(path.join(FIXTURES, 'broken', 'exceeds-total.xlsx'), path.join(inputs, 'a.xlsx'));
    const out = tmp();
    const forced = lllweek(['report', inputs, '--out', out, '--force', '--format', 'xlsx'], { env: { LANG: 'en_US.UTF-8' } });
    expect(forced.status).toBe(1);
    expect(forced.stderr).toContain('Written:');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.xlsx'))!));
    const checks = wb.getWorksheet('Kiểm tra')!;
    const rows = (checks.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const header = rows.findIndex((r) => r[0] === 'Mã lỗi');
    expect(rows[header]).toEqual(['Mã lỗi', 'Mức độ', 'Tệp', 'Trang tính', 'Dòng', 'Cột', 'Ô', 'Giá trị', 'Nội dung']);
    expect(rows[header + 1]).toEqual([
      'exceeds-total', 'Lỗi', path.join(inputs, 'a.xlsx'), 'Xã hội học tập', 5, 'Gia đình học tập (families_learning)', 'G5', '1200',
      '“Gia đình học tập” (1200) lớn hơn “Tổng số hộ gia đình” (1100)',
    ]);
  });

  it('run twice in its own folder, it does not read its first workbook back as input', () => {
    const dir = tmp();
    fs.copyFileSync(path.join(FIXTURES, 'commune-csv', 'hoat-dong-utf8.csv'), path.join(dir, 'hoat-dong.csv'));
    const first = lllweek(['report', '.', '--format', 'xlsx,docx'], { cwd: dir });
    const second = lllweek(['report', '.', '--format', 'xlsx,docx'], { cwd: dir });
    expect([first.status, second.status]).toEqual([0, 0]);
    const docx = fs.readdirSync(dir).find((f) => f.endsWith('.docx'))!;
    expect(docxText(path.join(dir, docx))).toContain('đã tổ chức 38 hoạt động');
  });

  it('no config and no units list still makes a sensible report', () => {
    const out = tmp();
    const r = lllweek(['report', path.join(FIXTURES, 'commune-csv', 'hoat-dong-utf8.csv'), '--out', out, '--format', 'docx']);
    expect(r.status).toBe(0);
    const t = docxText(path.join(out, fs.readdirSync(out)[0]));
    expect(t).toContain('Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025');
    expect(t).toContain('38 hoạt động');
    expect(t).toMatch(/Số:\s{6,}\/BC/);
    expect(t).toContain('(TÊN CƠ QUAN BÁO CÁO)');
    expect(t).toMatch(/……, ngày \d\d tháng \d+ năm \d{4}/);
  });

  it('an output folder that cannot be made (its parent is a file) is exit 2, not a stack', () => {
    const file = path.join(tmp(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const r = lllweek(['report', COMMUNE, '--out', path.join(file, 'sub')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`lllweek: There is no folder ${file} to make ${path.join(file, 'sub')} in; check the --out path\n`);
    expectNoStack(r);
  });
});

describe('a unit named A & B <C> "D"', () => {
  it('survives intact in the docx, the workbook and the html', async () => {
    const dir = tmp();
    const name = 'A & B <C> "D"';
    fs.writeFileSync(path.join(dir, 'units.csv'), `Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên\nX1,"A & B <C> ""D""",xã,\n`);
    fs.writeFileSync(
      path.join(dir, 'hoat-dong.csv'),
      'Mã đơn vị,Tên đơn vị,Ngày tổ chức,Loại hoạt động,Tên hoạt động,Số lượt người tham gia\n' +
        'X1,"A & B <C> ""D""",02/10/2025,Tuyên truyền,"Ngày hội <đọc> & ""chia sẻ""",120\n',
    );
    const out = tmp();
    const r = lllweek(['report', dir, '--out', out, '--format', 'docx,xlsx,html']);
    expect(r.status).toBe(0);
    const files = fs.readdirSync(out);
    const docx = files.find((f) => f.endsWith('.docx'))!;
    expect(docxText(path.join(out, docx))).toContain(name);
    expect(docxText(path.join(out, docx))).toContain('Ngày hội <đọc> & "chia sẻ"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, files.find((f) => f.endsWith('.xlsx'))!));
    const texts = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat()).map((v) => (typeof v === 'object' && v && 'richText' in v ? '' : String(v)));
    expect(texts).toContain(name);
    const html = fs.readFileSync(path.join(out, files.find((f) => f.endsWith('.html'))!), 'utf8');
    expect(html).toContain('A &amp; B &lt;C&gt; &quot;D&quot;');
    expect(html).not.toContain('<C>');
  });
});
