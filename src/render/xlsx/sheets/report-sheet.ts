/**
 * The `Báo cáo` sheet: the document model as cells, for reading on screen, not for printing.
 * Running text sits in wrapped cells merged across the sheet's text width, with row heights
 * estimated from the text (Excel does not grow merged rows by itself); tables are ranges with
 * thin borders and numeric cells; figures and photos are pictures; page breaks are ignored.
 */
import type { Alignment, CellRichTextValue, Worksheet } from 'exceljs';
import { unknownBlock, type Align, type Block, type DocumentModel, type Figure, type Gallery, type HeaderBlock, type List, type Paragraph, type Run, type SignatureBlock, type Table } from '../../../document/types';
import { placeCells } from '../../../document/table-grid';
import { HEADER_SEARCH_ROWS } from '../../../validate/header';
import type { HeaderGuard } from '../header-guard';
import type { ImageBook } from '../images';
import { CHAR_PX, font, LINE_HEIGHT, styleHeaderCell, text, textWidth, THIN_BORDER, wrappedLines, type Formats } from '../style';

/** Columns running text spans at least, and the text width aimed at (≈ 680 px, an A4 text line). */
const MIN_SPAN = 8;
const TARGET_CHARS = 96;
const TABLE_COL_MIN = 8;
const TABLE_COL_MAX = 30;
const IMAGE_WIDTH = 600;
/** A portrait photo scaled to half the text width would be taller than a screen: cap it. */
const PHOTO_HEIGHT = 260;
/** Empty rows left for the signature, as on paper. */
const SIGNING_ROOM = 3;

export interface ReportSheetContext {
  images: ImageBook;
  guard: HeaderGuard;
  fmt: Formats;
}

interface LineStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: Align;
}

const plain = (runs: readonly Run[]): string => runs.map((r) => (r.break ? '\n' : r.text)).join('');
const plainText = (s: string | null): CellText => ({ value: text(s), bold: false, italic: false });

interface CellText {
  value: string | CellRichTextValue | null;
  /** The look of the whole cell when the runs share one (then `value` is plain text). */
  bold: boolean;
  italic: boolean;
}

/** Plain text when the runs share one look (the cell font carries it), rich text when they differ. */
function runsValue(runs: readonly Run[], base: LineStyle): CellText {
  const parts = runs.map((r) => ({ text: r.break ? '\n' : text(r.text) ?? '', bold: !!(r.bold || base.bold), italic: !!(r.italic || base.italic) }));
  const shown = parts.filter((p) => p.text !== '');
  const first = shown[0] ?? { bold: !!base.bold, italic: !!base.italic };
  if (shown.every((p) => p.bold === first.bold && p.italic === first.italic)) {
    return { value: text(parts.map((p) => p.text).join('')), bold: first.bold, italic: first.italic };
  }
  return {
    value: { richText: shown.map((p) => ({ text: p.text, font: font({ bold: p.bold, italic: p.italic, size: base.size ?? 11 }) })) },
    bold: false,
    italic: false,
  };
}

function horizontal(align: Align | undefined): Alignment['horizontal'] | undefined {
  return align === 'justify' ? 'justify' : align;
}

function paragraphStyle(p: Paragraph): LineStyle {
  switch (p.role) {
    case 'title':
      return { bold: true, size: 14, align: p.align ?? 'center' };
    case 'subject':
      return { bold: true, align: p.align ?? 'center' };
    case 'basis':
    case 'placeholder':
    case 'note':
      return { italic: true, align: p.align };
    case 'caption':
      return { italic: true, align: p.align ?? 'center' };
    default:
      return { align: p.align };
  }
}

/** Sheet column widths: what the tables' single-column cells need, then padded to a text width. */
function layoutWidths(blocks: readonly Block[]): number[] {
  const need: number[] = [];
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    const { columns, grid } = placeCells([...b.head, ...b.body]);
    grid.forEach((row, r) =>
      row.forEach((slot, c) => {
        if (slot?.kind !== 'origin' || slot.colspan !== 1) return;
        const w = textWidth(plain(slot.cell.runs));
        // Header labels wrap: let them count less than data.
        need[c] = Math.max(need[c] ?? TABLE_COL_MIN, r < b.head.length ? Math.min(w * 0.6, 14) : w + 1);
      }),
    );
    for (let c = 0; c < columns; c++) need[c] = need[c] ?? TABLE_COL_MIN;
  }
  const widths = need.map((w) => Math.min(TABLE_COL_MAX, Math.max(TABLE_COL_MIN, Math.ceil(w))));
  const span = Math.max(MIN_SPAN, widths.length);
  const used = widths.reduce((a, b) => a + b, 0);
  const rest = span - widths.length;
  const fill = rest > 0 ? Math.max(TABLE_COL_MIN, Math.floor((TARGET_CHARS - used) / rest)) : 0;
  for (let c = widths.length; c < span; c++) widths.push(fill);
  return widths;
}

