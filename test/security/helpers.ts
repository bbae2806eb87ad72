/** Shared by the attack tests: temp folders, a submission CSV written in one call, the written report's parts. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { ACTIVITY_TYPES } from '../../src/catalog/activity-types';
import { INDICATORS } from '../../src/catalog/indicators';
import { MODES } from '../../src/catalog/modes';
import type { RecordSink } from '../../src/records/records';

export const SETTINGS = { year: 2025, week: null, activityTypes: ACTIVITY_TYPES, modes: MODES, indicators: INDICATORS, units: null };
export const DROP: RecordSink = { activity: () => undefined, tally: () => undefined, unit: () => undefined };

const made: string[] = [];
export function tmpDir(prefix = 'lllweek-attack-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}
afterAll(() => {
  for (const d of made.splice(0)) {
    try {
      fs.chmodSync(d, 0o700);
    } catch {
      /* gone */
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
});

export const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Số lượt người tham gia', 'Ảnh', 'Chú thích ảnh', 'Ghi chú'];

export interface Row {
  code?: string;
  name?: string;
  date?: string;
  type?: string;
  title?: string;
  participants?: string;
  photos?: string;
  caption?: string;
  notes?: string;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** An activities CSV (every field quoted, CRLF), one line per row, defaults filling what a row leaves out. */
export function activitiesCsv(rows: Row[]): string {
  const line = (r: Row, i: number) =>
    [
      r.code ?? 'X1', r.name ?? 'Phường Thử', r.date ?? `0${1 + (i % 7)}/10/2025`, r.type ?? 'Tuyên truyền', r.title ?? `Hoạt động ${i + 1}`,
      r.participants ?? String(10 + i), r.photos ?? '', r.caption ?? '', r.notes ?? '',
    ]
      .map(quote)
      .join(',');
  return [HEADER.map(quote).join(','), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** A solid-colour JPEG: its colour identifies it after the report has re-encoded it. */
export function jpeg(width: number, height: number, rgb: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: rgb } }).jpeg().toBuffer();
}

/** The single file of that extension in a folder. */
export function outputFile(dir: string, ext: string): string {
  const found = fs.readdirSync(dir).filter((f) => f.endsWith(`.${ext}`));
  if (found.length !== 1) throw new Error(`expected one .${ext} in ${dir}, found ${JSON.stringify(fs.readdirSync(dir))}`);
  return path.join(dir, found[0]);
}

export function zipParts(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(fs.readFileSync(file)));
}

export function zipText(parts: Record<string, Uint8Array>, name: string): string {
  return strFromU8(parts[name]);
}
