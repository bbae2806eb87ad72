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
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IBorderOptions,
  type ITableBordersOptions,
} from 'docx';
import { placeCells, type Slot } from '../../document/table-grid';
import { childrenOf, preparer, PreparedXml, type XmlTree } from './docx-adapter';
import type { Run, Table as ModelTable } from '../../document/types';
import { alignment, plainText, textRuns } from './runs';
import { xmlSafe } from '../../text/normalize';
import { BLACK, STYLE } from './styles';

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

const GRID: ITableBordersOptions = {
  top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE,
};
const NO_BORDERS: ITableBordersOptions = {
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

/** One Word cell of a model table, as decided once for both ways of writing it. */
interface CellPlan {
  header: boolean;
  width: number;
  columnSpan: number | undefined;
  verticalMerge: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] | undefined;
  /** The cell's paragraph: alignment, and runs (null for the empty paragraph of a merged or padded cell). */
  align: (typeof AlignmentType)[keyof typeof AlignmentType] | undefined;
  runs: readonly Run[] | null;
  bold: boolean | undefined;
}

export interface TablePlan {
  total: number;
  widths: number[];
  borderless: boolean;
  rows: { header: boolean; cells: CellPlan[] }[];
}

export function planTable(t: ModelTable, total: number): TablePlan {
  const rows = [...t.head, ...t.body];
  const { columns, grid } = placeCells(rows);
  const widths = columnWidths(t, columns, grid, total);
  const spanWidth = (c: number, span: number) => widths.slice(c, c + span).reduce((a, b) => a + b, 0);
  return {
    total,
    widths,
    borderless: t.borders === 'none',
    rows: grid.map((slots, r) => {
      const header = r < t.head.length;
      const cells: CellPlan[] = [];
      for (let c = 0; c < columns; c++) {
        const slot = slots[c];
        if (slot?.kind === 'covered') continue;
        if (slot?.kind === 'origin') {
          const cell = slot.cell;
          cells.push({
            header,
            width: spanWidth(c, slot.colspan),
            columnSpan: slot.colspan > 1 ? slot.colspan : undefined,
            verticalMerge: slot.rowspan > 1 ? VerticalMergeType.RESTART : undefined,
            align: alignment(cell.align) ?? (header ? AlignmentType.CENTER : cell.numeric ? AlignmentType.RIGHT : undefined),
            runs: cell.runs,
            bold: cell.bold,
          });
        } else if (slot?.kind === 'continue') {
          cells.push({ header, width: spanWidth(c, slot.colspan), columnSpan: slot.colspan > 1 ? slot.colspan : undefined, verticalMerge: VerticalMergeType.CONTINUE, align: undefined, runs: null, bold: undefined });
        } else {
          cells.push({ header, width: widths[c], columnSpan: undefined, verticalMerge: undefined, align: undefined, runs: null, bold: undefined });
        }
      }
      return { header, cells };
    }),
  };
}

const cellCommon = (borderless: boolean) => ({
  verticalAlign: VerticalAlignTable.CENTER,
  margins: CELL_MARGINS,
  ...(borderless ? { borders: NO_CELL_BORDERS } : {}),
});

function docxCell(cell: CellPlan, borderless: boolean): TableCell {
  const style = cell.header ? STYLE.tableHead : STYLE.tableText;
  return new TableCell({
    ...cellCommon(borderless),
    width: { size: cell.width, type: WidthType.DXA },
    columnSpan: cell.columnSpan,
    verticalMerge: cell.verticalMerge,
    children: [
      cell.runs === null
        ? new Paragraph({ style })
        : new Paragraph({ style, alignment: cell.align, children: textRuns(cell.runs, { bold: cell.bold }) }),
    ],
  });
}

const tableOptions = (plan: TablePlan, rows: TableRow[]) => ({
  rows,
  width: { size: plan.total, type: WidthType.DXA },
  columnWidths: plan.widths,
  layout: TableLayoutType.FIXED,
  borders: plan.borderless ? NO_BORDERS : GRID,
});

/** Tables with at least this many body rows are written as prepared XML (fastTable); shorter ones through docx's classes. */
export const FAST_TABLE_ROWS = 50;

/** A model table as a full-width Word table `total` twips wide. */
export function table(t: ModelTable, total: number): Table {
  const plan = planTable(t, total);
  return (t.body.length >= FAST_TABLE_ROWS ? fastTable(plan) : null) ?? docxTable(plan);
}

/** The table through docx's own classes. */
export function docxTable(plan: TablePlan): Table {
  const rows = plan.rows.map((row) => new TableRow({ children: row.cells.map((c) => docxCell(c, plan.borderless)), tableHeader: row.header || undefined, cantSplit: true }));
  return new Table(tableOptions(plan, rows));
}

