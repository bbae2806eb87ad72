/**
 * Figures (charts, a single photo) and the photo gallery. Pictures are inline, scaled to fit
 * their box with the aspect ratio kept; charts go in as SVG with a PNG fallback (LibreOffice and
 * old Word show the PNG). Every drawing gets its `wp:docPr` id from the render's own counter:
 * docx's default is a process-wide counter, which would make the second report of a process
 * differ from the first.
 */
import { ImageRun, Paragraph, TextRun, VerticalAlignTable, type Table } from 'docx';
import { imageFormatOf } from '../../catalog/image-formats';
import type { Figure, Gallery, ImageAsset, ImageStore, Run } from '../../document/types';
import { textRuns } from './runs';
import { STYLE } from './styles';
import { layoutTable, splitWidth, type LayoutCell } from './tables';
import { xmlSafe } from '../../text/normalize';

/** What image blocks need from the render: the pictures, and the drawing id counter. */
export interface ImageContext {
  images: ImageStore;
  /** The next `wp:docPr` id: 1, 2, 3… within one document. */
  nextDrawingId: () => number;
}

export function drawingIds(): () => number {
  let id = 0;
  return () => ++id;
}

/** docx sizes pictures in pixels at 96 dpi: 15 twips a pixel. */
const TWIPS_PER_PX = 15;
/** 16 cm: wider charts look stretched on A4 portrait (report.md). */
const FIGURE_MAX_WIDTH = 9072;
/** 7.5 cm: two photos side by side in a 16.5 cm text width, with room between them. */
const PHOTO_BOX = 4252;

/** Scale (w, h) to fit inside (maxW, maxH) twips, aspect ratio kept; result in whole pixels. */
function fitPx(width: number, height: number, maxW: number, maxH: number): { width: number; height: number } {
  const w = Number.isFinite(width) && width > 0 ? width : 4;
  const h = Number.isFinite(height) && height > 0 ? height : 3;
  const scale = Math.min(maxW / TWIPS_PER_PX / w, maxH / TWIPS_PER_PX / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/**
 * The raster format of `asset.png`: `format` when the asset says (photos may be JPEG), else the
 * bytes' signature, else PNG. docx needs the right type for the part's content type.
 */
function rasterType(asset: ImageAsset): 'png' | 'jpg' {
  return (asset.format ?? imageFormatOf(asset.png)) === 'jpeg' ? 'jpg' : 'png';
}

function imageRun(asset: ImageAsset, ctx: ImageContext, size: { width: number; height: number }): ImageRun {
  const id = ctx.nextDrawingId();
  const description = xmlSafe(asset.alt);
  const altText = { id: String(id), name: `Hình ${id}`, description, title: description };
  if (asset.svg && asset.svg.length > 0) {
    return new ImageRun({
      type: 'svg',
      data: asset.svg,
      fallback: { type: 'png', data: asset.png },
      transformation: size,
      altText,
    });
  }
  return new ImageRun({ type: rasterType(asset), data: asset.png, transformation: size, altText });
}

/** A picture the store does not have: an italic note in its place, so the clerk sees the gap. */
function missing(name: string): Paragraph {
  return new Paragraph({
    style: STYLE.placeholder,
    children: [new TextRun({ text: `[Không có hình: ${xmlSafe(name)}]` })],
  });
}

function caption(runs: readonly Run[] | undefined): Paragraph[] {
  return runs && runs.length > 0 ? [new Paragraph({ style: STYLE.caption, children: textRuns(runs) })] : [];
}

/** A centred picture as wide as the text (at most 16 cm, and 60 % of the page height), its caption under it. */
export function figure(f: Figure, ctx: ImageContext, textWidth: number, textHeight: number): Paragraph[] {
  const asset = ctx.images.get(f.image);
  if (!asset) return [missing(f.image), ...caption(f.caption)];
  const size = fitPx(asset.width, asset.height, Math.min(textWidth, FIGURE_MAX_WIDTH), Math.round(textHeight * 0.6));
  // keepNext (from the style) keeps the picture on the page of its caption.
  return [new Paragraph({ style: STYLE.figure, children: [imageRun(asset, ctx, size)] }), ...caption(f.caption)];
}

/**
 * Photos two a row in a borderless table. Each pair is two rows, pictures then captions, so the
 * captions line up even when one photo is portrait and the other landscape.
 */
export function gallery(g: Gallery, ctx: ImageContext, textWidth: number): Table {
  const widths = splitWidth(textWidth, [1, 1]);
  const box = Math.min(PHOTO_BOX, widths[0] - 2 * 57);
  const rows: LayoutCell[][] = [];
  for (let i = 0; i < g.items.length; i += 2) {
    const pair = g.items.slice(i, i + 2);
    const pictures: LayoutCell[] = pair.map((item) => {
      const asset = ctx.images.get(item.image);
      const content = asset
        ? new Paragraph({ style: STYLE.figure, children: [imageRun(asset, ctx, fitPx(asset.width, asset.height, box, box))] })
        : missing(item.image);
      return { children: [content], verticalAlign: VerticalAlignTable.BOTTOM };
    });
    const captions: LayoutCell[] = pair.map((item) => ({ children: caption(item.caption) }));
    while (pictures.length < 2) pictures.push({ children: [] });
    while (captions.length < 2) captions.push({ children: [] });
    rows.push(pictures, captions);
  }
  return layoutTable(rows, widths);
}
