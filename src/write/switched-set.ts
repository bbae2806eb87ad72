import * as fs from 'node:fs';
import * as path from 'node:path';
import { syncDir, tempTag, writeWhole } from './durable';
import { outputFault } from './faults';
import type { OutputLock } from './lock';
import { publishStaged, recoverStaged, type OutputFile } from './staged-set';

/** Where the generations live, inside the output folder (hidden: no command reads it as an input). */
const META = '.lllweek';
/** The one pointer: `.lllweek/current` → `gen-…`. */
const CURRENT = 'current';
/** What an output's name in the output folder points to. */
const VIA_CURRENT = `${META}/${CURRENT}/`;

/**
 * Replaces the set of outputs in a folder a scheduled job owns (`rollup --out`) so that no reader
 * and no kill ever sees some outputs of one run beside some of another. On disk:
 *
 *     tong-hop/bao-cao-….docx  → .lllweek/current/bao-cao-….docx   (a relative link, made once)
 *     tong-hop/status.json     → .lllweek/current/status.json
 *     tong-hop/.lllweek/current → gen-<id>                          (the one pointer)
 *     tong-hop/.lllweek/gen-<id>/{bao-cao-….docx, …xlsx, status.json}
 *     tong-hop/.lllweek.lock/                                        (during a run, ./lock)
 *     tong-hop/<anything the user put there>                         (never touched)
 *
 * A run writes a new `gen-<id>/` whole and flushed, links any new output name, then renames a new
 * `current` link over the old one: that single rename (flushed) is the commit, and every output
 * name switches with it. Then the previous generation is removed. A kill before the rename leaves
 * the previous set (and an unfinished generation the next run removes); after it, the new set.
 * Outputs a previous version wrote as plain files are first adopted into a generation (hard
 * links: the same bytes, so nothing visible changes), then replaced by links.
 * Where links cannot be made (Windows, FAT, some network shares) the set is published as plain
 * files instead (./staged-set: all or nothing against a full disk; a kill in the last
 * milliseconds may leave a mix the next run completes).
 * Call with the folder's lock held. Throws Fatal `disk-full`, `output-denied`,
 * `output-unwritable`, `lock-lost`.
 */
export async function publishSwitched(dir: string, files: readonly OutputFile[], lock: OutputLock): Promise<void> {
  const meta = path.join(dir, META);
  try {
    await fs.promises.mkdir(meta, { recursive: true });
    await recoverSwitched(dir);
    if (!(await linksWork(meta))) return await publishStaged(dir, files, lock);
    await adoptPlainFiles(dir, files.map((f) => f.name));
  } catch (e) {
    throw outputFault(e, dir);
  }
  const gen = await newGeneration(meta).catch((e) => {
    throw outputFault(e, dir);
  });
  let committed = false;
  try {
    for (const f of files) {
      await writeWhole(path.join(meta, gen, f.name), f.data).catch((e) => {
        throw outputFault(e, dir, path.join(dir, f.name));
      });
    }
    await syncDir(path.join(meta, gen));
    for (const f of files) await linkName(dir, f.name);
    await syncDir(dir);
    lock.verify();
    await pointCurrent(meta, gen, () => (committed = true));
  } catch (e) {
    if (!committed) await fs.promises.rm(path.join(meta, gen), { recursive: true, force: true });
    throw outputFault(e, dir);
  }
  // The new set is in place; what is left to remove, a later run removes should this fail.
  await tidy(dir).catch(() => undefined);
}

/**
 * What a killed run left in the output folder `dir`: unfinished generations and temporary links
 * removed, output names pointing nowhere (a new name linked just before a kill) removed, a
 * fallback set half moved into place finished (./staged-set). Call with the folder's lock held.
 */
export async function recoverSwitched(dir: string): Promise<void> {
  await recoverStaged(dir);
  if (fs.existsSync(path.join(dir, META))) await tidy(dir);
}

