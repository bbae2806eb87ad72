/**
 * The document's styles: Times New Roman, black, 14 pt by default, and one paragraph style per
 * role of the document model. docx's built-in Heading/Title styles are blue Calibri, so the
 * report uses styles of its own (and the built-ins are made black too, in case Word offers them).
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';

const FONT = 'Times New Roman';
export const BLACK = '000000';

/** Font sizes in half-points (docx's unit for `size`). */
export const PT = (points: number): number => points * 2;

/** Twips: 20 a point. */
export const SPACE = { small: 60, paragraph: 120, large: 240 } as const;

/** 1.27 cm first-line indent (report.md: 1–1.27 cm). */
const FIRST_LINE_INDENT = 720;

/** Line spacing 1.2 lines (240 = single): inside the 1–1.5 the decree allows, and compact. */
const BODY_LINE = 288;

export const STYLE = {
  body: 'BcBody',
  title: 'BcTitle',
  subject: 'BcSubject',
  basis: 'BcBasis',
  placeholder: 'BcPlaceholder',
  caption: 'BcCaption',
  note: 'BcNote',
  heading1: 'BcHeading1',
  heading2: 'BcHeading2',
  heading3: 'BcHeading3',
  list: 'BcList',
  tableText: 'BcTableText',
  tableHead: 'BcTableHead',
  block: 'BcBlock',
  figure: 'BcFigure',
  spacer: 'BcSpacer',
  pageHeader: 'BcPageHeader',
} as const;

const run = (extra: { size?: number; bold?: boolean; italics?: boolean } = {}) => ({
  font: FONT,
  color: BLACK,
  ...extra,
});

function style(id: string, name: string, rest: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: STYLE.body, quickFormat: true, ...rest };
}

const bodyParagraph = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: FIRST_LINE_INDENT },
  spacing: { before: 0, after: SPACE.paragraph, line: BODY_LINE, lineRule: LineRuleType.AUTO },
};

const headingParagraph = (outlineLevel: number) => ({
  ...bodyParagraph,
  spacing: { ...bodyParagraph.spacing, before: SPACE.paragraph },
  keepNext: true,
  keepLines: true,
  outlineLevel,
});

const paragraphStyles: IParagraphStyleOptions[] = [
  style(STYLE.body, 'Báo cáo - Nội dung', { run: run(), paragraph: bodyParagraph }),
  style(STYLE.basis, 'Báo cáo - Căn cứ', { basedOn: STYLE.body, run: run({ italics: true }), paragraph: bodyParagraph }),
  style(STYLE.placeholder, 'Báo cáo - Cần bổ sung', {
    basedOn: STYLE.body,
    run: run({ italics: true }),
    paragraph: bodyParagraph,
  }),
  style(STYLE.list, 'Báo cáo - Liệt kê', { basedOn: STYLE.body, run: run(), paragraph: bodyParagraph }),
  style(STYLE.title, 'Báo cáo - Tên loại', {
    run: run({ size: PT(14), bold: true }),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      keepNext: true,
    },
  }),
  style(STYLE.subject, 'Báo cáo - Trích yếu', {
    run: run({ size: PT(14), bold: true }),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 264, lineRule: LineRuleType.AUTO },
      keepNext: true,
    },
  }),
  style(STYLE.heading1, 'Báo cáo - Mục I', { basedOn: STYLE.body, run: run({ size: PT(14), bold: true }), paragraph: headingParagraph(0) }),
  style(STYLE.heading2, 'Báo cáo - Mục 1', { basedOn: STYLE.body, run: run({ size: PT(14), bold: true }), paragraph: headingParagraph(1) }),
  style(STYLE.heading3, 'Báo cáo - Mục 1.1', {
    basedOn: STYLE.body,
    run: run({ size: PT(14), bold: true, italics: true }),
    paragraph: headingParagraph(2),
  }),
  style(STYLE.caption, 'Báo cáo - Chú thích hình', {
    run: run({ size: PT(12), italics: true }),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: SPACE.small, after: SPACE.large, line: 240, lineRule: LineRuleType.AUTO },
      keepLines: true,
    },
  }),
  style(STYLE.note, 'Báo cáo - Ghi chú', {
    run: run({ size: PT(12), italics: true }),
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 0, after: SPACE.paragraph, line: 240, lineRule: LineRuleType.AUTO },
    },
  }),
  style(STYLE.tableText, 'Báo cáo - Chữ trong bảng', {
    run: run({ size: PT(12) }),
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
    },
  }),
  style(STYLE.tableHead, 'Báo cáo - Tiêu đề bảng', {
    basedOn: STYLE.tableText,
    run: run({ size: PT(12), bold: true }),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
    },
  }),
  // Header block and signature block: single spacing, nothing between lines; sizes set per line.
  style(STYLE.block, 'Báo cáo - Khối thể thức', {
    next: STYLE.block,
    run: run(),
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
  }),
  // Auto line spacing, never exact: an exact line height would crop an inline picture.
  style(STYLE.figure, 'Báo cáo - Hình', {
    run: run(),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: SPACE.paragraph, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      keepNext: true,
    },
  }),
  // An empty 6 pt line that keeps a table off the paragraph after it (tables have no spacing).
  style(STYLE.spacer, 'Báo cáo - Khoảng cách', {
    run: run({ size: PT(6) }),
    paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
  }),
  style(STYLE.pageHeader, 'Báo cáo - Số trang', {
    run: run({ size: PT(13) }),
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
  }),
];

const black = (size: number, extra: { italics?: boolean } = {}) => ({ run: { font: FONT, color: BLACK, size, bold: true, ...extra } });

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: PT(14), color: BLACK },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      title: black(PT(14)),
      heading1: black(PT(14)),
      heading2: black(PT(14)),
      heading3: black(PT(14), { italics: true }),
    },
    paragraphStyles,
  };
}
