/**
 * The report's photos as the document composes them: which, in what order, under which image
 * names, with what caption. Decoding them is the renderer's job (render/assets/photos.ts).
 */
import { formatViDate } from '../text/vi-date';
import type { Activity, Unit } from '../records/records';
import type { PhotoRef } from './context';

/** Twenty phone photos keep the .docx under 10 MB (report.md). */
export const MAX_PHOTOS = 20;

/** A photo the report would show: its file (as written by the clerk, and resolved) and its caption. */
export interface PhotoCandidate {
  path: string;
  written: string;
  caption: string;
}

/** The image name of the report's i-th photo (0-based): `photo-1`, `photo-2` … */
export const photoName = (i: number) => `photo-${i + 1}`;

/**
 * The activities' photos in the order the report shows them (by date), each file once, with its
 * caption: the clerk's own, one per photo when as many `;`-separated captions as photos were
 * written; else "unit, date: title".
 */
export function photoCandidates(activities: readonly Activity[], units: ReadonlyMap<string, Unit>): PhotoCandidate[] {
  const unitName = (code: string) => units.get(code)?.name ?? code;
  const captionsOf = (a: Activity) => {
    const parts = (a.caption ?? '').split(';').map((s) => s.trim());
    return a.photos.map((_, i) => (parts.length === a.photos.length ? parts[i] : a.caption) || `${unitName(a.unit)}, ${formatViDate(a.date)}: ${a.title}`);
  };
  const seen = new Set<string>();
  return activities
    .filter((a) => a.photos.length > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .flatMap((a) => {
      const captions = captionsOf(a);
      return a.photos.map((p, i) => ({ path: p.path, written: p.written, caption: captions[i] }));
    })
    .filter(({ path }) => !seen.has(path) && seen.add(path));
}

/** The photos the document names when every candidate up to MAX_PHOTOS can be read. */
export function plannedPhotos(candidates: readonly PhotoCandidate[]): PhotoRef[] {
  return candidates.slice(0, MAX_PHOTOS).map((p, i) => ({ image: photoName(i), caption: p.caption }));
}
