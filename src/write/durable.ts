/**
 * Bytes that are on the disk, not merely handed to it. write-file-atomic (5.x) writes once and
 * ignores a write that took fewer bytes than asked (a disk filling up), then renames the truncated
 * file over the good one; these few functions are ours so that a short write is an error.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';

/** How a write call reports what it took: bytes written of `length` from `offset`, at file position `position`. */
export type WriteCall = (data: Uint8Array, offset: number, length: number, position: number) => Promise<number>;

/**
 * Writes all of `data` through `write`, going on after a short write until every byte is taken.
 * Throws what `write` throws (ENOSPC on a full disk), and an ENOSPC error of its own when a call
 * takes no byte at all: a write that makes no progress would otherwise loop for ever.
 */
export async function writeAll(write: WriteCall, data: Uint8Array): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const n = await write(data, done, data.length - done, done);
    if (!(n > 0)) throw Object.assign(new Error(`short write: ${done} of ${data.length} bytes taken`), { code: 'ENOSPC' });
    done += n;
  }
}

/**
 * Creates `file` (it must not exist: a name of our own choosing, never a user's file) holding
 * exactly `data`, flushed to the disk (fsync) before it returns. On any failure the partial file
 * is removed and the error (ENOSPC, EACCES…) thrown.
 */
export async function writeWhole(file: string, data: Uint8Array | string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const handle = await fs.promises.open(file, 'wx');
  try {
    await writeAll(async (b, offset, length, position) => (await handle.write(b, offset, length, position)).bytesWritten, bytes);
    await handle.sync();
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(file, { force: true });
    throw e;
  }
}

/** Errors of a folder's fsync that mean "this system cannot", not "it failed": Windows, some network file systems. */
const NO_DIR_SYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/**
 * Flushes a folder's entries (the names that renames and new files changed), so that after a power
 * cut the folder holds the files it was last seen holding. Where the system cannot flush a folder,
 * does nothing.
 */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(dir, 'r');
  } catch (e) {
    if (NO_DIR_SYNC.has((e as NodeJS.ErrnoException).code ?? '')) return;
    throw e;
  }
  try {
    await handle.sync();
  } catch (e) {
    if (!NO_DIR_SYNC.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await handle.close();
  }
}

/** A short random tag for temporary names no other run picks. */
export function tempTag(): string {
  return randomBytes(6).toString('hex');
}
