/**
 * The .docx renderer: the document model laid out as a Vietnamese administrative document
 * (Nghị định 30/2020/NĐ-CP), byte-identical for the same model, images and date.
 */
import { Document, type FileChild, type ISectionOptions } from 'docx';
import { unknownBlock, type Block, type DocumentModel, type ImageStore } from '../../document/types';
import { normalizeEntries } from '../../write/zip-normalize';
import { estimateWidth, heading, list, pageBreak, paragraph, rule, spacer } from './blocks';
import { packageParts } from './docx-adapter';
import { drawingIds, figure, gallery, type ImageContext } from './images';
import { headerBlock, signatureBlock } from './official';
import { section, textHeight, textWidth, type Orientation } from './page';
import { plainText } from './runs';
import { SPACE, documentStyles } from './styles';
import { table } from './tables';
import { xmlSafe } from '../../text/normalize';

export interface RenderDocxOptions {
  /** The report date: docProps/core.xml created/modified and the zip entries' time. */
  date: Date;
}

const GENERATOR = 'lllweek';

/** W3CDTF as Word writes it (no milliseconds). */
function w3cdtf(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** docx stamps core.xml with `new Date()` and has no option for it: put the report date there. */
function fixCoreDates(xml: string, date: Date): string {
  const when = w3cdtf(date);
  return xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${when}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${when}$2`);
}

/**
 * Walks the blocks, cutting the document into sections where the orientation changes: a
 * pagebreak with an orientation, or a table that asks for a landscape page (which gets a
 * landscape section of its own unless the next block is landscape too).
 */
class SectionBuilder {
  readonly sections: ISectionOptions[] = [];
  private children: FileChild[] = [];
  orientation: Orientation = 'portrait';
  /** The current landscape section was opened by a landscape table, not by a pagebreak. */
  private autoLandscape = false;

  add(...items: FileChild[]): void {
    this.children.push(...items);
  }

  /** Start a new section (hence a new page) in `orientation`; nothing to close at the very start. */
  switchTo(orientation: Orientation, auto = false): void {
    this.autoLandscape = auto;
    if (orientation === this.orientation) return;
    if (this.children.length > 0) this.close();
    this.orientation = orientation;
  }

  /** Before a block: a table-opened landscape section ends where landscape content ends. */
  before(block: Block): void {
    const stillWide = block.type === 'table' && block.landscape === true;
    if (this.autoLandscape && !stillWide && block.type !== 'pagebreak') this.switchTo('portrait');
  }

  get isAutoLandscape(): boolean {
    return this.autoLandscape;
  }

  get width(): number {
    return textWidth(this.orientation);
  }

  get height(): number {
    return textHeight(this.orientation);
  }

  close(): void {
    this.sections.push(section(this.orientation, this.sections.length === 0, this.children));
    this.children = [];
  }
}

function isSubject(b: Block | undefined): boolean {
  return b?.type === 'paragraph' && b.role === 'subject';
}

/**
 * The document as a .docx (its bytes): A4, the decree's margins, styles and header and signature
 * blocks; figures and galleries from `images` by name (a name the store lacks leaves an italic
 * note in its place); core.xml's dates and every zip entry's time from `opts.date`. Same model,
 * images and date, same bytes. Throws only on a block of no known kind (unknownBlock).
 */
export async function renderDocx(doc: DocumentModel, images: ImageStore, opts: RenderDocxOptions): Promise<Buffer> {
  const ctx: ImageContext = { images, nextDrawingId: drawingIds() };
  const out = new SectionBuilder();

  doc.blocks.forEach((block, i) => {
    out.before(block);
    switch (block.type) {
      case 'header-block':
        out.add(headerBlock(block, out.width));
        break;
      case 'paragraph':
        out.add(paragraph(block, doc.blocks[i + 1]?.type === 'signature-block'));
        // The subject (trích yếu) gets a short rule under its last line, as the decree's model shows.
        if (block.role === 'subject' && !isSubject(doc.blocks[i + 1])) {
          const lineWidth = Math.min(out.width, estimateWidth(plainText(block.runs), 14, true));
          out.add(rule(Math.max(1134, Math.round(lineWidth * 0.35)), out.width, SPACE.large));
        }
        break;
      case 'heading':
        out.add(heading(block));
        break;
      case 'list':
        out.add(...list(block));
        break;
      case 'table':
        // Word rejects a w:tbl without rows as a corrupt document: an empty table is left out.
        if (block.head.length + block.body.length === 0) break;
        if (block.landscape && out.orientation === 'portrait') out.switchTo('landscape', true);
        out.add(table(block, out.width), spacer());
        break;
      case 'figure':
        out.add(...figure(block, ctx, out.width, out.height));
        break;
      case 'gallery':
        if (block.items.length > 0) out.add(gallery(block, ctx, out.width));
        break;
      case 'pagebreak': {
        // A change of orientation starts a new section, which begins on a new page by itself.
        const wanted = block.orientation ?? (out.isAutoLandscape ? 'portrait' : out.orientation);
        if (wanted !== out.orientation) out.switchTo(wanted);
        else {
          out.switchTo(wanted); // an explicit orientation makes a table-opened section the template's own
          out.add(pageBreak());
        }
        break;
      }
      case 'signature-block':
        out.add(spacer(true), signatureBlock(block, out.width));
        break;
      default:
        unknownBlock(block, 'renderDocx');
    }
  });
  out.close();

  const document = new Document({
    title: xmlSafe(doc.title),
    creator: GENERATOR,
    lastModifiedBy: GENERATOR,
    styles: documentStyles(),
    sections: out.sections,
  });
  return normalizeEntries(await packageParts(document), {
    mtime: opts.date,
    rewrite: (name, text) => (name === 'docProps/core.xml' ? fixCoreDates(text, opts.date) : text),
  });
}
