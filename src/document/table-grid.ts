/**
 * A table of the document model laid on a grid, the way HTML lays rowspan and colspan: what the
 * .docx and the workbook's `Báo cáo` sheet both draw from.
 */
import type { TableCell as ModelCell } from './types';

export type Slot =
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
