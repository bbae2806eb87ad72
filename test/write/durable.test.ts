/**
 * Bytes on the disk: a write that takes fewer bytes than asked goes on from where it stopped (the
 * bug of write-file-atomic 5, which wrote once and renamed a truncated file over a good one); a
 * write that takes nothing is an error, never a loop; a file is created, never overwritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Fatal } from '../../src/fatal';
import { writeAtomic } from '../../src/write/atomic';
import { writeAll, writeWhole, type WriteCall } from '../../src/write/durable';
import { tmpDir } from './helpers';

/** A disk that takes at most `step` bytes a call, and nothing after `capacity`. */
function disk(step: number, capacity = Infinity): { write: WriteCall; bytes: number[]; calls: number } {
  const d = { bytes: [] as number[], calls: 0, write: (async () => 0) as WriteCall };
  d.write = async (data, offset, length, position) => {
    d.calls++;
    expect(position).toBe(d.bytes.length); // each call goes on where the last stopped
    const n = Math.max(0, Math.min(step, length, capacity - d.bytes.length));
    d.bytes.push(...data.subarray(offset, offset + n));
    return n;
  };
  return d;
}

const DATA = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

it('short writes: every byte is written, in order, however few each call takes', async () => {
  const d = disk(7);
  await writeAll(d.write, DATA);
  expect(Buffer.from(d.bytes).equals(Buffer.from(DATA))).toBe(true);
  expect(d.calls).toBe(Math.ceil(1000 / 7));
});

it('a write that takes nothing (the disk is full) is ENOSPC, after the bytes it could write', async () => {
  const d = disk(64, 300);
  await expect(writeAll(d.write, DATA)).rejects.toMatchObject({ code: 'ENOSPC', message: 'short write: 300 of 1000 bytes taken' });
  expect(d.bytes.length).toBe(300);
});

it('nothing to write is no call at all', async () => {
  const d = disk(64);
  await writeAll(d.write, new Uint8Array(0));
  expect(d.calls).toBe(0);
});

it('writeWhole creates the file with exactly the bytes, and never overwrites one that exists', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'a.bin');
  await writeWhole(file, DATA);
  expect(fs.readFileSync(file).equals(Buffer.from(DATA))).toBe(true);
  await expect(writeWhole(file, 'other')).rejects.toMatchObject({ code: 'EEXIST' });
  expect(fs.readFileSync(file).equals(Buffer.from(DATA))).toBe(true);
});

it('writeAtomic replaces a file whole and leaves no temporary file; a folder in the way is a coded fault', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'bieu-mau.xlsx');
  fs.writeFileSync(file, 'old');
  await writeAtomic(file, 'new');
  expect(fs.readFileSync(file, 'utf8')).toBe('new');
  expect(fs.readdirSync(dir)).toEqual(['bieu-mau.xlsx']);

  fs.mkdirSync(path.join(dir, 'thu-muc.xlsx'));
  await expect(writeAtomic(path.join(dir, 'thu-muc.xlsx'), 'x')).rejects.toEqual(
    new Fatal('output-unwritable', { value: path.join(dir, 'thu-muc.xlsx'), detail: 'EISDIR' }),
  );
  expect(fs.readdirSync(dir).sort()).toEqual(['bieu-mau.xlsx', 'thu-muc.xlsx']);
});
