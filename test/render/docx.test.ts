/**
 * The .docx renderer: page setup, styles, the administrative blocks, tables, images, escaping,
 * and byte-identical output for the same inputs. Set DOCX_LOOK_DIR to also write the sample
 * document there (to convert it with LibreOffice and look at it).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import type { DocumentModel, ImageAsset, ImageStore, Run, TableCell } from '../../src/document/types';
import { renderDocx } from '../../src/render/docx';
import { entryOrder, normalizeEntries } from '../../src/write/zip-normalize';

// ---------------------------------------------------------------------------------------------
// Tiny images made by hand: a PNG needs only IHDR, IDAT (zlib) and IEND with CRCs.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** An RGB PNG with diagonal stripes, so it is recognisable on a rendered page. */
function makePng(width: number, height: number, a: [number, number, number], b: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const [r, g, bl] = Math.floor((x + y) / 12) % 2 === 0 ? a : b;
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = bl;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CHART_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">` +
    `<rect width="800" height="450" fill="#fff"/>` +
    `<rect x="100" y="150" width="120" height="250" fill="#5470c6"/>` +
    `<rect x="300" y="80" width="120" height="320" fill="#91cc75"/>` +
    `<rect x="500" y="220" width="120" height="180" fill="#fac858"/>` +
    `<text x="400" y="40" text-anchor="middle" font-size="24">Hoạt động theo loại hình</text></svg>`,
  'utf8',
);

