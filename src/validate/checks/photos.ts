import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageFormatOfFile } from '../../catalog/image-formats';
import type { Activity } from '../../records/records';
import type { Check } from './check';

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

/**
 * An activity's photos (`;`-separated paths, relative to the table's file): each must be a JPEG or
 * PNG inside the submission's folder. One outside it is an error (`photo-outside`); a missing one
 * a warning (`photo-missing`), the activity kept without it. The value becomes the photos found
 * (none: the record's default).
 */
export const photos: Check = {
  name: 'photos',
  meta: { description: 'a photo path that leaves the folder, does not exist or is not an image', codes: ['photo-outside', 'photo-missing'], kinds: ['activities'] },
  create: () => ({
    row(ctx) {
      const text = ctx.get<string>('photos');
      if (text === null) return;
      const found: Activity['photos'] = [];
      for (const written of text.split(';').map((s) => s.trim()).filter(Boolean)) {
        const v = checkPhoto(written, ctx.file);
        if (v.ok) found.push({ written, path: v.path });
        else if (v.code === 'photo-outside') ctx.report('photo-outside', 'photos', {}, written);
        else ctx.report('photo-missing', 'photos', { reason: v.reason }, written);
      }
      ctx.set('photos', found);
    },
  }),
};
