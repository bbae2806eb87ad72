import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { unzipSync } from 'fflate';
import { lllweek } from '../helpers/cli';

const W = 4000;
const H = 3000;

/** Random noise compresses worst: the honest stand-in for a 12-megapixel phone photo. */
function noise(): Buffer {
  const raw = Buffer.alloc(W * H * 3);
  let x = 2654435761;
  for (let i = 0; i < raw.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    raw[i] = x & 0xff;
  }
  return raw;
}

/** Photo `i`: the noise with a block of its own, so that no two are the same file (docx stores twins once). */
async function photo(raw: Buffer, i: number): Promise<Buffer> {
  const block = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: i * 12, g: 255 - i * 12, b: 128 } } }).png().toBuffer();
  return sharp(raw, { raw: { width: W, height: H, channels: 3 } })
    .composite([{ input: block, left: i * 150, top: i * 100 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: i % 2 ? 6 : 1 })
    .toBuffer();
}

describe('a report with twenty phone photos', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-photos-'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-photos-out-'));
  let run: ReturnType<typeof lllweek>;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'anh'));
    const raw = noise();
    let first = Buffer.alloc(0);
    const rows = ['Mã đơn vị,Ngày tổ chức,Loại hoạt động,Tên hoạt động,Số lượt người tham gia,Ảnh,Chú thích ảnh'];
    for (let i = 1; i <= 20; i++) {
      const jpeg = await photo(raw, i);
      if (i === 1) first = jpeg;
      fs.writeFileSync(path.join(dir, 'anh', `anh-${i}.jpg`), jpeg);
      rows.push(`QN-MC1,0${1 + (i % 7)}/10/2025,Tuyên truyền,Hoạt động số ${i},${100 + i},anh/anh-${i}.jpg,Ảnh số ${i}`);
    }
    // A photo that exists and looks like a JPEG but is cut short: a warning, and the report is still made.
    fs.writeFileSync(path.join(dir, 'anh', 'hong.jpg'), first.subarray(0, 2000));
    rows.push('QN-MC1,02/10/2025,Cuộc thi,Ảnh hỏng,50,anh/hong.jpg,Chú thích của ảnh hỏng');
    fs.writeFileSync(path.join(dir, 'hoat-dong.csv'), rows.join('\n') + '\n');
    run = lllweek(['report', dir, '--out', out, '--format', 'docx']);
  }, 120_000);

  it('stays under 10 MB with every photo upright and resized', () => {
    expect(run.status).toBe(0);
    const docx = fs.readdirSync(out).find((f) => f.endsWith('.docx'))!;
    const bytes = fs.readFileSync(path.join(out, docx));
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    const media = Object.entries(unzipSync(new Uint8Array(bytes))).filter(([n]) => n.startsWith('word/media/'));
    const jpegs = media.filter(([, b]) => b[0] === 0xff && b[1] === 0xd8);
    expect(jpegs).toHaveLength(20);
    return Promise.all(
      jpegs.map(async ([, b]) => {
        const meta = await sharp(Buffer.from(b)).metadata();
        expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1600);
        expect(meta.orientation ?? 1).toBe(1);
      }),
    );
  });

  it('warns about the unreadable photo and still makes the report, with the next photo in its place', () => {
    expect(run.stderr).toMatch(/cannot read photo anh\/hong\.jpg/);
    // The document is built while the photos decode, expecting all to be readable: it must be
    // built again without the broken one, its caption and image gone, twenty photos still shown.
    const docx = fs.readdirSync(out).find((f) => f.endsWith('.docx'))!;
    const xml = Buffer.from(unzipSync(new Uint8Array(fs.readFileSync(path.join(out, docx))))['word/document.xml']).toString('utf8');
    expect(xml.includes('Chú thích của ảnh hỏng')).toBe(false);
    const captions = new Set(xml.match(/Ảnh số \d+/g));
    expect(captions.size).toBe(20);
  });
});