async function tidy(dir: string): Promise<void> {
  const meta = path.join(dir, META);
  const current = await currentGeneration(meta);
  for (const name of await fs.promises.readdir(meta)) {
    if (current === null || (name !== CURRENT && name !== current)) await fs.promises.rm(path.join(meta, name), { recursive: true, force: true });
  }
  const present = new Set(current === null ? [] : await fs.promises.readdir(path.join(meta, current)));
  for (const e of await fs.promises.readdir(dir, { withFileTypes: true })) {
    if (!e.isSymbolicLink()) continue;
    const target = await fs.promises.readlink(path.join(dir, e.name));
    if (target.startsWith(VIA_CURRENT) && !present.has(target.slice(VIA_CURRENT.length))) await fs.promises.rm(path.join(dir, e.name));
  }
  await syncDir(meta);
  await syncDir(dir);
}

/** The generation `current` points to, or null (none yet, or a pointer to nothing). */
async function currentGeneration(meta: string): Promise<string | null> {
  try {
    const target = await fs.promises.readlink(path.join(meta, CURRENT));
    return /^gen-[0-9a-z]+$/.test(target) && (await fs.promises.stat(path.join(meta, target))).isDirectory() ? target : null;
  } catch {
    return null;
  }
}

/** A new, empty generation folder; its name sorts after the older ones'. */
async function newGeneration(meta: string): Promise<string> {
  const gen = `gen-${Date.now().toString(36)}${tempTag()}`;
  await fs.promises.mkdir(path.join(meta, gen));
  return gen;
}

/** Puts a link `target` at `at` in one rename (never a moment without `at`). */
async function replaceWithLink(meta: string, target: string, at: string): Promise<void> {
  const temp = path.join(meta, `link-${tempTag()}`);
  await fs.promises.symlink(target, temp);
  await fs.promises.rename(temp, at);
}

/** The commit: `current` now names `gen`; `onSwitched` is told the moment the rename is done. */
async function pointCurrent(meta: string, gen: string, onSwitched: () => void = () => undefined): Promise<void> {
  await replaceWithLink(meta, gen, path.join(meta, CURRENT));
  onSwitched();
  await syncDir(meta);
}

/** The output name `name` in `dir` points through `current` (it may already). */
async function linkName(dir: string, name: string): Promise<void> {
  const at = path.join(dir, name);
  const st = await fs.promises.lstat(at).catch(() => null);
  if (st?.isSymbolicLink() && (await fs.promises.readlink(at)) === VIA_CURRENT + name) return;
  if (st?.isDirectory()) throw Object.assign(new Error(`${at} is a folder`), { code: 'EISDIR' });
  await replaceWithLink(path.join(dir, META), VIA_CURRENT + name, at);
}

/**
 * Plain files bearing output names (a previous version's outputs, or a copy put there) join the
 * current generation by a hard link (a copy where the file system has none), so that replacing
 * them by links changes no byte anyone sees.
 */
async function adoptPlainFiles(dir: string, names: string[]): Promise<void> {
  const plain: string[] = [];
  for (const n of names) if ((await fs.promises.lstat(path.join(dir, n)).catch(() => null))?.isFile()) plain.push(n);
  if (!plain.length) return;
  const meta = path.join(dir, META);
  let current = await currentGeneration(meta);
  if (current === null) {
    current = await newGeneration(meta);
    await pointCurrent(meta, current);
  }
  for (const n of plain) {
    const temp = path.join(meta, `adopt-${tempTag()}`);
    await fs.promises.link(path.join(dir, n), temp).catch(() => fs.promises.copyFile(path.join(dir, n), temp));
    await fs.promises.rename(temp, path.join(meta, current, n));
  }
  await syncDir(path.join(meta, current));
  for (const n of plain) await linkName(dir, n);
}

/** Error codes of a file system that cannot hold symbolic links (or a user not allowed to make them, on Windows). */
const NO_LINKS = new Set(['EPERM', 'EOPNOTSUPP', 'ENOTSUP', 'ENOSYS', 'EINVAL']);

async function linksWork(meta: string): Promise<boolean> {
  const probe = path.join(meta, `probe-${tempTag()}`);
  try {
    await fs.promises.symlink(CURRENT, probe);
  } catch (e) {
    if (NO_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) return false;
    throw e;
  }
  await fs.promises.rm(probe);
  return true;
}
