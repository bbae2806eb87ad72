/**
 * Tables of the document model as Word tables: a black single-line grid, header rows bold,
 * centred and repeated on each page, 12 pt cells, numbers right-aligned, rows that do not split
 * across pages. Also the borderless layout tables the header block, signature block and photo
 * gallery are built from.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IBorderOptions,
  type ITableBordersOptions,
} from 'docx';
import type { Table as ModelTable, TableCell as ModelCell } from '../../model/types';
import { alignment, plainText, textRuns } from './runs';
import { BLACK, STYLE } from './styles';

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

const GRID: ITableBordersOptions = {
  top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE,
};
export const NO_BORDERS: ITableBordersOptions = {
  top: NO_LINE, bottom: NO_LINE, left: NO_LINE, right: NO_LINE, insideHorizontal: NO_LINE, insideVertical: NO_LINE,
};
const NO_CELL_BORDERS = { top: NO_LINE, bottom: NO_LINE, left: NO_LINE, right: NO_LINE };

/** Cell padding in twips: Word's 0.19 cm sides are generous for 12 pt figures; 0.14 cm keeps columns narrow. */
const CELL_MARGINS = { top: 0, bottom: 0, left: 80, right: 80 };

/** Split `total` twips in proportion to `weights`, in whole twips that add up exactly to `total`. */
export function splitWidth(total: number, weights: readonly number[]): number[] {
  const safe = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = safe.reduce((a, b) => a + b, 0);
  const parts = sum > 0 ? safe.map((w) => (w / sum) * total) : safe.map(() => total / safe.length);
  const out = parts.map((p) => Math.floor(p));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % out.length, rest--) out[i] += 1;
  return out;
}

type Slot =
  | { kind: 'origin'; cell: ModelCell; colspan: number; rowspan: number }
  | { kind: 'continue'; colspan: number; origin: ModelCell }
  | { kind: 'covered' };

/**
 * Place the cells on a grid the way HTML does (rowspan/colspan), so each cell knows its first
 * column (for its width) and each position a rowspan covers gets its `vMerge="continue"` cell.
 * Short rows are padded, so the grid is rectangular: LibreOffice draws ragged rows badly.
 */
export function placeCells(rows: readonly (readonly ModelCell[])[]): { columns: number; grid: (Slot | undefined)[][] } {
  const grid: (Slot | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c]) c++;
      const colspan = Math.max(1, Math.floor(cell.colspan ?? 1));
      const rowspan = Math.max(1, Math.min(Math.floor(cell.rowspan ?? 1), rows.length - r));
      grid[r][c] = { kind: 'origin', cell, colspan, rowspan };
      for (let k = 1; k < colspan; k++) grid[r][c + k] = { kind: 'covered' };
      for (let rr = r + 1; rr < r + rowspan; rr++) {
        grid[rr][c] = { kind: 'continue', colspan, origin: cell };
        for (let k = 1; k < colspan; k++) grid[rr][c + k] = { kind: 'covered' };
      }
      c += colspan;
    }
  });
  const columns = grid.reduce((n, row) => Math.max(n, row.length), 1);
  return { columns, grid };
}

/**
 * Column weights when the template gives none: from the longest text in each column (single-column
 * cells only), header text counting less since headers wrap; clamped so a long name does not
 * squeeze the number columns to nothing.
 */
function contentWeights(t: ModelTable, columns: number, grid: (Slot | undefined)[][]): number[] {
  const weights = new Array<number>(columns).fill(4);
  grid.forEach((row, r) =>
    row.forEach((slot, c) => {
      if (slot?.kind !== 'origin' || slot.colspan !== 1) return;
      const len = plainText(slot.cell.runs).length;
      const w = r < t.head.length ? Math.min(len * 0.6, 12) : Math.min(len, 30);
      weights[c] = Math.max(weights[c], w);
    }),
  );
  return weights;
}

