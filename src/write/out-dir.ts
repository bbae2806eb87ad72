import * as fs from 'node:fs';
import * as path from 'node:path';
import { Fatal } from '../fatal';
import { outputFault } from './faults';

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw outputFault(e, p);
  }
}

/**
 * Makes sure `dir` (an `--out`) is a folder this run can write in, before any long work starts:
 * made if absent, but only inside a folder that exists (a mistyped path in a scheduled job must
 * not grow a tree of folders). Throws Fatal `out-not-folder` (it names a file),
 * `out-parent-missing`, `output-denied` (read-only), `output-unwritable`.
 */
export function prepareOutDir(dir: string): void {
  const st = statOrNull(dir);
  if (st && !st.isDirectory()) throw new Fatal('out-not-folder', { value: dir });
  if (!st) {
    const parent = path.dirname(dir);
    if (!statOrNull(parent)?.isDirectory()) throw new Fatal('out-parent-missing', { value: dir, other: parent });
    try {
      fs.mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw outputFault(e, parent);
    }
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw outputFault(e, dir);
  }
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realish(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realish(parent), path.basename(abs));
  }
}

/** `a` is `b` or lies inside it. */
function within(a: string, b: string): boolean {
  const rel = path.relative(b, a);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Refuses an `--out` that is the inbox, lies inside it or holds it (compared by real path, links
 * followed): each run would read the last one's outputs as submissions, or take every submission
 * for an output (`rollup hop-thu --out .` counted 0 submitted, 14 missing). Throws Fatal
 * `out-overlaps-inbox` naming both as given.
 */
export function refuseOverlap(out: string, inbox: string): void {
  const o = realish(out);
  const i = realish(inbox);
  if (within(o, i) || within(i, o)) throw new Fatal('out-overlaps-inbox', { value: out, other: inbox });
}
