/**
 * The parts of a Vietnamese administrative document that are not running text (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I): the header block at the top (agency | national title) and the
 * "Nơi nhận" / signature block at the end, both laid out as borderless two-column tables.
 */
import { AlignmentType, Paragraph, TextRun, type Table } from 'docx';
import type { HeaderBlock, SignatureBlock } from '../../document/types';
import { estimateWidth, rule } from './blocks';
import { splitWidth, layoutTable } from './tables';
import { PT, STYLE } from './styles';
import { xmlSafe } from '../../text/normalize';

/** Upper case the way the header block wants it (Vietnamese letters included), after cleaning. */
function upper(text: string): string {
  return xmlSafe(text).toLocaleUpperCase('vi-VN');
}

/** Side padding of the layout tables' cells, in twips (0.1 cm). */
const PAD = 57;

interface LineFormat {
  size: number; // points
  bold?: boolean;
  italics?: boolean;
  before?: number; // twips
}

function line(text: string, f: LineFormat, align: 'center' | 'left' = 'center'): Paragraph {
  return new Paragraph({
    style: STYLE.block,
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: f.before ? { before: f.before } : undefined,
    children: [new TextRun({ text, size: PT(f.size), bold: f.bold || undefined, italics: f.italics || undefined })],
  });
}

/**
 * Sizes of the header block (points). The national title must stay on one line in the right
 * column (60 % of the text width, 9.7 cm inside its padding on A4 portrait): at 13 pt bold it is
 * ~9.55 cm, too close to wrapping on a renderer with slightly different metrics; 12.5 pt (9.2 cm,
 * measured in LibreOffice with Liberation Serif, Times' metrics) leaves room.
 */
const HB = { parent: 13, agency: 13, number: 13, nation: 12.5, motto: 13.5, placeDate: 14 } as const;

/**
 * Header block: left, parent agency over the agency (bold) with a short rule, then the number;
 * right, the national title over the motto with a rule as long as the motto, then place and date.
 * Number and date sit in a second row so they line up even when the agency name wraps.
 */
export function headerBlock(h: HeaderBlock, textWidth: number): Table {
  const [left, right] = splitWidth(textWidth, [4, 6]);
  const leftInner = left - 2 * PAD;
  const rightInner = right - 2 * PAD;

  const agencyLine = Math.min(leftInner, estimateWidth(upper(h.agency), HB.agency, true));
  const agencyRule = Math.round(Math.max(agencyLine * 0.4, 900));
  const mottoRule = Math.min(rightInner, estimateWidth(xmlSafe(h.motto), HB.motto, true));

  const leftTop: Paragraph[] = [];
  if (h.parent !== null && h.parent.trim() !== '') leftTop.push(line(upper(h.parent), { size: HB.parent }));
  leftTop.push(line(upper(h.agency), { size: HB.agency, bold: true }), rule(agencyRule, leftInner));

  const rightTop = [
    line(upper(h.nation), { size: HB.nation, bold: true }),
    line(xmlSafe(h.motto), { size: HB.motto, bold: true }),
    rule(mottoRule, rightInner),
  ];

  return layoutTable(
    [
      [{ children: leftTop }, { children: rightTop }],
      [
        { children: [line(xmlSafe(h.number), { size: HB.number, before: 160 })] },
        { children: [line(xmlSafe(h.placeDate), { size: HB.placeDate, italics: true, before: 160 })] },
      ],
    ],
    [left, right],
    { top: 0, bottom: 0, left: PAD, right: PAD },
  );
}

/** Blank lines left for the signature and seal. */
const SIGNING_ROOM = 4;

/**
 * "Nơi nhận" at the left (12 pt bold italic title, recipients 11 pt, one a line, as given) and the
 * signature at the right: authority and title lines, room to sign, the signer's name.
 */
export function signatureBlock(s: SignatureBlock, textWidth: number): Table {
  const [left, right] = splitWidth(textWidth, [45, 55]);
  const recipients = [
    line(xmlSafe(s.recipientsTitle), { size: 12, bold: true, italics: true }, 'left'),
    ...s.recipients.map((r) => line(xmlSafe(r), { size: 11 }, 'left')),
  ];
  const signer = [
    ...s.signerLines.map((l) => line(upper(l), { size: 14, bold: true })),
    ...Array.from({ length: SIGNING_ROOM }, () => line('', { size: 14 })),
    line(xmlSafe(s.signerName), { size: 14, bold: true }),
  ];
  return layoutTable([[{ children: recipients }, { children: signer }]], [left, right], {
    top: 0,
    bottom: 0,
    left: PAD,
    right: PAD,
  });
}
