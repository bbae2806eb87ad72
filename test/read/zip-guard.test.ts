import * as fs from 'fs';
import { checkEntries, DEFAULT_ZIP_LIMITS, inspectZip } from '../../src/read/zip-guard';
import { readDirectoryNames } from '../../src/read/cfb';
import type { ZipEntry } from '../../src/read/zip';
import { buildCfb, buildZip, deflated, tmpDir, write } from './helpers';

const MB = 1024 * 1024;
const entry = (name: string, compressedSize: number, uncompressedSize: number): ZipEntry => ({
  name,
  method: 8,
  compressedSize,
  uncompressedSize,
  localHeaderOffset: 0,
});

describe('checkEntries', () => {
  test('an ordinary large workbook passes', () => {
    const v = checkEntries([entry('xl/worksheets/sheet1.xml', 8 * MB, 60 * MB), entry('xl/sharedStrings.xml', 2 * MB, 20 * MB)]);
    expect(v.ok).toBe(true);
  });
  test('a high ratio on a small entry is fine, on a big one it is not', () => {
    expect(checkEntries([entry('xl/styles.xml', 100, 40 * MB)]).ok).toBe(true);
    expect(checkEntries([entry('xl/worksheets/sheet1.xml', 200 * 1024, 51 * MB)])).toMatchObject({ ok: false, reason: 'too-large' });
    expect(checkEntries([entry('xl/worksheets/sheet1.xml', 0, 51 * MB)])).toMatchObject({ ok: false, reason: 'too-large' });
  });
  test('the declared total is capped', () => {
    const parts = Array.from({ length: 12 }, (_, i) => entry(`xl/worksheets/sheet${i + 1}.xml`, 40 * MB, 90 * MB));
    expect(checkEntries(parts)).toMatchObject({ ok: false, reason: 'too-large', detail: expect.stringMatching(/unpacks to/) });
    expect(checkEntries(parts.slice(0, 11)).ok).toBe(true);
  });
  test('the entry count is capped', () => {
    const many = Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => entry(`f${i}`, 1, 1));
    expect(checkEntries(many)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(checkEntries(many.slice(1)).ok).toBe(true);
  });
});

describe('inspectZip', () => {
  const dir = tmpDir();
  const inspect = async (data: Buffer) => {
    const f = write(dir, `z${Math.random().toString(36).slice(2)}.zip`, data);
    const fh = await fs.promises.open(f, 'r');
    try {
      return await inspectZip(fh, data.length);
    } finally {
      await fh.close();
    }
  };
  const zip = buildZip([deflated('a.txt', 'hello'), deflated('xl/workbook.xml', '<workbook/>')]);

  test('reads the central directory', async () => {
    const v = await inspect(zip);
    expect(v).toMatchObject({ ok: true });
    if (v.ok) expect(v.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([['a.txt', 5], ['xl/workbook.xml', 11]]);
  });
  test('finds the EOCD behind a zip comment', async () => {
    const withComment = Buffer.concat([zip, Buffer.from('a comment')]);
    withComment.writeUInt16LE(9, zip.length - 2);
    expect(await inspect(withComment)).toMatchObject({ ok: true });
  });
  test('a cut file has no EOCD: corrupt', async () => {
    expect(await inspect(zip.subarray(0, zip.length - 30))).toMatchObject({ ok: false, reason: 'corrupt' });
  });
  test('an EOCD pointing outside the file: corrupt', async () => {
    const bad = Buffer.from(zip);
    bad.writeUInt32LE(zip.length * 2, zip.length - 6); // central directory offset
    expect(await inspect(bad)).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});

describe('readDirectoryNames (CFB)', () => {
  const dir = tmpDir();
  test('walks header → FAT → directory chain', async () => {
    const data = buildCfb(['EncryptionInfo', 'EncryptedPackage']);
    const f = write(dir, 'enc.xlsx', data);
    const fh = await fs.promises.open(f, 'r');
    try {
      expect(await readDirectoryNames(fh, data.length)).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
      await expect(readDirectoryNames(fh, 512)).rejects.toThrow(); // the directory lies beyond a cut file
    } finally {
      await fh.close();
    }
  });
});
