/**
 * The document model: what a template's HTML becomes, and what every renderer (docx, the
 * workbook's "Báo cáo" sheet, html) draws. Templates never know which renderer they feed.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A line break inside a paragraph (`<br>`). text is '' then. */
  break?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/**
 * Paragraph roles the templates choose with `class`; each renderer maps a role to its own layout
 * (the docx renderer to the Nghị định 30 sizes and spacing).
 */
export type ParagraphRole =
  | 'body'          // justified body text with first-line indent
  | 'title'         // BÁO CÁO
  | 'subject'       // trích yếu under the title
  | 'basis'         // căn cứ lines (italic body)
  | 'placeholder'   // italic reminder of what the clerk must still write
  | 'caption'       // figure/photo caption
  | 'note';         // small print under a table

export interface Paragraph {
  type: 'paragraph';
  role: ParagraphRole;
  align?: Align;
  runs: Run[];
}

export interface Heading {
  type: 'heading';
  /** 1: `I.`, `II.` sections; 2: `1.`, `2.` sub-headings; 3: lower. */
  level: 1 | 2 | 3;
  runs: Run[];
}

export interface List {
  type: 'list';
  ordered: boolean;
  items: Run[][];
}

export interface TableCell {
  runs: Run[];
  /** Numbers are right-aligned by renderers; a cell is numeric when the template marks it (`class="num"`). */
  numeric?: boolean;
  /** The raw number behind a numeric cell, so the workbook can write a numeric cell. */
  value?: number;
  /** Percent cells carry their value as a fraction (0.7358) and format as a rate. */
  percent?: boolean;
  colspan?: number;
  rowspan?: number;
  align?: Align;
  bold?: boolean;
}

export interface Table {
  type: 'table';
  /** Header rows: bold, repeated on each page. */
  head: TableCell[][];
  body: TableCell[][];
  /** Relative column widths, when the template gives them (`<col width="3">`). */
  widths?: number[];
  /** Wide tables may ask for a landscape page (docx). */
  landscape?: boolean;
  /** 'grid' (default) or 'none': the borderless header block and signature blocks. */
  borders?: 'grid' | 'none';
}

export interface Figure {
  type: 'figure';
  /** Name of an image in the render context's image store (chart or photo). */
  image: string;
  caption?: Run[];
}

/** Photos laid out two per row. */
export interface Gallery {
  type: 'gallery';
  items: { image: string; caption: Run[] }[];
}

export interface PageBreak {
  type: 'pagebreak';
  /** Start a landscape section (wide appendix) or return to portrait. */
  orientation?: 'portrait' | 'landscape';
}

/** The document's header block, the "Nơi nhận" and signature block: each renderer lays them out its own way. */
export interface HeaderBlock {
  type: 'header-block';
  parent: string | null;
  agency: string;
  number: string;           // "Số: 05/BC-UBND"
  nation: string;           // CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  motto: string;            // Độc lập - Tự do - Hạnh phúc
  placeDate: string;        // Móng Cái, ngày 09 tháng 10 năm 2025
}

export interface SignatureBlock {
  type: 'signature-block';
  recipientsTitle: string;  // Nơi nhận:
  recipients: string[];     // "- Sở GD&ĐT (để b/c);" ... "- Lưu: VT."
  signerLines: string[];    // TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
  signerName: string;
}

export type Block =
  | Paragraph
  | Heading
  | List
  | Table
  | Figure
  | Gallery
  | PageBreak
  | HeaderBlock
  | SignatureBlock;

/**
 * The end of a switch over every kind of block: a renderer that misses a kind added to Block
 * fails to compile here, and a block that is none of them (a model from a JSON file) throws.
 */
export function unknownBlock(block: never, where: string): never {
  throw new Error(`${where}: unknown block ${JSON.stringify(block)}`);
}

export interface DocumentModel {
  /** Document title for metadata (docx core.xml, html <title>). */
  title: string;
  blocks: Block[];
}

/** A picture a Figure or Gallery names: PNG bytes always, SVG too for charts. */
export interface ImageAsset {
  png: Buffer;
  svg?: Buffer;
  width: number;
  height: number;
  /** Stable description for alt text. */
  alt: string;
  /** Encoding of `png` (a historical name): 'png' when absent (charts), 'jpeg' for photos. */
  format?: 'png' | 'jpeg';
}

export type ImageStore = Map<string, ImageAsset>;