/** `make`, answering from a cache by `key`: each distinct piece is made once. */
function cached<A, V>(key: (a: A) => string, make: (a: A) => V): (a: A) => V {
  const cache = new Map<string, V>();
  return (a) => {
    const k = key(a);
    if (!cache.has(k)) cache.set(k, make(a));
    return cache.get(k)!;
  };
}

type RunFormat = { bold?: boolean; italics?: boolean; size?: number };
type Prepare = ReturnType<typeof preparer>;

/**
 * How docx writes a text run of `format`, as a function of its text; null when its tree is not
 * the one expected (`w:r` ending in a `w:t` of the text), checked against docx's own.
 */
function runShape(prep: Prepare, format: RunFormat): ((text: string) => XmlTree) | null {
  const sample = prep(new TextRun({ ...format, text: 'x' }));
  const parts = childrenOf(sample, 'w:r');
  const t = parts[parts.length - 1] as XmlTree | undefined;
  const tChildren = childrenOf(t, 'w:t');
  if (!t || tChildren.length !== 2 || tChildren[1] !== 'x') return null;
  const make = (s: string): XmlTree => ({ 'w:r': [...parts.slice(0, -1), { 'w:t': [tChildren[0], s] }] });
  return JSON.stringify(make('x')) === JSON.stringify(sample) ? make : null;
}

/** docx's trees for the pieces of one table's rows, each kind made once by docx itself. */
function tablePieces(plan: TablePlan, prep: Prepare) {
  const firstCell = plan.rows[0].cells[0];
  const shapes = cached((f: RunFormat) => `${f.bold ? 1 : 0}${f.italics ? 1 : 0}${f.size ?? ''}`, (f) => runShape(prep, f));
  let breakTree: XmlTree | undefined;
  return {
    trPr: cached(
      (header: boolean) => String(header),
      (header) => childrenOf(prep(new TableRow({ children: [docxCell(firstCell, plan.borderless)], tableHeader: header || undefined, cantSplit: true })), 'w:tr')[0],
    ),
    tcPr: cached(
      (c: CellPlan) => `${c.width}|${c.columnSpan ?? ''}|${c.verticalMerge ?? ''}`,
      (c) => childrenOf(prep(new TableCell({ ...cellCommon(plan.borderless), width: { size: c.width, type: WidthType.DXA }, columnSpan: c.columnSpan, verticalMerge: c.verticalMerge, children: [new Paragraph({})] })), 'w:tc')[0],
    ),
    pPr: cached(
      (c: CellPlan) => `${c.header ? STYLE.tableHead : STYLE.tableText}|${c.runs === null ? '-' : (c.align ?? '')}`,
      (c) => {
        const style = c.header ? STYLE.tableHead : STYLE.tableText;
        return childrenOf(prep(c.runs === null ? new Paragraph({ style }) : new Paragraph({ style, alignment: c.align })), 'w:p')[0];
      },
    ),
    /** A text run's tree (null: not as expected); an empty text (docx may write it otherwise) is left to docx. */
    run(format: RunFormat, text: string): XmlTree | null {
      const make = shapes(format);
      if (!make) return null;
      return text === '' ? prep(new TextRun({ ...format, text })) : make(text);
    },
    breakRun: (): XmlTree => (breakTree ??= prep(new TextRun({ break: 1 }))),
  };
}

/**
 * The same table as docx would write it, assembled from the XML trees docx makes for each kind
 * of piece — the table's properties and grid, a row's properties, a cell's properties, a
 * paragraph's properties, a run's formatting — made once each by docx itself and shared. A
 * national report's tables have thousands of rows: docx's classes spent ~150 µs a cell on
 * them. A run whose tree docx would make differently from the assembled one (checked for each
 * kind of run against docx's own) sends the whole table back to docx: null.
 */
export function fastTable(plan: TablePlan): Table | null {
  const prep = preparer();
  const firstRow = plan.rows[0];
  if (!firstRow) return null;
  const head = childrenOf(prep(new Table(tableOptions(plan, [new TableRow({ children: firstRow.cells.map((c) => docxCell(c, plan.borderless)) })]))), 'w:tbl').filter(
    (x) => !(x as XmlTree)['w:tr'],
  );
  const pieces = tablePieces(plan, prep);
  const rows: XmlTree[] = [];
  for (const row of plan.rows) {
    const tcs: unknown[] = [pieces.trPr(row.header)];
    for (const c of row.cells) {
      const p: unknown[] = [pieces.pPr(c)];
      for (const r of c.runs ?? []) {
        // As textRuns formats it (the cell's bold added to the run's own).
        const tree = r.break ? pieces.breakRun() : pieces.run({ bold: r.bold || c.bold || undefined, italics: r.italic || undefined, size: undefined }, xmlSafe(r.text));
        if (!tree) return null;
        p.push(tree);
      }
      tcs.push({ 'w:tc': [pieces.tcPr(c), { 'w:p': p }] });
    }
    rows.push({ 'w:tr': tcs });
  }
  return new PreparedXml({ 'w:tbl': [...head, ...rows] }) as unknown as Table;
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
