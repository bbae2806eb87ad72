/** Turning command-line paths into the list of files to read. */
import { promises as fsp } from 'fs';
import type { Dirent, Stats } from 'fs';
import * as path from 'path';

/**
 * Extensions picked up inside a folder (compared lower-cased): what offices send (README, "Input
 * formats"). A file named on the command line is taken whatever its name; either way the bytes,
 * not the name, decide how it is read.
 */
const TABLE_EXTENSIONS = new Set(['.csv', '.xlsx', '.xlsm', '.xls', '.ods']);

export interface ExpandedInputs {
  /** Files to read, in a deterministic order; each path as given (a folder's files are the folder path joined with their relative part). */
  files: string[];
  /** Arguments that do not exist. */
  missing: string[];
}

/**
 * Expands command-line arguments: a file is taken as is (it is sniffed later, so a CSV saved
 * as `.txt` still works); a folder means every .csv/.xlsx/.xlsm/.xls/.ods below it, recursively, without
 * Excel's `~$` lock files and hidden entries, sorted by code point. Arguments keep their
 * order. A file reached twice (two arguments naming it) is read once, at its first place.
 */
export async function expandInputs(paths: string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = path.resolve(p);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };

  for (const arg of paths) {
    const st = await statOrNull(arg);
    if (st === null) {
      missing.push(arg);
    } else if (st.isDirectory()) {
      const found: string[] = [];
      await walk(arg, found);
      found.sort(compareCodePoints);
      found.forEach(add);
    } else {
      add(arg);
    }
  }
  return { files, missing };
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable sub-folder holds nothing we can read; the files we can read still count
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = joinKeepingPrefix(dir, e.name);
    if (e.isDirectory()) {
      await walk(full, out);
      continue;
    }
    // A linked file is followed; a linked folder is not (like `find`): it could lead back up
    // the tree, or out of the folder the clerk named.
    const isFile = e.isFile() || (e.isSymbolicLink() && (await statOrNull(full))?.isFile() === true);
    if (isFile && TABLE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(full);
  }
}

/** `dir` + name without path.join's normalisation, so `./data` stays `./data/x.csv` as the user typed it. */
function joinKeepingPrefix(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

/** Orders strings by Unicode code point (not UTF-16 unit, not locale), so the order is the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Only surrogates disagree with code point order: they encode points above U+FFFF,
      // which must sort after U+E000..U+FFFF although their units are smaller.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}
