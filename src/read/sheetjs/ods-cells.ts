/**
 * How many cells SheetJS would build from an OpenDocument `content.xml`. ODS compresses runs of
 * equal cells and rows into one element with `table:number-columns-repeated` and
 * `table:number-rows-repeated`; SheetJS materialises every repeated cell that holds a value, so
 * an 800-byte file can ask for 17 billion cells. Counting them first refuses such a file at once
 * (the worker's heap limit would stop it too, after half a minute of collecting garbage).
 * Repeated empty cells and rows (LibreOffice pads every sheet with them) cost nothing and are
 * not counted.
 */

const TAG = /<(\/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell)\b([^>]*)>/g;

/** The cells with a value, rows × columns repeated, stopping as soon as the count passes `limit`. */
export function odsValueCells(contentXml: string, limit: number): number {
  let rowRepeat = 1;
  let total = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(contentXml); m; m = TAG.exec(contentXml)) {
    const [, closing, element, attributes] = m;
    if (element === 'table-row') {
      rowRepeat = closing ? 1 : repeat(attributes, 'number-rows-repeated');
    } else if (!closing && /value-type\s*=/.test(attributes)) {
      total += rowRepeat * repeat(attributes, 'number-columns-repeated');
      if (total > limit) return total;
    }
  }
  return total;
}

function repeat(attributes: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["'](\\d+)`).exec(attributes);
  return m ? Math.max(1, Number(m[1])) : 1;
}
