/**
 * Page setup of the report (Nghị định 30/2020/NĐ-CP): A4, margins top/bottom 20 mm, left 30 mm,
 * right 15 mm, page numbers centred in the header from the second page on.
 */
import {
  AlignmentType,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { STYLE } from './styles';

export type Orientation = 'portrait' | 'landscape';

/** A4 in twips. convertMillimetersToTwip(210) gives 11905: Word's own A4 is 11906 × 16838. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Margins in twips (1 mm = 56.7 twips). The header sits 10 mm from the edge, inside the 20 mm top margin. */
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567 } as const;

/**
 * Width between the margins. Landscape keeps the same left/right margins (the binding side stays
 * on the left of the text), so the long side minus the same 45 mm.
 */
export function textWidth(orientation: Orientation): number {
  const pageWidth = orientation === 'landscape' ? A4.height : A4.width;
  return pageWidth - MARGIN.left - MARGIN.right;
}

/** Text height between the margins, to keep pictures from overflowing a page. */
export function textHeight(orientation: Orientation): number {
  const pageHeight = orientation === 'landscape' ? A4.width : A4.height;
  return pageHeight - MARGIN.top - MARGIN.bottom;
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.pageHeader,
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}

/**
 * One section of the document. The first section has `titlePage` with an empty first-page header,
 * so page 1 (the one with the header block) carries no number; later sections (landscape
 * appendix, back to portrait) show the number on every page and continue the count.
 */
export function section(orientation: Orientation, first: boolean, children: FileChild[]): ISectionOptions {
  return {
    properties: {
      titlePage: first,
      page: {
        // docx swaps width and height itself for a landscape orientation.
        size: {
          width: A4.width,
          height: A4.height,
          orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...MARGIN, gutter: 0 },
      },
    },
    headers: first
      ? { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ style: STYLE.pageHeader })] }) }
      : { default: pageNumberHeader() },
    children,
  };
}
