import * as fs from 'node:fs';
import * as path from 'node:path';
import * as lockfile from 'proper-lockfile';
import { Fatal } from '../fatal';

/**
 * One run at a time per output folder: a second scheduled run waits a little, then gives up with
 * a clear message (exit 2) instead of interleaving its files with the first's. A lock left by a
 * killed run goes stale after a minute.
 */
export async function lockOutput(dir: string, waitMs = 3000): Promise<() => Promise<void>> {
  fs.mkdirSync(dir, { recursive: true });
  const retries = Math.max(1, Math.round(waitMs / 250));
  try {
    return await lockfile.lock(dir, {
      lockfilePath: path.join(dir, '.lllweek.lock'),
      stale: 60_000,
      update: 10_000,
      retries: { retries, minTimeout: 250, maxTimeout: 250, factor: 1 },
      realpath: false,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new Fatal('locked', { value: dir });
    throw new Fatal('output-unwritable', { value: dir, detail: (e as Error).message });
  }
}
