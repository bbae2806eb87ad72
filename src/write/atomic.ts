import * as fs from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { Fatal } from '../fatal';

/**
 * Writes a file whole or not at all: a temporary file in the same folder, then a rename, so a
 * reader (or a killed run) never leaves half a report behind.
 */
export async function writeAtomic(file: string, data: Buffer | string): Promise<void> {
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, data, { fsync: true });
  } catch (e) {
    throw new Fatal('output-unwritable', { value: file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}

/** Checks an output folder can be made and written before any long work starts. */
export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw new Fatal('output-unwritable', { value: dir, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}