function columnWidths(t: ModelTable, columns: number, grid: (Slot | undefined)[][], total: number): number[] {
  const given = t.widths?.filter((w) => Number.isFinite(w) && w > 0);
  if (given && given.length > 0) {
    const avg = given.reduce((a, b) => a + b, 0) / given.length;
    const weights = Array.from({ length: columns }, (_, i) => (i < given.length ? given[i] : avg));
    return splitWidth(total, weights);
  }
  return splitWidth(total, contentWeights(t, columns, grid));
}

function cellParagraph(cell: ModelCell, header: boolean): Paragraph {
  const align = alignment(cell.align) ?? (header ? AlignmentType.CENTER : cell.numeric ? AlignmentType.RIGHT : undefined);
  return new Paragraph({
    style: header ? STYLE.tableHead : STYLE.tableText,
    alignment: align,
    children: textRuns(cell.runs, { bold: cell.bold }),
  });
}

/** A model table as a full-width Word table `total` twips wide. */
export function table(t: ModelTable, total: number): Table {
  const rows = [...t.head, ...t.body];
  const { columns, grid } = placeCells(rows);
  const widths = columnWidths(t, columns, grid, total);
  const spanWidth = (c: number, span: number) => widths.slice(c, c + span).reduce((a, b) => a + b, 0);
  const borderless = t.borders === 'none';

  const docxRows = grid.map((slots, r) => {
    const header = r < t.head.length;
    const cells: TableCell[] = [];
    for (let c = 0; c < columns; c++) {
      const slot = slots[c];
      if (slot?.kind === 'covered') continue;
      const common = {
        verticalAlign: VerticalAlignTable.CENTER,
        margins: CELL_MARGINS,
        ...(borderless ? { borders: NO_CELL_BORDERS } : {}),
      };
      if (slot?.kind === 'origin') {
        cells.push(
          new TableCell({
            ...common,
            width: { size: spanWidth(c, slot.colspan), type: WidthType.DXA },
            columnSpan: slot.colspan > 1 ? slot.colspan : undefined,
            verticalMerge: slot.rowspan > 1 ? VerticalMergeType.RESTART : undefined,
            children: [cellParagraph(slot.cell, header)],
          }),
        );
      } else if (slot?.kind === 'continue') {
        cells.push(
          new TableCell({
            ...common,
            width: { size: spanWidth(c, slot.colspan), type: WidthType.DXA },
            columnSpan: slot.colspan > 1 ? slot.colspan : undefined,
            verticalMerge: VerticalMergeType.CONTINUE,
            children: [new Paragraph({ style: header ? STYLE.tableHead : STYLE.tableText })],
          }),
        );
      } else {
        cells.push(
          new TableCell({
            ...common,
            width: { size: widths[c], type: WidthType.DXA },
            children: [new Paragraph({ style: header ? STYLE.tableHead : STYLE.tableText })],
          }),
        );
      }
    }
    return new TableRow({ children: cells, tableHeader: header || undefined, cantSplit: true });
  });

  return new Table({
    rows: docxRows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: borderless ? NO_BORDERS : GRID,
  });
}

/** One cell of a layout table: its content and, optionally, how it sits vertically. */
export interface LayoutCell {
  children: (Paragraph | Table)[];
  verticalAlign?: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable];
}

/**
 * A borderless table used for layout (header block, signature block, photos): fixed column
 * widths in twips, no borders on the table or its cells, rows kept whole on a page.
 */
export function layoutTable(rows: LayoutCell[][], widths: number[], margins = { top: 0, bottom: 0, left: 57, right: 57 }): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (cell, c) =>
              new TableCell({
                width: { size: widths[c], type: WidthType.DXA },
                borders: NO_CELL_BORDERS,
                margins,
                verticalAlign: cell.verticalAlign ?? VerticalAlignTable.TOP,
                children: cell.children.length > 0 ? cell.children : [new Paragraph({ style: STYLE.block })],
              }),
          ),
        }),
    ),
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}
