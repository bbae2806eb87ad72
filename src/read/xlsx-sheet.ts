/**
 * A worksheet part's cells as rows: the handler XmlStream drives over `<sheetData>`. Hot path
 * (a 100 k-row sheet is ~1 M cells): no object per cell, element names compared as small
 * numbers, shared strings already turned into values.
 *
 * Every cell type of ECMA-376 Part 1 §18.18.11: `s` (shared string), `str` (a formula's text),
 * `inlineStr` (all its runs, phonetic guides left out), `b`, `e` (the error's own text), `n`
 * (a Date when its style shows dates), `d` (ISO 8601 text). A formula with no stored result is
 * a `no-result` marker, not a blank. `<row>` and `<c>` may lack their `r` address (Power BI and
 * other exporters): a row follows the previous one, a cell the previous cell.
 */
import { parseAddress, type Address } from './cell-address';
import { MAX_COLUMNS, MAX_ROWS, MAX_SHEET_BLANK_CELLS, ReadLimitError } from './limits';
import { SPREADSHEETML } from './ooxml-names';
import { noResult, type CellValue, type RawRow } from './types';
import { CellTextBuffer, isoDateValue, numberValue, textValue } from './xlsx-cell-values';
import type { DateStyles } from './xlsx-styles';
import { compileVocabulary, type Attributes, type XmlHandler, type XmlName } from './xml-stream';

/** What a sheet's cells are read with: the workbook's shared strings, date styles and date system. */
export interface SheetContext {
  sharedStrings: CellValue[];
  dateStyles: DateStyles;
  date1904: boolean;
}

const enum E {
  SheetData = 1,
  Row,
  C,
  V,
  F,
  Is,
  T,
  RPh,
}
export const SHEET_VOCABULARY = compileVocabulary([
  [E.SheetData, SPREADSHEETML, 'sheetData'],
  [E.Row, SPREADSHEETML, 'row'],
  [E.C, SPREADSHEETML, 'c'],
  [E.V, SPREADSHEETML, 'v'],
  [E.F, SPREADSHEETML, 'f'],
  [E.Is, SPREADSHEETML, 'is'],
  [E.T, SPREADSHEETML, 't'],
  [E.RPh, SPREADSHEETML, 'rPh'],
]);

const enum Type {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
  Other,
}
const TYPES: Record<string, Type> = { n: Type.Number, s: Type.Shared, str: Type.Str, inlineStr: Type.Inline, b: Type.Bool, e: Type.Error, d: Type.Date };

/** What text the cell being read is gathering. */
const enum Gather {
  None,
  Value,
  Formula,
  Inline,
}

/** The address being parsed (one per sheet reader would do; one per module costs nothing). */
const scratch: Address = { col: 0, row: 0 };

/** Formula text kept for the `no-result` marker's message. */
const FORMULA_SHOWN_CHARS = 100;

export class SheetXml implements XmlHandler {
  private inSheetData = false;
  private inRow = false;
  private rowNumber = 0;
  private lastRow = 0;
  private rowHasAddress = false;
  private cells: CellValue[] | null = null;
  private col = -1;
  private blanks = 0;

  private inCell = false;
  private type = Type.Number;
  private style = 0;
  private value: string | null = null;
  private formula: string | null = null;
  private inline = false;
  private phonetic = 0;
  private gather = Gather.None;
  private readonly inlineText = new CellTextBuffer();

  /** `out` receives each row that holds a value, in the part's order. */
  constructor(
    private readonly context: SheetContext,
    private readonly out: (row: RawRow) => void,
  ) {}

  open(name: XmlName, a: Attributes): void {
    switch (name.code) {
      case E.SheetData:
        this.inSheetData = true;
        break;
      case E.Row:
        if (this.inSheetData) this.openRow(a.r);
        break;
      case E.C:
        if (this.inRow) this.openCell(a);
        break;
      case E.V:
        if (this.inCell) {
          this.gather = Gather.Value;
          this.value = '';
        }
        break;
      case E.F:
        if (this.inCell) {
          this.gather = Gather.Formula;
          this.formula = '';
        }
        break;
      case E.Is:
        if (this.inCell) {
          this.inline = true;
          this.phonetic = 0;
          this.inlineText.reset();
        }
        break;
      case E.T:
        if (this.inline && this.phonetic === 0) this.gather = Gather.Inline;
        break;
      case E.RPh:
        this.phonetic++;
        break;
    }
  }

