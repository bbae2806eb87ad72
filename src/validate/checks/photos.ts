import * as fs from 'node:fs';
import * as path from 'node:path';

export type PhotoVerdict =
  | { ok: true; path: string }
  | { ok: false; code: 'photo-outside' }
  | { ok: false; code: 'photo-missing'; reason: 'missing' | 'not-image' };

const WINDOWS_ABSOLUTE = /^(?:[a-zA-Z]:[\\/]|[\\/]{2})/;

function isJpegOrPng(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const n = fs.readSync(fd, head, 0, 8, 0);
    if (n >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return true;
    return n === 8 && head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  } finally {
    fs.closeSync(fd);
  }
}

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
    if (!fs.statSync(real).isFile() || !isJpegOrPng(real)) return { ok: false, code: 'photo-missing', reason: 'not-image' };
  } catch {
    return { ok: false, code: 'photo-missing', reason: 'missing' };
  }
  return { ok: true, path: real };
}
