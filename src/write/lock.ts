import * as fs from 'node:fs';
import * as path from 'node:path';
import * as lockfile from 'proper-lockfile';
import { Fatal } from '../fatal';
import { outputFault } from './faults';

/** The lock's folder inside the output folder (proper-lockfile's: a folder, made atomically by mkdir). */
const LOCK_NAME = '.lllweek.lock';

/** A held lock on an output folder. */
export interface OutputLock {
  /**
   * Throws Fatal `lock-lost` when the lock is no longer this run's: its folder removed (by a
   * person, a clean-up job) or taken by another run. Called right before an output set is put in
   * place, so that a run that lost its lock never replaces anything.
   */
  verify(): void;
}

/**
 * Which folder a path is: a lock removed and made again is another folder, though the system often
 * gives it the same inode number at once (its birth time tells them apart where it is recorded).
 */
function identity(p: string): string | null {
  try {
    const st = fs.statSync(p);
    return `${st.ino}:${st.birthtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * Runs `work` holding the lock of the output folder `dir`: one run at a time per folder. A second
 * run waits up to `waitMs`, then gives up with Fatal `locked` (exit 2) instead of interleaving its
 * files with the first's. A lock left by a killed run goes stale after a minute (the next
 * scheduled run takes it over). The lock lives in `dir` (`.lllweek.lock`), which a run never
 * replaces (the outputs inside it are switched, see ./switched-set), and is kept fresh every
 * second; should it be removed or taken meanwhile, `work` is abandoned at once with Fatal
 * `lock-lost` (proper-lockfile's `onCompromised`, which by default throws from a timer).
 * Throws Fatal `locked`, `lock-lost`, or an output fault (`disk-full`, `output-denied`…).
 */
export async function withOutputLock<T>(dir: string, work: (lock: OutputLock) => Promise<T>, waitMs = 3000): Promise<T> {
  const lockPath = path.join(dir, LOCK_NAME);
  let lost: Fatal | null = null;
  let abandon: (f: Fatal) => void = () => undefined;
  const abandoned = new Promise<never>((_, reject) => (abandon = reject));
  abandoned.catch(() => undefined); // the race below reports it; once the work is done, a loss changes nothing
  const loseIt = () => {
    lost ??= new Fatal('lock-lost', { value: lockPath });
    abandon(lost);
    return lost;
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: lockPath,
      stale: 60_000,
      update: 1_000,
      retries: { retries: Math.max(1, Math.round(waitMs / 250)), minTimeout: 250, maxTimeout: 250, factor: 1 },
      realpath: false,
      onCompromised: () => void loseIt(),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new Fatal('locked', { value: dir });
    throw outputFault(e, dir);
  }
  const mine = identity(lockPath);
  if (mine === null) throw loseIt(); // removed the moment it was made
  const lock: OutputLock = {
    verify() {
      if (lost) throw lost;
      if (identity(lockPath) !== mine) throw loseIt();
    },
  };
  try {
    return await Promise.race([work(lock), abandoned]);
  } finally {
    if (!lost) await release().catch(() => undefined);
  }
}
