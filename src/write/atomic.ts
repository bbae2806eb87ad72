import * as fs from 'node:fs';
import * as path from 'node:path';
import { syncDir, tempTag, writeWhole } from './durable';
import { outputFault } from './faults';

/**
 * Writes one file whole or not at all (the blank form, init's files): every byte into a hidden
 * temporary file beside it, flushed, renamed over `file`, the folder flushed. A full disk or a
 * killed run leaves the previous file as it was (and at most a `.name.xxxx.tmp` beside it).
 * Throws Fatal `disk-full`, `output-denied` or `output-unwritable`.
 */
export async function writeAtomic(file: string, data: Buffer | string): Promise<void> {
  const dir = path.dirname(file);
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(file)}.${tempTag()}.tmp`);
    await writeWhole(temp, data);
    await fs.promises.rename(temp, file).catch(async (e) => {
      await fs.promises.rm(temp, { force: true });
      throw e;
    });
    await syncDir(dir);
  } catch (e) {
    throw outputFault(e, dir, file);
  }
}
