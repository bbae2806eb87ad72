import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageFormatOfFile } from '../catalog/image-formats';

export type PhotoVerdict =
  | { ok: true; path: string }
  | { ok: false; code: 'photo-outside' }
  | { ok: false; code: 'photo-missing'; reason: 'missing' | 'not-image' };

const WINDOWS_ABSOLUTE = /^(?:[a-zA-Z]:[\\/]|[\\/]{2})/;

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * A photo path from a table, relative to the table's own folder. It may not leave that folder,
 * by `..`, an absolute path, or a symbolic link pointing out of it: a submission cannot make the
 * report embed another file of the machine.
 */
export function checkPhoto(written: string, tableFile: string): PhotoVerdict {
  const p = written.replace(/\\/g, '/');
  if (path.isAbsolute(p) || WINDOWS_ABSOLUTE.test(written)) return { ok: false, code: 'photo-outside' };
  const root = path.resolve(path.dirname(tableFile));
  const target = path.resolve(root, p);
  if (!inside(root, target)) return { ok: false, code: 'photo-outside' };
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    return { ok: false, code: 'photo-missing', reason: 'missing' };
  }
  if (!inside(fs.realpathSync(root), real)) return { ok: false, code: 'photo-outside' };
  try {
    if (!fs.statSync(real).isFile() || imageFormatOfFile(real) === null) return { ok: false, code: 'photo-missing', reason: 'not-image' };
  } catch {
    return { ok: false, code: 'photo-missing', reason: 'missing' };
  }
  return { ok: true, path: real };
}
