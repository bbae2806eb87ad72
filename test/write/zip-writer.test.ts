import * as zlib from 'node:zlib';
import { strToU8, unzipSync } from 'fflate';
import { writeZip, type ZipEntry } from '../../src/write/zip-writer';

/** ~9 MB of sheet-like XML: three 4 MB slices deflated apart, joined into one stream. */
function bigXml(): Uint8Array {
  const rows: string[] = [];
  for (let r = 1, length = 0; length < 9 * 1024 * 1024; r++) {
    rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 1013}</v></c><c r="B${r}"><v>${r * 3}</v></c></row>`);
    length += rows[rows.length - 1].length;
  }
  return strToU8(`<sheetData>${rows.join('')}</sheetData>`);
}

/** The local headers, walked from the start: name, method, CRC, sizes, DOS time and date. */
function localHeaders(zip: Buffer) {
  const out: { name: string; method: number; crc: number; csize: number; usize: number; time: number; date: number }[] = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const nameLen = zip.readUInt16LE(at + 26);
    const csize = zip.readUInt32LE(at + 18);
    out.push({
      name: zip.toString('utf8', at + 30, at + 30 + nameLen),
      method: zip.readUInt16LE(at + 8),
      crc: zip.readUInt32LE(at + 14),
      csize,
      usize: zip.readUInt32LE(at + 22),
      time: zip.readUInt16LE(at + 10),
      date: zip.readUInt16LE(at + 12),
    });
    at += 30 + nameLen + csize;
  }
  return out;
}

describe('writeZip', () => {
  const big = bigXml();
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: strToU8('<Types/>'), level: 6 },
    { name: 'xl/worksheets/sheet1.xml', data: big, level: 1 },
    { name: 'xl/media/ảnh 1.jpeg', data: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), level: 0 },
    { name: 'empty.xml', data: new Uint8Array(0), level: 6 },
  ];
  const mtime = new Date('2025-10-12T23:59:58Z');

  test('every part comes back byte for byte, the sliced one too', async () => {
    expect(big.length).toBeGreaterThan(8 * 1024 * 1024);
    const zip = await writeZip(entries, mtime);
    const parts = unzipSync(new Uint8Array(zip));
    expect(Object.keys(parts)).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(Buffer.compare(Buffer.from(parts[e.name]), Buffer.from(e.data))).toBe(0);
  });

  test('headers: CRC-32 and sizes of the data, stored or deflated as asked, UTF-8 names, the UTC time', async () => {
    const zip = await writeZip(entries, mtime);
    const headers = localHeaders(zip);
    expect(headers.map((h) => h.name)).toEqual(entries.map((e) => e.name));
    headers.forEach((h, i) => {
      expect(h.crc).toBe(zlib.crc32(entries[i].data));
      expect(h.usize).toBe(entries[i].data.length);
      expect(h.method).toBe(entries[i].level > 0 ? 8 : 0);
      expect(h.date).toBe(((2025 - 1980) << 9) | (10 << 5) | 12);
      expect(h.time).toBe((23 << 11) | (59 << 5) | 29);
    });
    const sheet = headers[1];
    expect(sheet.csize).toBeLessThan(sheet.usize / 4);
    // The end record counts every entry and points at the central directory after the data.
    const end = zip.subarray(zip.length - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(10)).toBe(entries.length);
    expect(zip.readUInt32LE(end.readUInt32LE(16))).toBe(0x02014b50);
  });

  test('the same parts give the same bytes', async () => {
    const a = await writeZip(entries, mtime);
    const b = await writeZip(entries.map((e) => ({ ...e, data: Uint8Array.from(e.data) })), new Date(mtime.getTime()));
    expect(Buffer.compare(a, b)).toBe(0);
  });

  test('an invalid time is refused', async () => {
    await expect(writeZip(entries, new Date(NaN))).rejects.toThrow(/not a valid date/);
  });
});
