import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import { loadPhoto, PHOTO_BYTE_BUDGET } from '../../src/render/assets/photos';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-photos-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(dir, name);

/** RGB of the output pixel at (x, y). */
async function pixel(jpeg: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i], data[i + 1], data[i + 2]];
}

test('an orientation-6 phone photo comes out upright, 1600 px high, as JPEG without metadata', async () => {
  // Stored landscape 4000×3000: left half red, right half blue; EXIF says "rotate 90° clockwise to view".
  const file = at('xoay.jpg');
  await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#ff0000' } })
    .composite([{ input: { create: { width: 2000, height: 3000, channels: 3, background: '#0000ff' } }, left: 2000, top: 0 }])
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toFile(file);

  const r = await loadPhoto(file);
  if (!r.ok) throw new Error(r.reason);
  const { image } = r;
  expect([image.width, image.height]).toEqual([1200, 1600]);
  expect(image.format).toBe('jpeg');
  expect(image.alt).toBe('xoay');
  const meta = await sharp(image.png).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 1600]);
  expect(meta.orientation).toBeUndefined();
  expect(meta.exif).toBeUndefined();
  // The stored left (red) is the viewed top once turned clockwise.
  const top = await pixel(image.png, 600, 100);
  const bottom = await pixel(image.png, 600, 1500);
  expect(top[0]).toBeGreaterThan(200);
  expect(top[2]).toBeLessThan(60);
  expect(bottom[2]).toBeGreaterThan(200);
  expect(bottom[0]).toBeLessThan(60);
});

test('a transparent PNG is flattened onto white and never enlarged', async () => {
  const file = at('logo.png');
  await sharp({ create: { width: 800, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: { create: { width: 200, height: 200, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 1 } } }, left: 300, top: 200 }])
    .png()
    .toFile(file);

  const r = await loadPhoto(file, { alt: 'Lễ khai mạc' });
  if (!r.ok) throw new Error(r.reason);
  expect([r.image.width, r.image.height]).toEqual([800, 600]);
  expect(r.image.alt).toBe('Lễ khai mạc');
  expect((await sharp(r.image.png).metadata()).format).toBe('jpeg');
  const corner = await pixel(r.image.png, 10, 10);
  expect(Math.min(...corner)).toBeGreaterThan(245);
  const middle = await pixel(r.image.png, 400, 300);
  expect(middle[1]).toBeGreaterThan(100);
  expect(middle[0]).toBeLessThan(40);
});

test('a file named .jpg is judged by its content', async () => {
  const file = at('thực-ra-là-png.jpg');
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#808080' } }).png().toFile(file);
  const r = await loadPhoto(file);
  expect(r.ok).toBe(true);
});

describe('files that are not photos', () => {
  test.each([
    ['GIF', 'anh.gif', () => sharp({ create: { width: 20, height: 20, channels: 3, background: '#ff0000' } }).gif().toBuffer()],
    ['WebP named .jpg', 'anh.jpg', () => sharp({ create: { width: 20, height: 20, channels: 3, background: '#ff0000' } }).webp().toBuffer()],
    ['text', 'ghi-chu.txt', async () => Buffer.from('Ảnh sẽ gửi sau\n')],
    ['empty', 'rong.jpg', async () => Buffer.alloc(0)],
  ])('%s → not-image', async (_kind, name, make) => {
    fs.writeFileSync(at(name), await make());
    expect(await loadPhoto(at(name))).toEqual({ ok: false, reason: 'not-image' });
  });

  test('a missing path → missing', async () => {
    expect(await loadPhoto(at('khong-co.jpg'))).toEqual({ ok: false, reason: 'missing' });
    expect(await loadPhoto(at('khong-co/anh.jpg'))).toEqual({ ok: false, reason: 'missing' });
  });

  test('a truncated JPEG → unreadable', async () => {
    const whole = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg()
      .toBuffer();
    fs.writeFileSync(at('cut.jpg'), whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(await loadPhoto(at('cut.jpg'))).toEqual({ ok: false, reason: 'unreadable' });
  });

  test('a corrupt PNG and a directory → unreadable', async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#123456' } }).png().toBuffer();
    fs.writeFileSync(at('bad.png'), Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]));
    expect(await loadPhoto(at('bad.png'))).toEqual({ ok: false, reason: 'unreadable' });
    fs.mkdirSync(at('thu-muc.jpg'));
    expect(await loadPhoto(at('thu-muc.jpg'))).toEqual({ ok: false, reason: 'unreadable' });
  });
});

test('the same photo gives the same bytes', async () => {
  const file = at('same.jpg');
  await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .jpeg()
    .toFile(file);
  const a = await loadPhoto(file);
  const b = await loadPhoto(file);
  expect(a.ok && b.ok && a.image.png.equals(b.image.png)).toBe(true);
});

test('twenty noisy 12-megapixel photos stay well under 10 MB together', async () => {
  // Random noise is the worst case for JPEG: phone photos of foliage or at high ISO come near it.
  // Encoding a 12-megapixel noise JPEG takes ~0.4 s, so two distinct ones (one of them turned by
  // EXIF) are each copied to ten files: the twenty are still decoded and encoded one by one.
  const tMake = Date.now();
  const sources: string[] = [];
  for (let j = 0; j < 2; j++) {
    const f = at(`noise-${j}.jpg`);
    await sharp(randomBytes(4000 * 3000 * 3), { raw: { width: 4000, height: 3000, channels: 3 } })
      .withMetadata({ orientation: j % 2 ? 6 : 1 })
      .jpeg({ quality: 50 }) // ~4.6 MB, a phone's file size; the output is as noisy as from quality 90
      .toFile(f);
    sources.push(f);
  }
  const files = Array.from({ length: 20 }, (_, i) => {
    const f = at(`photo-${i}.jpg`);
    fs.copyFileSync(sources[i % 2], f);
    return f;
  });
  const makeMs = Date.now() - tMake;

  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const t0 = Date.now();
  const results = await Promise.all(files.map((f) => loadPhoto(f)));
  const ms = Date.now() - t0;
  clearInterval(sampler);

  let total = 0;
  let largest = 0;
  for (const r of results) {
    if (!r.ok) throw new Error(r.reason);
    expect([r.image.width, r.image.height].sort()).toEqual([1200, 1600]);
    total += r.image.png.length;
    largest = Math.max(largest, r.image.png.length);
  }
  const inputBytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
  // eslint-disable-next-line no-console
  console.log(
    `20 noisy 4000×3000 photos (${(inputBytes / 1e6).toFixed(1)} MB in, made in ${makeMs} ms): ` +
      `${(total / 1e6).toFixed(2)} MB out, largest ${(largest / 1024).toFixed(0)} KB, ` +
      `${ms} ms (${(ms / 20).toFixed(0)} ms/photo), RSS ${(baseRss / 1e6).toFixed(0)} → peak ${(peakRss / 1e6).toFixed(0)} MB`,
  );
  expect(largest).toBeLessThanOrEqual(PHOTO_BYTE_BUDGET);
  expect(total).toBeLessThan(7.5 * 1024 * 1024);
});
