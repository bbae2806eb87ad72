import { cellRef, type CellValue, type RawRow } from '../read/types';
import type { Place } from './issue';
import type { ColumnMapping } from './header';
import type { TableKind } from '../catalog/columns';

/** One data row and where it sits, so every issue can name its file, sheet, row and cell. */
export class RowContext {
  constructor(
    readonly file: string,
    readonly sheet: string | null,
    readonly kind: TableKind,
    readonly mapping: ColumnMapping,
    readonly table: number,
    readonly labels: (string | null)[],
    public raw: RawRow = { row: 0, cells: [] },
  ) {}

  get row(): number {
    return this.raw.row;
  }

  value(key: string): CellValue {
    const i = this.mapping.index.get(key);
    return i === undefined ? null : (this.raw.cells[i] ?? null);
  }

  has(key: string): boolean {
    return this.mapping.index.has(key);
  }

  /** The header label the user wrote for a column: messages quote it as they know it. */
  label(key: string): string {
    const i = this.mapping.index.get(key);
    return (i !== undefined ? this.labels[i] : null) ?? key;
  }

  cell(key: string): string | null {
    const i = this.mapping.index.get(key);
    return i === undefined || this.sheet === null ? null : cellRef(i, this.raw.row);
  }

  place(key: string, value: unknown = this.value(key)): Place {
    return { file: this.file, sheet: this.sheet, row: this.raw.row, column: key, cell: this.cell(key), value };
  }

  /** "dòng 12" / "row 12" style reference to this row, for messages about an earlier twin. */
  where(): string {
    return this.sheet === null ? `${this.file}:${this.raw.row}` : `${this.sheet}!${this.raw.row}`;
  }
}