/** Percent cells as rates; whole numbers grouped; others with the decimals the template showed ("74,4"). */
function numberFormat(value: number, percent: boolean, shown: string | null, fmt: Formats): string {
  if (percent) return fmt.rate;
  if (Number.isInteger(value)) return fmt.int;
  const decimals = /,(\d+)\s*$/.exec(shown ?? '')?.[1].length ?? fmt.decimals;
  return decimals > 0 ? `${fmt.int}.${'0'.repeat(decimals)}` : fmt.int;
}

class ReportWriter {
  private row = 1;
  /** Rows holding a value so far: the reader looks for a header among the first 20 of those. */
  private valueRows = 0;
  private readonly span: number;
  private readonly half: number;

  constructor(
    private readonly ws: Worksheet,
    private readonly widths: number[],
    private readonly ctx: ReportSheetContext,
  ) {
    this.span = widths.length;
    this.half = Math.ceil(this.span / 2);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }

  private chars(from: number, to: number): number {
    return this.widths.slice(from - 1, to).reduce((a, b) => a + b, 0) - 1;
  }

  private pixels(from: number, to: number): number {
    return this.widths.slice(from - 1, to).reduce((a, b) => a + b * CHAR_PX + 5, 0);
  }

  private skip(n = 1): void {
    this.row += n;
  }

