import * as fs from 'node:fs';
import * as path from 'node:path';
import { syncDir, tempTag, writeWhole } from './durable';
import { outputFault } from './faults';
import type { OutputLock } from './lock';

/** One output: its file name in the output folder, and its bytes. */
export interface OutputFile {
  name: string;
  data: Buffer;
}

/** `.lllweek-<time><tag>.tmp` while written, `.commit` once whole: hidden, so no command reads it as an input. */
const STAGE = /^\.lllweek-([0-9a-z]+)\.(tmp|commit)$/;

/**
 * Puts a set of plain files into a folder that also holds the user's own files (`report --out`,
 * by default the folder of its inputs), as nearly all at once as plain files allow:
 * 1. every file is written whole and flushed (fsync) into a hidden `.lllweek-<id>.tmp/` inside the
 *    folder; any failure there (a full disk, a kill) touches no previous output, and a failure
 *    removes the folder;
 * 2. that folder is renamed `.lllweek-<id>.commit/`: the commit point, flushed;
 * 3. each file is renamed over its namesake, the emptied folder removed, the folder flushed.
 * So a reader never sees a partial file, and a disk that fills leaves the previous set whole. Only
 * a kill within step 3 (a few renames: milliseconds) can leave some files new and some old; the
 * commit folder it leaves says so, and the next publish into that folder (`recoverStaged`, first
 * thing under the lock) finishes its renames, so the set ends all new.
 * Call with the folder's lock held. Throws Fatal `disk-full`, `output-denied`, `output-unwritable`,
 * `lock-lost`.
 */
export async function publishStaged(dir: string, files: readonly OutputFile[], lock: OutputLock): Promise<void> {
  await recoverStaged(dir);
  const id = `${Date.now().toString(36)}${tempTag()}`;
  const staging = path.join(dir, `.lllweek-${id}.tmp`);
  const commit = path.join(dir, `.lllweek-${id}.commit`);
  try {
    await fs.promises.mkdir(staging);
  } catch (e) {
    throw outputFault(e, dir);
  }
  try {
    for (const f of files) {
      await writeWhole(path.join(staging, f.name), f.data).catch((e) => {
        throw outputFault(e, dir, path.join(dir, f.name));
      });
    }
    await syncDir(staging);
    lock.verify();
    await fs.promises.rename(staging, commit);
  } catch (e) {
    await fs.promises.rm(staging, { recursive: true, force: true });
    throw outputFault(e, dir);
  }
  try {
    await syncDir(dir);
    await rollForward(dir, commit);
  } catch (e) {
    throw outputFault(e, dir);
  }
}

/** Moves a committed set's files into place, then removes its folder. Safe to repeat after a kill. */
async function rollForward(dir: string, commit: string): Promise<void> {
  for (const name of await fs.promises.readdir(commit)) await fs.promises.rename(path.join(commit, name), path.join(dir, name));
  await syncDir(dir);
  await fs.promises.rmdir(commit);
}

/**
 * What a killed publish left in `dir`: a set still being written (`.tmp`) is removed; a committed
 * one (`.commit`) is put in place, oldest first. Call with the folder's lock held.
 */
export async function recoverStaged(dir: string): Promise<void> {
  let names: string[];
  try {
    names = (await fs.promises.readdir(dir)).filter((n) => STAGE.test(n)).sort();
  } catch (e) {
    throw outputFault(e, dir);
  }
  try {
    for (const name of names) {
      const full = path.join(dir, name);
      if (name.endsWith('.tmp')) await fs.promises.rm(full, { recursive: true, force: true });
      else await rollForward(dir, full);
    }
  } catch (e) {
    throw outputFault(e, dir);
  }
}
