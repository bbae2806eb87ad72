/**
 * The chart font: DejaVu Sans, shipped by the `dejavu-fonts-ttf` package, so Vietnamese
 * diacritics render on a machine with no fonts installed (a commune office's PC, a CI box).
 *
 * Two jobs, both about that one font:
 *  - where its TTF files are (resvg gets them explicitly; it never looks at system fonts);
 *  - how wide a string is in it. echarts server-side has no canvas to measure text and falls
 *    back to a table of Arial widths with 1 em for every non-ASCII letter ("ư", "ộ"...), so it
 *    would wrap, truncate and place Vietnamese labels for a font that is never drawn. We read the
 *    advance widths from the TTF itself (cmap + hmtx) so layout and drawing agree.
 */
import * as fs from 'fs';
import * as path from 'path';

export const CHART_FONT_FAMILY = 'DejaVu Sans';

let fontDir: string | undefined;

/** The `ttf/` folder of dejavu-fonts-ttf, resolved through node's module lookup (works from dist/ and src/). */
function dejavuDir(): string {
  if (!fontDir) {
    fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  }
  return fontDir;
}

/** The regular and bold faces: the only ones the charts use (titles are bold). */
export function chartFontFiles(): string[] {
  const dir = dejavuDir();
  return [path.join(dir, 'DejaVuSans.ttf'), path.join(dir, 'DejaVuSans-Bold.ttf')];
}

/** Advance widths of one face, in em units (1 = the font size). */
interface FaceMetrics {
  advance(codePoint: number): number;
  /** Whether the face has a glyph for the code point (not the .notdef box). */
  covers(codePoint: number): boolean;
}

const faces = new Map<string, FaceMetrics>();

function face(bold: boolean): FaceMetrics {
  const file = bold ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf';
  let m = faces.get(file);
  if (!m) {
    m = parseFace(fs.readFileSync(path.join(dejavuDir(), file)));
    faces.set(file, m);
  }
  return m;
}

/**
 * Minimal TrueType reader: the table directory, head.unitsPerEm, hhea.numberOfHMetrics, hmtx, and
 * the Unicode BMP cmap (platform 3, encoding 1, format 4), which covers every Vietnamese letter.
 */
function parseFace(buf: Buffer): FaceMetrics {
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const need = (tag: string): number => {
    const off = tables.get(tag);
    if (off === undefined) throw new Error(`font has no ${tag} table`);
    return off;
  };
  const unitsPerEm = buf.readUInt16BE(need('head') + 18);
  const numHMetrics = buf.readUInt16BE(need('hhea') + 34);
  const hmtx = need('hmtx');
  const cmap = need('cmap');

  let sub = -1;
  const numSub = buf.readUInt16BE(cmap + 2);
  for (let i = 0; i < numSub; i++) {
    const rec = cmap + 4 + i * 8;
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1) {
      const off = cmap + buf.readUInt32BE(rec + 4);
      if (buf.readUInt16BE(off) === 4) sub = off;
    }
  }
  if (sub < 0) throw new Error('font has no Unicode BMP cmap');
  const segX2 = buf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;

  const glyphOf = (cp: number): number => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > buf.readUInt16BE(ends + s)) continue;
      const start = buf.readUInt16BE(starts + s);
      if (cp < start) return 0;
      const delta = buf.readUInt16BE(deltas + s);
      const ro = buf.readUInt16BE(rangeOffsets + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + s + ro + (cp - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };

  const cache = new Map<number, number>();
  return {
    covers: (cp: number) => glyphOf(cp) !== 0,
    advance(cp: number): number {
      let w = cache.get(cp);
      if (w === undefined) {
        const g = glyphOf(cp);
        const i = Math.min(g, numHMetrics - 1);
        w = buf.readUInt16BE(hmtx + i * 4) / unitsPerEm;
        cache.set(cp, w);
      }
      return w;
    },
  };
}

/** Width in px of `text` set in DejaVu Sans at `fontSize` px (no kerning: a hair wider, never narrower by much). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const f = face(bold);
  let em = 0;
  for (const ch of text.normalize('NFC')) em += f.advance(ch.codePointAt(0)!);
  return em * fontSize;
}

/** Characters of `text` (NFC) that the face would draw as a .notdef box. */
export function missingGlyphs(text: string, bold = false): string[] {
  const f = face(bold);
  return Array.from(new Set(Array.from(text.normalize('NFC')).filter((ch) => !/\s/.test(ch) && !f.covers(ch.codePointAt(0)!))));
}

/**
 * A measureText for echarts' setPlatformAPI: it hands us a CSS font shorthand such as
 * "bold 16px DejaVu Sans" or "12px sans-serif"; every chart text is DejaVu, so only size and
 * weight matter.
 */
export function measureCssFont(text: string, font?: string): { width: number } {
  const css = font || '12px sans-serif';
  const size = /(\d+(?:\.\d+)?)px/.exec(css);
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(css);
  return { width: textWidth(String(text ?? ''), size ? Number(size[1]) : 12, bold) };
}