async function makeImages(): Promise<ImageStore> {
  const jpeg = await sharp({ create: { width: 160, height: 120, channels: 3, background: { r: 200, g: 80, b: 60 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
  const store: ImageStore = new Map<string, ImageAsset>();
  store.set('chart-activities', {
    png: makePng(160, 90, [84, 112, 198], [255, 255, 255]),
    svg: CHART_SVG,
    width: 800,
    height: 450,
    alt: 'Biểu đồ hoạt động theo loại hình',
  });
  store.set('photo-1', { png: makePng(160, 120, [40, 140, 60], [230, 230, 230]), width: 1600, height: 1200, alt: 'Ảnh lớp học' });
  store.set('photo-2', { png: makePng(90, 120, [140, 60, 160], [230, 230, 230]), width: 1200, height: 1600, alt: 'Ảnh tọa đàm' });
  // A JPEG photo, as the photo pipeline produces (format is the optional field for it).
  store.set('photo-3', { png: jpeg, width: 1600, height: 1200, alt: 'Ảnh thư viện', format: 'jpeg' } as ImageAsset);
  return store;
}

// ---------------------------------------------------------------------------------------------
// A model covering every block type, in the language of the reports offices send.

const t = (text: string, extra: Partial<Run> = {}): Run => ({ text, ...extra });
const c = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ runs: [t(text)], ...extra });
const num = (text: string, value: number): TableCell => ({ runs: [t(text)], numeric: true, value });

const UNIT_WITH_CONTROLS = 'Trường Tiểu học\u0001 Hải\u000B Hòa';

function sampleModel(): DocumentModel {
  const body = (text: string) => ({ type: 'paragraph' as const, role: 'body' as const, runs: [t(text)] });
  const appendixRows: TableCell[][] = Array.from({ length: 45 }, (_, i) => [
    num(String(i + 1), i + 1),
    c(['Trường Mầm non Hoa Mai', 'Trường Tiểu học Hải Hòa', 'Trường THCS Móng Cái', 'Trung tâm học tập cộng đồng'][i % 4]),
    c(['Lớp học, bồi dưỡng', 'Tọa đàm, hội thảo', 'Thi tìm hiểu', 'Ngày hội đọc sách'][i % 3]),
    c(i % 2 === 0 ? 'Trực tiếp' : 'Trực tuyến', { align: 'center' }),
    c(`0${(i % 7) + 1}/10/2025`, { align: 'center' }),
    num((120 + i * 37).toLocaleString('vi-VN'), 120 + i * 37),
  ]);
  return {
    title: 'Báo cáo kết quả Tuần lễ hưởng ứng học tập suốt đời năm 2025 - A & B <C>',
    blocks: [
      {
        type: 'header-block',
        parent: 'Tỉnh Quảng Ninh',
        agency: 'Ủy ban nhân dân phường Móng Cái 1',
        number: 'Số: 05/BC-UBND',
        nation: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
        motto: 'Độc lập - Tự do - Hạnh phúc',
        placeDate: 'Móng Cái, ngày 09 tháng 10 năm 2025',
      },
      { type: 'paragraph', role: 'title', runs: [t('BÁO CÁO')] },
      {
        type: 'paragraph',
        role: 'subject',
        runs: [t('Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời'), t('', { break: true }), t('năm 2025')],
      },
      {
        type: 'paragraph',
        role: 'basis',
        runs: [t('Căn cứ Kế hoạch số 1234/KH-SGDĐT ngày 15/9/2025 của Sở Giáo dục và Đào tạo về tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025;')],
      },
      {
        type: 'paragraph',
        role: 'body',
        runs: [
          t('Hưởng ứng chủ đề '),
          t('"Học tập suốt đời - Chìa khóa mở cánh cửa tương lai"', { bold: true }),
          t(', Ủy ban nhân dân phường Móng Cái 1 báo cáo kết quả như sau:'),
        ],
      },
      { type: 'heading', level: 1, runs: [t('I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI')] },
      body(
        'Ủy ban nhân dân phường đã ban hành kế hoạch, chỉ đạo các trường học, Trung tâm học tập cộng đồng và các tổ chức đoàn thể tổ chức các hoạt động hưởng ứng Tuần lễ từ ngày 01/10/2025 đến ngày 07/10/2025, với sự tham gia của 14 đơn vị.',
      ),
      {
        type: 'paragraph',
        role: 'body',
        runs: [t('Đơn vị có tên đặc biệt: '), t('A & B <C> "D"', { italic: true }), t('; đơn vị '), t(UNIT_WITH_CONTROLS), t('.')],
      },
      { type: 'heading', level: 1, runs: [t('II. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG')] },
      { type: 'heading', level: 2, runs: [t('1. Các hoạt động đã tổ chức')] },
      {
        type: 'list',
        ordered: false,
        items: [
          [t('Tổ chức 45 lớp học, bồi dưỡng với 2.340 lượt người tham gia, trong đó 12 lớp trực tuyến;')],
          [t('Tổ chức 8 buổi tọa đàm, hội thảo với 640 lượt người tham gia;')],
        ],
      },
      { type: 'heading', level: 3, runs: [t('a) Theo hình thức tổ chức')] },
      { type: 'list', ordered: true, items: [[t('Trực tiếp: 41 hoạt động;')], [t('Trực tuyến: 12 hoạt động.')]] },
      {
        type: 'table',
        widths: [1, 5, 2, 2, 2],
        head: [
          [c('TT', { rowspan: 2 }), c('Đơn vị', { rowspan: 2 }), c('Người học', { colspan: 2 }), c('Tỷ lệ', { rowspan: 2 })],
          [c('Đạt'), c('Tổng số')],
        ],
        body: [
          [num('1', 1), c('Trường Tiểu học Hải Hòa'), num('30.085', 30085), num('40.881', 40881), { ...num('73,59%', 0.7359), percent: true }],
          [num('2', 2), c('A & B <C> "D"'), num('1.204', 1204), num('1.500', 1500), { ...num('80,27%', 0.8027), percent: true }],
          [c('Tổng cộng', { colspan: 2, bold: true, align: 'center' }), num('31.289', 31289), num('42.381', 42381), { ...num('73,83%', 0.7383), percent: true }],
        ],
      },
      { type: 'paragraph', role: 'note', runs: [t('Ghi chú: số liệu tổng hợp từ báo cáo của các đơn vị.')] },
      { type: 'figure', image: 'chart-activities', caption: [t('Biểu đồ 1. Số hoạt động theo loại hình')] },
      { type: 'heading', level: 1, runs: [t('IV. ĐÁNH GIÁ CHUNG')] },
      { type: 'paragraph', role: 'placeholder', runs: [t('(Nêu ưu điểm; tồn tại, hạn chế và nguyên nhân.)')] },
      { type: 'paragraph', role: 'body', align: 'center', runs: [t('HÌNH ẢNH TIÊU BIỂU', { bold: true })] },
      {
        type: 'gallery',
        items: [
          { image: 'photo-1', caption: [t('Lớp học kỹ năng số - Trường Tiểu học Hải Hòa, 02/10/2025')] },
          { image: 'photo-2', caption: [t('Tọa đàm "Học tập suốt đời" - 03/10/2025')] },
          { image: 'photo-3', caption: [t('Ngày hội đọc sách - 05/10/2025')] },
        ],
      },
      {
        type: 'signature-block',
        recipientsTitle: 'Nơi nhận:',
        recipients: ['- Sở GD&ĐT (để b/c);', '- TT Đảng ủy, HĐND phường (để b/c);', '- Chủ tịch, các PCT UBND phường;', '- Lưu: VT.'],
        signerLines: ['TM. Ủy ban nhân dân', 'KT. Chủ tịch', 'Phó Chủ tịch'],
        signerName: 'Nguyễn Văn An',
      },
      { type: 'pagebreak', orientation: 'landscape' },
      { type: 'paragraph', role: 'title', runs: [t('PHỤ LỤC')] },
      { type: 'paragraph', role: 'subject', runs: [t('Danh sách các hoạt động')] },
      {
        type: 'table',
        widths: [1, 6, 4, 2, 2, 2],
        head: [[c('TT'), c('Đơn vị'), c('Loại hình'), c('Hình thức'), c('Ngày'), c('Số người tham gia')]],
        body: appendixRows,
      },
      { type: 'pagebreak', orientation: 'portrait' },
      { type: 'paragraph', role: 'note', runs: [t('Hết phụ lục.')] },
    ],
  };
}

const DATE = new Date('2025-10-09T08:00:00Z');

async function renderParts(model = sampleModel()): Promise<{ buf: Buffer; parts: Record<string, Uint8Array>; text: (n: string) => string }> {
  const buf = await renderDocx(model, await makeImages(), { date: DATE });
  const parts = unzipSync(buf);
  return { buf, parts, text: (n: string) => strFromU8(parts[n]) };
}

// ---------------------------------------------------------------------------------------------

describe('renderDocx', () => {
  let doc: Awaited<ReturnType<typeof renderParts>>;
  beforeAll(async () => {
    doc = await renderParts();
    const dir = process.env.DOCX_LOOK_DIR;
    if (dir) fs.writeFileSync(path.join(dir, 'x.docx'), doc.buf);
  });

  const documentXml = () => doc.text('word/document.xml');
  const stylesXml = () => doc.text('word/styles.xml');
  /** The w:style element with this id. */
  const styleXml = (id: string) => stylesXml().match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0] ?? '';

  test('A4 portrait pages with the decree margins, then landscape and back', () => {
    const sects = documentXml().match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sects).toHaveLength(3);
    expect(sects[0]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(sects[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(sects[2]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    for (const s of sects) expect(s).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
  });

  test('page number in the header from page 2: titlePg, an empty first header, PAGE in the default one', () => {
    const sects = documentXml().match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sects[0]).toContain('<w:titlePg/>');
    expect(sects[1]).not.toContain('<w:titlePg/>'); // the appendix numbers its first page too
    const rels = doc.text('word/_rels/document.xml.rels');
    const target = (rid: string) => rels.match(new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`))?.[1];
    const ref = (s: string, type: string) => s.match(new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`))?.[1];
    for (const s of sects) {
      const def = ref(s, 'default');
      expect(def).toBeDefined();
      expect(doc.text(`word/${target(def!)}`)).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    }
    const first = ref(sects[0] ?? '', 'first');
    expect(first).toBeDefined();
    const firstXml = doc.text(`word/${target(first!)}`);
    expect(firstXml).not.toContain('PAGE');
    expect(firstXml).not.toMatch(/<w:t[ >]/);
  });

  test('Times New Roman, black, 14 pt by default; own black heading styles', () => {
    const styles = stylesXml();
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"[\s\S]*<w:sz w:val="28"\/>[\s\S]*<\/w:docDefaults>/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:color w:val="000000"\/>[\s\S]*<\/w:docDefaults>/);
    for (const id of ['BcHeading1', 'BcHeading2', 'BcHeading3']) {
      const s = styleXml(id);
      expect(s).toContain('<w:b/>');
      expect(s).toContain('<w:color w:val="000000"/>');
      expect(s).toContain('Times New Roman');
    }
    expect(styleXml('BcHeading3')).toContain('<w:i/>');
    expect(documentXml()).toContain('<w:pStyle w:val="BcHeading1"/>');
    expect(documentXml()).not.toMatch(/w:pStyle w:val="Heading\d"/);
  });

  test('body: justified, first-line indent 1.27 cm, 6 pt after, 1.2 lines', () => {
    const body = styleXml('BcBody');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toMatch(/<w:ind [^>]*w:firstLine="720"/);
    expect(body).toMatch(/<w:spacing [^>]*w:after="120"/);
    expect(body).toMatch(/<w:spacing [^>]*w:line="288"/);
    expect(documentXml()).toContain('<w:pStyle w:val="BcBody"/>');
    expect(styleXml('BcBasis')).toContain('<w:i/>');
    expect(styleXml('BcCaption')).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    // `align` overrides the role's alignment on the paragraph itself
    const centred = documentXml().match(/<w:p><w:pPr><w:pStyle w:val="BcBody"\/>(?:(?!<\/w:p>).)*HÌNH ẢNH TIÊU BIỂU/)?.[0] ?? '';
    expect(centred).toContain('<w:jc w:val="center"/>');
    expect(centred).toMatch(/<w:ind w:firstLine="0"\/>/); // and without the body's indent
  });

  test('header block: borderless two-column table with the official lines', () => {
    const xml = documentXml();
    const first = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    expect(first).toContain('<w:gridCol w:w="3742"/><w:gridCol w:w="5612"/>');
    // no table or cell borders…
    const borders = [...first.matchAll(/<w:(?:tblBorders|tcBorders)>([\s\S]*?)<\/w:(?:tblBorders|tcBorders)>/g)].map((m) => m[1]);
    expect(borders.length).toBeGreaterThan(1);
    for (const b of borders) expect([...b.matchAll(/w:val="(\w+)"/g)].every((m) => m[1] === 'none')).toBe(true);
    // …only the two short rules under the agency and the motto
    expect(first.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
    for (const s of ['TỈNH QUẢNG NINH', 'ỦY BAN NHÂN DÂN PHƯỜNG MÓNG CÁI 1', 'Số: 05/BC-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Móng Cái, ngày 09 tháng 10 năm 2025']) {
      expect(first).toContain(s);
    }
    expect(first).toMatch(/<w:b\/>[^]*?<w:t xml:space="preserve">ỦY BAN NHÂN DÂN PHƯỜNG MÓNG CÁI 1</);
    expect(first).toMatch(/<w:i\/>[^<]*(<[^>]*>)*<w:t xml:space="preserve">Móng Cái, ngày 09/);
    expect(xml.indexOf('TỈNH QUẢNG NINH')).toBeLessThan(xml.indexOf('BÁO CÁO'));
  });

  test('tables: header rows repeated and bold, numbers right-aligned, spans honoured, rows kept whole', () => {
    const xml = documentXml();
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const data = tables.find((x) => x.includes('40.881'))!;
    expect(data).toBeDefined();
    const rows = data.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.includes('<w:tblHeader/>'))).toHaveLength(2);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(data).toMatch(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="4"\/>/);
    expect(data).toContain('<w:gridSpan w:val="2"/>');
    expect(data).toContain('<w:vMerge w:val="restart"/>');
    expect(data).toContain('<w:vMerge w:val="continue"/>');
    expect(data).toMatch(/<w:pStyle w:val="BcTableHead"\/>[\s\S]*?Người học/);
    expect(data).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">40\.881</);
    expect(data).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">73,59%</);
    // widths 1:5:2:2:2 of the 9354-twip text width
    expect(data).toContain('<w:gridCol w:w="780"/><w:gridCol w:w="3897"/><w:gridCol w:w="1559"/><w:gridCol w:w="1559"/><w:gridCol w:w="1559"/>');
    expect(styleXml('BcTableText')).toContain('<w:sz w:val="24"/>');
    expect(styleXml('BcTableHead')).toContain('<w:b/>');
    // the appendix table is as wide as the landscape text width
    const appendix = tables.find((x) => x.includes('Số người tham gia'))!;
    expect(appendix).toContain('<w:tblW w:type="dxa" w:w="14286"/>');
  });

  test('escaping and invalid characters', () => {
    const xml = documentXml();
    expect(xml).toContain('A &amp; B &lt;C&gt; &quot;D&quot;');
    expect(xml).toContain('Trường Tiểu học Hải Hòa');
    // eslint-disable-next-line no-control-regex
    for (const name of Object.keys(doc.parts).filter((n) => /\.(xml|rels)$/.test(n))) expect(doc.text(name)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(doc.text('docProps/core.xml')).toContain('A &amp; B &lt;C&gt;');
  });

  test('signature block: Nơi nhận left, signer right', () => {
    const xml = documentXml();
    const sig = (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).find((x) => x.includes('Nơi nhận:'))!;
    expect(sig).toMatch(/<w:rPr><w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">Nơi nhận:/);
    expect(sig).toMatch(/<w:rPr><w:sz w:val="22"\/><w:szCs w:val="22"\/><\/w:rPr><w:t xml:space="preserve">- Sở GD&amp;ĐT \(để b\/c\);/);
    expect(sig).toMatch(/<w:b\/>[^]*?<w:sz w:val="28"\/>[^]*?TM\. ỦY BAN NHÂN DÂN/);
    expect(sig).toContain('- Lưu: VT.');
    for (const l of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An']) expect(sig).toContain(l);
    expect(sig.indexOf('PHÓ CHỦ TỊCH')).toBeLessThan(sig.indexOf('Nguyễn Văn An'));
  });

  test('images: SVG with PNG fallback, PNG and JPEG photos, own drawing ids, scaled to fit', () => {
    const media = Object.keys(doc.parts).filter((n) => n.startsWith('word/media/'));
    expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(1);
    expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(3);
    expect(media.filter((n) => n.endsWith('.jpg'))).toHaveLength(1);
    const xml = documentXml();
    expect(xml).toContain('asvg:svgBlip');
    const ids = [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['1', '2', '3', '4']);
    expect(xml).toContain('descr="Biểu đồ hoạt động theo loại hình"');
    // the chart: 16 cm wide (605 px at 96 dpi, 9525 EMU a pixel), 16:9 kept
    expect(xml).toContain('<wp:extent cx="5762625" cy="3238500"/>');
    // photos fit a 7.5 cm box: landscape 283×213 px, portrait 213×283 px
    expect(xml).toContain('<wp:extent cx="2695575" cy="2028825"/>');
    expect(xml).toContain('<wp:extent cx="2028825" cy="2695575"/>');
    expect(doc.text('[Content_Types].xml')).toMatch(/Extension="jpg"|Extension="jpeg"/);
  });

  test('core.xml dates are the report date, not the clock', () => {
    const core = doc.text('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-10-09T08:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-10-09T08:00:00Z</dcterms:modified>');
  });

  test('the same inputs give the same bytes, even with other renders in between', async () => {
    const other: DocumentModel = { title: 'Khác', blocks: [{ type: 'figure', image: 'photo-1' }, { type: 'paragraph', role: 'body', runs: [t('x')] }] };
    await renderDocx(other, await makeImages(), { date: new Date() });
    const again = await renderParts();
    expect(Buffer.compare(again.buf, doc.buf)).toBe(0);
    expect(Object.keys(doc.parts)[0]).toBe('[Content_Types].xml');
  });

  test('a table marked landscape gets a landscape section of its own', async () => {
    const model: DocumentModel = {
      title: 'x',
      blocks: [
        { type: 'paragraph', role: 'body', runs: [t('Trước')] },
        { type: 'table', landscape: true, head: [[c('A'), c('B')]], body: [[c('1'), num('2', 2)]] },
        { type: 'paragraph', role: 'body', runs: [t('Sau')] },
      ],
    };
    const { text } = await renderParts(model);
    const sects = text('word/document.xml').match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sects.map((s) => s.match(/w:orient="(\w+)"/)?.[1])).toEqual(['portrait', 'landscape', 'portrait']);
  });

  test('no parent agency: the agency heads the left column', async () => {
    const { text } = await renderParts({
      title: 'x',
      blocks: [{ type: 'header-block', parent: null, agency: 'Trường THCS Móng Cái', number: 'Số: 07/BC-THCS', nation: 'Cộng hòa xã hội chủ nghĩa Việt Nam', motto: 'Độc lập - Tự do - Hạnh phúc', placeDate: 'Móng Cái, ngày 09 tháng 10 năm 2025' }],
    });
    const firstCell = text('word/document.xml').match(/<w:tc>[\s\S]*?<\/w:tc>/)?.[0] ?? '';
    expect(firstCell.match(/<w:t xml:space="preserve">[^<]+/g)).toEqual(['<w:t xml:space="preserve">TRƯỜNG THCS MÓNG CÁI']);
  });

  test('settings: Word 2013+ layout mode, no odd/even headers', () => {
    const settings = doc.text('word/settings.xml');
    expect(settings).toContain('w:name="compatibilityMode"');
    expect(settings).toMatch(/<w:compatSetting w:val="15" w:name="compatibilityMode"/);
    expect(settings).not.toMatch(/<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="true"/);
  });

  test('degenerate input: no blocks, empty table and gallery, still a document', async () => {
    const empty = await renderParts({ title: '', blocks: [] });
    expect(empty.text('word/document.xml')).toContain('<w:sectPr>');
    const { text } = await renderParts({ title: 'x', blocks: [{ type: 'table', head: [], body: [] }, { type: 'gallery', items: [] }, { type: 'table', head: [], body: [[]] }] });
    expect(text('word/document.xml').match(/<w:tbl>/g)).toHaveLength(1);
    expect(text('word/document.xml')).toMatch(/<w:tr>[\s\S]*<w:tc>/);
  });

  test('a missing image leaves a visible note instead of failing', async () => {
    const { text } = await renderParts({ title: 'x', blocks: [{ type: 'figure', image: 'nope', caption: [t('Hình')] }] });
    expect(text('word/document.xml')).toContain('[Không có hình: nope]');
  });
});

describe('normalizeEntries', () => {
  const zip = (mtime: Date) =>
    Buffer.from(
      zipSync(
        { 'word/document.xml': strToU8('<a>1</a>'), 'docProps/core.xml': strToU8('<c>now</c>'), '[Content_Types].xml': strToU8('<t/>'), '_rels/.rels': strToU8('<r/>') },
        { mtime },
      ),
    );

  test('fixed order and time, rewritten XML, the same bytes from different inputs', async () => {
    const opts = { mtime: DATE, rewrite: (n: string, s: string) => (n === 'docProps/core.xml' ? s.replace('now', 'then') : s) };
    const a = await normalizeEntries(unzipSync(zip(new Date('2020-01-01T00:00:00Z'))), opts);
    const b = await normalizeEntries(unzipSync(zip(new Date('2024-06-30T12:34:56Z'))), opts);
    expect(Buffer.compare(a, b)).toBe(0);
    const parts = unzipSync(a);
    expect(Object.keys(parts)).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml']);
    expect(strFromU8(parts['docProps/core.xml'])).toBe('<c>then</c>');
  });

  test('entryOrder puts [Content_Types].xml first and sorts the rest', () => {
    expect(entryOrder(['xl/b.xml', 'xl/a.xml', '[Content_Types].xml', '_rels/.rels', 'docProps/app.xml'])).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'xl/a.xml',
      'xl/b.xml',
    ]);
  });
});