  close(name: XmlName): void {
    switch (name.code) {
      case E.T:
        if (this.gather === Gather.Inline) this.inlineText.endRun();
        this.gather = Gather.None;
        break;
      case E.V:
      case E.F:
        this.gather = Gather.None;
        break;
      case E.RPh:
        this.phonetic--;
        break;
      case E.C:
        if (this.inCell) this.closeCell();
        break;
      case E.Row:
        if (this.inRow) this.closeRow();
        break;
      case E.SheetData:
        this.inSheetData = false;
        break;
    }
  }

  text(t: string): void {
    switch (this.gather) {
      case Gather.Value:
        this.value += t;
        break;
      case Gather.Formula:
        if (this.formula!.length < FORMULA_SHOWN_CHARS) this.formula += t;
        break;
      case Gather.Inline:
        this.inlineText.add(t);
        break;
    }
  }

  private openRow(r: string | undefined): void {
    this.inRow = true;
    this.rowHasAddress = r !== undefined;
    this.setRow(r !== undefined ? positiveInteger(r, 'row number') : this.lastRow + 1);
    this.cells = null;
    this.col = -1;
  }

  private closeRow(): void {
    if (this.cells) this.out({ row: this.rowNumber, cells: this.cells });
    this.lastRow = this.rowNumber;
    this.cells = null;
    this.inRow = false;
  }

  private openCell(a: Attributes): void {
    const ref = a.r;
    this.col = ref !== undefined ? this.address(ref) : this.col + 1;
    if (this.col >= MAX_COLUMNS) throw new ReadLimitError('too-many-columns', `a cell past column XFD in row ${this.rowNumber}`);
    const t = a.t;
    this.type = t === undefined ? Type.Number : (TYPES[t] ?? Type.Other);
    const s = a.s;
    this.style = s === undefined ? 0 : Number(s);
    this.value = null;
    this.formula = null;
    this.inline = false;
    this.inCell = true;
  }

  /**
   * The column of a cell address (`B5` → 1). A row without its own `r` takes the number its first
   * addressed cell gives. Throws on an address that is not one (the part is damaged).
   */
  private address(ref: string): number {
    if (!parseAddress(ref, scratch)) throw new Error(`"${ref.slice(0, 20)}" is not a cell address`);
    if (!this.rowHasAddress && this.cells === null && this.col < 0 && scratch.row > 0) this.setRow(scratch.row);
    return scratch.col;
  }

  private setRow(n: number): void {
    if (n > MAX_ROWS) throw new ReadLimitError('too-many-rows', `row ${n} (Excel's last is ${MAX_ROWS})`);
    this.rowNumber = n;
  }

  private closeCell(): void {
    this.inCell = false;
    this.gather = Gather.None;
    const v = this.cellValue();
    if (v === null) return;
    let cells = this.cells;
    if (!cells) cells = this.cells = [];
    const col = this.col;
    if (col > cells.length) {
      this.blanks += col - cells.length;
      if (this.blanks > MAX_SHEET_BLANK_CELLS) throw new ReadLimitError('too-complex', `more than ${MAX_SHEET_BLANK_CELLS} blank cells before values (row ${this.rowNumber})`);
      while (cells.length < col) cells.push(null);
    }
    cells[col] = v;
  }

  private cellValue(): CellValue {
    const raw = this.value;
    if (this.inline && (this.type === Type.Inline || raw === null)) return this.inlineText.value();
    if (raw === null || (raw.length === 0 && this.type !== Type.Str)) return this.formula !== null ? noResult(this.formula) : null;
    switch (this.type) {
      case Type.Shared:
        return this.shared(raw);
      case Type.Number:
        return numberValue(raw, this.context.dateStyles[this.style] === 1, this.context.date1904);
      case Type.Bool:
        return boolean(raw);
      case Type.Error:
        return { error: raw.trim() };
      case Type.Date:
        return isoDateValue(raw);
      default:
        return textValue(raw);
    }
  }

  private shared(raw: string): CellValue {
    const sst = this.context.sharedStrings;
    const i = Number(raw);
    if (!Number.isInteger(i) || i < 0 || i >= sst.length) throw new Error(`row ${this.rowNumber}: shared string ${raw.slice(0, 20)} does not exist`);
    return sst[i];
  }
}

function boolean(raw: string): CellValue {
  const v = raw.trim();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return textValue(raw);
}

/** A positive whole number written in digits, or a thrown error naming what it should have been. */
function positiveInteger(s: string, what: string): number {
  let n = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) throw new Error(`${what} "${s.slice(0, 20)}" is not a number`);
    if (n < 1e9) n = n * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || n === 0) throw new Error(`${what} "${s.slice(0, 20)}" is not a number`);
  return n;
}
