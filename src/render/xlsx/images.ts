/**
 * Pictures on sheets: each image of the store is added to the workbook once (exceljs numbers the
 * media in order of addition, so the same document gives the same parts) and anchored by its top
 * left cell with a size in pixels, scaled down to the room it is given.
 */
import type { Image as ExcelImage, Workbook, Worksheet } from 'exceljs';
import type { ImageStore } from '../../document/types';
import { ROW_PX } from './style';

export interface Placed {
  width: number;
  height: number;
  /** Default-height rows the picture covers: where the next content may start. */
  rows: number;
}

export class ImageBook {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly wb: Workbook,
    private readonly store: ImageStore,
  ) {}

  /**
   * Put image `name` at 1-based (row, col), scaled into `maxWidth` × `maxHeight` px (never enlarged).
   * Returns null for a name the store does not have: a missing picture leaves no hole.
   */
  place(ws: Worksheet, name: string, row: number, col: number, maxWidth: number, maxHeight = Infinity): Placed | null {
    const asset = this.store.get(name);
    if (!asset || asset.width <= 0 || asset.height <= 0) return null;
    let id = this.ids.get(name);
    if (id === undefined) {
      // exceljs declares its own `Buffer` (an ArrayBuffer); at run time it wants Node's Buffer.
      const buffer = asset.png as unknown as ExcelImage['buffer'];
      id = this.wb.addImage({ buffer, extension: asset.format ?? 'png' });
      this.ids.set(name, id);
    }
    const scale = Math.min(1, maxWidth / asset.width, maxHeight / asset.height);
    const width = Math.round(asset.width * scale);
    const height = Math.round(asset.height * scale);
    // exceljs anchors are 0-based.
    ws.addImage(id, { tl: { col: col - 1, row: row - 1 }, ext: { width, height } });
    return { width, height, rows: Math.ceil(height / ROW_PX) };
  }
}
