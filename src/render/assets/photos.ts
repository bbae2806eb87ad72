/**
 * The report's photos: a unit's JPEG or PNG, turned upright, scaled to at most 1600 px on its
 * longer side and re-encoded as a metadata-free JPEG, so that twenty phone photos fit in a report
 * that can still be e-mailed (the whole .docx under 10 MB).
 *
 * A user's file is never a reason to stop the report: every failure becomes a reason the caller
 * turns into a warning. sharp is required lazily (a report without photos should not load libvips).
 */
import * as fs from 'fs';
import * as path from 'path';
import { imageFormatOfFile, type ImageFormat } from '../../catalog/image-formats';
import { MAX_PHOTOS, photoName, type PhotoCandidate } from '../../compose/photo-plan';
import type { PhotoRef } from '../../compose/context';
import type { ImageAsset, ImageStore } from '../../document/types';

export type PhotoFailure = 'missing' | 'unreadable' | 'not-image';
export type PhotoResult = { ok: true; image: ImageAsset } | { ok: false; reason: PhotoFailure };

export interface PhotoOptions {
  /** Alt text; default: the file's name without its extension. */
  alt?: string;
}

const MAX_SIDE = 1600;
const QUALITY = 80;
/**
 * Per-photo ceiling. Ordinary photos come out at 150–350 KB at quality 80; only extreme detail or
 * sensor noise goes above, and then the quality is lowered until the photo fits (down to 30). 20 × 350 KB = 7 MB
 * leaves room under 10 MB for the charts and the rest of the document.
 */
export const PHOTO_BYTE_BUDGET = 350 * 1024;
const MIN_QUALITY = 30;
/**
 * Photos processed at the same time. A PNG cannot be shrunk while it is decoded and a rotation
 * needs the whole picture: a 12-megapixel photo can hold ~50 MB of pixels, so a report with twenty
 * of them decodes two at a time (libvips still uses every core inside each one).
 */
const MAX_ACTIVE = 2;

// Typed from sharp's ESM declarations (what moduleResolution node10 picks); at run time require() gives the same function.
type Sharp = typeof import('sharp').default;
let sharpLib: Sharp | undefined;

function loadSharp(): Sharp {
  if (!sharpLib) {
    const lib: Sharp = require('sharp');
    // libvips' operation cache keeps decoded images around for reuse we never make: ~50 MB per photo.
    lib.cache(false);
    sharpLib = lib;
  }
  return sharpLib;
}

let active = 0;
const waiting: (() => void)[] = [];

/** Runs `job` when fewer than MAX_ACTIVE photos are being processed; a finished job hands its slot on. */
async function withSlot<T>(job: () => Promise<T>): Promise<T> {
  if (active < MAX_ACTIVE) active++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

type Sniffed = ImageFormat | 'other' | PhotoFailure;

/**
 * What the file's first bytes say it is (its name is not trusted: phones save HEIC as .jpg).
 * Read synchronously: the decoding then starts in sharp's threads at once, even when the main
 * thread goes on drawing charts before it looks at the event loop again.
 */
function sniff(file: string): Sniffed {
  try {
    return imageFormatOfFile(file) ?? 'other';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  }
}

/** Upright, within 1600 × 1600, on white, as JPEG within the byte budget; throws on a broken file. */
async function shrinkPhoto(file: string): Promise<{ data: Buffer; width: number; height: number }> {
  const sharp = loadSharp();
  // failOn 'error': a truncated or corrupt photo is refused (not drawn half grey); mere
  // warnings, common in phone files, are tolerated.
  const pixels = await sharp(file, { failOn: 'error' })
    .rotate() // from the EXIF orientation
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' }) // transparent PNG areas print white, not black
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = pixels.info;
  // Decoded once; re-encoding the small raw picture at a lower quality costs ~40 ms.
  const encode = (quality: number) =>
    sharp(pixels.data, { raw: { width, height, channels } }).jpeg({ quality, mozjpeg: false }).toBuffer();
  let quality = QUALITY;
  let data = await encode(quality);
  while (data.length > PHOTO_BYTE_BUDGET && quality > MIN_QUALITY) {
    // Between quality 40 and 80 a JPEG's size goes roughly with the square of its quality: aim a
    // little under the budget so that one more encoding is nearly always enough.
    const aim = Math.floor(quality * Math.sqrt(PHOTO_BYTE_BUDGET / data.length) * 0.97);
    quality = Math.max(MIN_QUALITY, Math.min(quality - 4, aim));
    data = await encode(quality);
  }
  return { data, width, height };
}

/**
 * Loads a photo for the report. JPEG and PNG only, recognised by content. The result's `png`
 * field holds JPEG bytes (`format: 'jpeg'`); width and height are those of the output. Never throws.
 */
export async function loadPhoto(file: string, opts: PhotoOptions = {}): Promise<PhotoResult> {
  try {
    const kind = sniff(file);
    if (kind === 'missing' || kind === 'unreadable') return { ok: false, reason: kind };
    if (kind !== 'jpeg' && kind !== 'png') return { ok: false, reason: 'not-image' };
    const out = await withSlot(() => shrinkPhoto(file));
    const alt = (opts.alt ?? path.basename(file, path.extname(file))).normalize('NFC');
    return { ok: true, image: { png: out.data, width: out.width, height: out.height, alt, format: 'jpeg' } };
  } catch (err) {
    // The file may have gone between the look at its first bytes and the decoding.
    const gone = err instanceof Error && /input file is missing/i.test(err.message);
    return { ok: false, reason: gone ? 'missing' : 'unreadable' };
  }
}

/** Indexes of `files` by size, largest first (a file that cannot be read counts as empty). */
function largestFirst(files: string[]): number[] {
  const size = files.map((f) => {
    try {
      return fs.statSync(f).size;
    } catch {
      return 0;
    }
  });
  return files.map((_, i) => i).sort((a, b) => size[b] - size[a] || a - b);
}

/**
 * The report's photos (compose/photo-plan.ts), the first MAX_PHOTOS that can be read: put in
 * `images` under `photo-1`, `photo-2` … in the candidates' order, with the refs the document
 * names them by. `warnings`: the photos left out, as the clerk wrote them. Never throws.
 */
export async function loadPhotos(candidates: readonly PhotoCandidate[], images: ImageStore): Promise<{ refs: PhotoRef[]; warnings: string[] }> {
  const refs: PhotoRef[] = [];
  const warnings: string[] = [];
  // In rounds, all of a round at once (withSlot bounds how many decode together, off the main
  // thread), so that an unreadable photo leaves its place to the next one.
  for (let next = 0; refs.length < MAX_PHOTOS && next < candidates.length; ) {
    const round = candidates.slice(next, next + MAX_PHOTOS - refs.length);
    next += round.length;
    // Largest files first: a 12-megapixel photo started last would finish long after the others.
    const pending: Promise<PhotoResult>[] = [];
    for (const i of largestFirst(round.map((p) => p.path))) pending[i] = loadPhoto(round[i].path, { alt: round[i].caption });
    const results = await Promise.all(pending);
    results.forEach((result, i) => {
      if (!result.ok) {
        warnings.push(round[i].written);
        return;
      }
      const name = photoName(refs.length);
      images.set(name, result.image);
      refs.push({ image: name, caption: round[i].caption });
    });
  }
  return { refs, warnings };
}
