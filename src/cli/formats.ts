import { Fatal } from '../fatal';
import type { Format } from '../pipeline/report';

const FORMATS: Format[] = ['docx', 'xlsx', 'html'];

/** `--format docx,xlsx,html` */
export function parseFormats(list: unknown): Format[] {
  const items = String(list ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = items.find((f) => !FORMATS.includes(f as Format));
  if (bad || items.length === 0) throw new Fatal('bad-option', { detail: `--format ${String(list)} (docx, xlsx, html)` });
  return FORMATS.filter((f) => items.includes(f));
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