  /** One wrapped cell merged over columns [from, to] of the current row; returns the lines it takes. */
  private put(content: CellText, from: number, to: number, style: LineStyle): number {
    const { value } = content;
    if (value === null) return 1;
    const cell = this.ws.getCell(this.row, from);
    cell.value = value;
    const bold = content.bold || !!style.bold;
    cell.font = font({ bold, italic: content.italic || !!style.italic, size: style.size ?? 11 });
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: horizontal(style.align) };
    if (to > from) this.ws.mergeCells(this.row, from, this.row, to);
    const shown = typeof value === 'string' ? value : value.richText.map((r) => r.text).join('');
    const scale = ((style.size ?? 11) / 11) * (bold ? 1.1 : 1);
    return wrappedLines(shown, this.chars(from, to) / scale);
  }

  private endRow(lines: number, size = 11, hasValue = true): void {
    const line = (LINE_HEIGHT * size) / 11;
    if (lines > 1 || size > 11) this.ws.getRow(this.row).height = Math.ceil(lines * line + 2);
    if (hasValue) this.valueRows++;
    this.row++;
  }

  line(runs: readonly Run[], style: LineStyle): void {
    const lines = this.put(runsValue(runs, style), 1, this.span, style);
    this.endRow(lines, style.size);
  }

  block(b: Block): void {
    switch (b.type) {
      case 'heading':
        if (b.level === 1 && this.row > 1) this.skip();
        return this.line(b.runs, { bold: true, size: b.level === 1 ? 12 : undefined, italic: b.level === 3 });
      case 'paragraph':
        return this.line(b.runs, paragraphStyle(b));
      case 'list':
        return this.list(b);
      case 'table':
        return this.table(b);
      case 'figure':
        return this.figure(b);
      case 'gallery':
        return this.gallery(b);
      case 'header-block':
        return this.headerBlock(b);
      case 'signature-block':
        return this.signatureBlock(b);
      case 'pagebreak':
        return; // a sheet has no pages
      default:
        unknownBlock(b, 'writeReportSheet');
    }
  }

  private list(l: List): void {
    l.items.forEach((item, i) => {
      const marker = l.ordered ? `${i + 1}. ` : '- ';
      this.line([{ text: marker }, ...item], {});
    });
  }

  /** Two column groups side by side (header block, signature block), one line per row. */
  private twoGroups(left: (readonly [string | null, LineStyle])[], right: (readonly [string | null, LineStyle])[]): void {
    const rows = Math.max(left.length, right.length);
    for (let i = 0; i < rows; i++) {
      const [lt, ls] = left[i] ?? [null, {}];
      const [rt, rs] = right[i] ?? [null, {}];
      const lines = Math.max(this.put(plainText(lt), 1, this.half, ls), this.put(plainText(rt), this.half + 1, this.span, rs));
      this.endRow(lines, Math.max(ls.size ?? 11, rs.size ?? 11), text(lt) !== null || text(rt) !== null);
    }
  }

  private headerBlock(h: HeaderBlock): void {
    const up = (s: string) => s.toLocaleUpperCase('vi-VN');
    const center: LineStyle = { align: 'center' };
    const left: [string | null, LineStyle][] = [];
    if (h.parent && h.parent.trim() !== '') left.push([up(h.parent), center]);
    left.push([up(h.agency), { ...center, bold: true }]);
    while (left.length < 2) left.push([null, center]);
    left.push([h.number, center]);
    const right: [string | null, LineStyle][] = [
      [up(h.nation), { ...center, bold: true }],
      [h.motto, { ...center, bold: true }],
      [h.placeDate, { ...center, italic: true }],
    ];
    this.twoGroups(left, right);
    this.skip();
  }

  private signatureBlock(s: SignatureBlock): void {
    this.skip();
    const left: [string | null, LineStyle][] = [
      [s.recipientsTitle, { bold: true, italic: true }],
      ...s.recipients.map((r): [string, LineStyle] => [r, {}]),
    ];
    const center: LineStyle = { align: 'center', bold: true };
    const right: [string | null, LineStyle][] = [
      ...s.signerLines.map((l): [string, LineStyle] => [l.toLocaleUpperCase('vi-VN'), center]),
      ...Array.from({ length: SIGNING_ROOM }, (): [null, LineStyle] => [null, {}]),
      [s.signerName, center],
    ];
    this.twoGroups(left, right);
  }

  private table(t: Table): void {
    const rows = [...t.head, ...t.body];
    const { columns, grid } = placeCells(rows);
    const texts = grid.map((row) => row.map((slot) => (slot?.kind === 'origin' ? text(plain(slot.cell.runs)) : null)));
    // A header-like row among the first rows the reader scans would make it read this sheet as
    // input data: number its columns, "(1)", "(2)", as statistical tables do, so it is not.
    let counted = this.valueRows;
    const numbered = texts.map((cells) => {
      const hasValue = cells.some((c) => c !== null);
      const inWindow = hasValue && ++counted <= HEADER_SEARCH_ROWS;
      return inWindow && this.ctx.guard.looksLikeHeader(cells);
    });
    // Grid tables get borders and the header look; layout tables ('none') neither.
    const boxed = t.borders !== 'none';
    grid.forEach((slots, r) => {
      const header = r < t.head.length;
      let lines = 1;
      for (let c = 0; c < columns; c++) {
        const slot = slots[c];
        const cell = this.ws.getCell(this.row, c + 1);
        if (boxed) cell.border = THIN_BORDER;
        if (slot?.kind !== 'origin') continue;
        const m = slot.cell;
        if (m.numeric && typeof m.value === 'number' && Number.isFinite(m.value)) {
          cell.value = m.value;
          cell.numFmt = numberFormat(m.value, !!m.percent, texts[r][c], this.ctx.fmt);
        } else {
          const label = texts[r][c];
          const content = runsValue(m.runs, { bold: m.bold || header });
          cell.value = numbered[r] && label !== null ? `${label}\n(${c + 1})` : content.value;
          cell.font = font({ bold: content.bold, italic: content.italic });
        }
        if (header && boxed) styleHeaderCell(cell);
        else {
          cell.alignment = {
            wrapText: true,
            vertical: 'middle',
            horizontal: horizontal(m.align) ?? (header ? 'center' : m.numeric ? 'right' : undefined),
          };
        }
        if (slot.colspan > 1 || slot.rowspan > 1) this.ws.mergeCells(this.row, c + 1, this.row + slot.rowspan - 1, c + slot.colspan);
        if (slot.rowspan === 1) {
          const shown = (texts[r][c] ?? '') + (numbered[r] ? '\n(0)' : '');
          lines = Math.max(lines, wrappedLines(shown, this.chars(c + 1, c + slot.colspan) * (header ? 0.9 : 1)));
        }
      }
      this.endRow(lines, 11, texts[r].some((x) => x !== null));
    });
    this.skip();
  }

  private figure(f: Figure): void {
    const placed = this.ctx.images.place(this.ws, f.image, this.row, 1, Math.min(IMAGE_WIDTH, this.pixels(1, this.span)));
    if (placed) this.skip(placed.rows);
    if (f.caption && f.caption.length > 0) this.line(f.caption, { italic: true, align: 'center' });
    this.skip();
  }

  /** Photos two per row, each scaled into its half of the text width, captions under them. */
  private gallery(g: Gallery): void {
    const groups: [number, number][] = [[1, this.half], [this.half + 1, this.span]];
    for (let i = 0; i < g.items.length; i += 2) {
      const pair = g.items.slice(i, i + 2);
      let rows = 0;
      pair.forEach((item, k) => {
        const [from, to] = groups[k];
        const placed = this.ctx.images.place(this.ws, item.image, this.row, from, this.pixels(from, to) - 10, PHOTO_HEIGHT);
        rows = Math.max(rows, placed?.rows ?? 0);
      });
      this.skip(rows);
      const captions = pair.map((item) => runsValue(item.caption, { italic: true }));
      if (captions.some((c) => c.value !== null)) {
        const lines = Math.max(...pair.map((_, k) => this.put(captions[k], groups[k][0], groups[k][1], { italic: true, align: 'center' })));
        this.endRow(lines);
      }
      this.skip();
    }
  }
}

export function writeReportSheet(ws: Worksheet, model: DocumentModel, ctx: ReportSheetContext): void {
  // Printed, the text width fits an A4 page across (Excel scales; pages break down as needed).
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const writer = new ReportWriter(ws, layoutWidths(model.blocks), ctx);
  for (const b of model.blocks) writer.block(b);
}
