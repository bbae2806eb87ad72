import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { imageFormatOf, imageFormatOfFile } from '../../src/catalog/image-formats';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.each([
  ['a JPEG (SOI, then a marker)', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'jpeg'],
  ['a PNG signature', [...PNG, 0, 0, 0, 0x0d], 'png'],
  ['a PNG signature cut short', PNG.slice(0, 7), null],
  ['a JPEG SOI without its marker', [0xff, 0xd8], null],
  ['HEIC saved as .jpg', [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63], null],
  ['a GIF', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], null],
  ['nothing', [], null],
])('%s', (_what, bytes, format) => {
  expect(imageFormatOf(Uint8Array.from(bytes))).toBe(format);
});

test('a file is judged by its first bytes, not its name; a missing one throws its error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-sniff-'));
  fs.writeFileSync(path.join(dir, 'anh.jpg'), Buffer.from([...PNG, 1, 2, 3]));
  fs.writeFileSync(path.join(dir, 'anh.png'), 'not a picture');
  expect(imageFormatOfFile(path.join(dir, 'anh.jpg'))).toBe('png');
  expect(imageFormatOfFile(path.join(dir, 'anh.png'))).toBeNull();
  expect(() => imageFormatOfFile(path.join(dir, 'khong-co.jpg'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
});
