/** Text blocks: paragraphs by role, headings, lists, and the short rules official documents draw. */
import { AlignmentType, BorderStyle, LineRuleType, PageBreak, Paragraph, TextRun } from 'docx';
import type { Heading, List, Paragraph as ModelParagraph, ParagraphRole } from '../../document/types';
import { alignment, textRuns } from './runs';
import { BLACK, PT, STYLE } from './styles';

const ROLE_STYLE: Record<ParagraphRole, string> = {
  body: STYLE.body,
  title: STYLE.title,
  subject: STYLE.subject,
  basis: STYLE.basis,
  placeholder: STYLE.placeholder,
  caption: STYLE.caption,
  note: STYLE.note,
};

/** Roles whose style indents the first line; a centred or right-aligned line must not keep that indent. */
const INDENTED: ReadonlySet<ParagraphRole> = new Set(['body', 'basis', 'placeholder']);

/** `keepNext`: the closing sentence goes to the next page with the signature rather than leave it alone there. */
export function paragraph(p: ModelParagraph, keepNext = false): Paragraph {
  const offAxis = (p.align === 'center' || p.align === 'right') && INDENTED.has(p.role);
  return new Paragraph({
    style: ROLE_STYLE[p.role],
    keepNext: keepNext || undefined,
    alignment: alignment(p.align),
    indent: offAxis ? { firstLine: 0 } : undefined,
    children: textRuns(p.runs),
  });
}

const HEADING_STYLE = { 1: STYLE.heading1, 2: STYLE.heading2, 3: STYLE.heading3 } as const;

export function heading(h: Heading): Paragraph {
  return new Paragraph({ style: HEADING_STYLE[h.level] ?? STYLE.heading3, children: textRuns(h.runs) });
}

/**
 * Lists as plain paragraphs with their marker written out: Vietnamese reports use `- ` (and `+ `
 * one level down) and `1.`, and text markers survive copy-paste and the .xlsx renderer alike,
 * which Word numbering definitions would not.
 */
export function list(l: List): Paragraph[] {
  return l.items.map(
    (runs, i) =>
      new Paragraph({
        style: STYLE.list,
        children: [new TextRun({ text: l.ordered ? `${i + 1}. ` : '- ' }), ...textRuns(runs)],
      }),
  );
}

export function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

/** An empty small paragraph: vertical room after a table, whose own spacing Word ignores. */
export function spacer(keepNext = false): Paragraph {
  return new Paragraph({ style: STYLE.spacer, keepNext: keepNext || undefined });
}

/**
 * The short horizontal rule under the agency name, the motto and the subject: a 3 pt-high empty
 * paragraph whose bottom border is drawn only between its indents, so the rule is `width` twips
 * long and centred in `available` twips (a column or the text width); `after` twips below it.
 */
export function rule(width: number, available: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((available - width) / 2));
  return new Paragraph({
    style: STYLE.block,
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    children: [new TextRun({ text: '', size: PT(2) })],
  });
}

/**
 * Rough printed width of a line of Times New Roman, in twips: enough to size a rule to the text
 * above it (the motto's rule is as long as the motto). Capitals are wider than lower case.
 */
export function estimateWidth(text: string, points: number, bold: boolean): number {
  let ems = 0;
  for (const ch of text) {
    if (ch === ' ') ems += 0.25;
    else if (ch === '-' || ch === '.' || ch === ',' || ch === ':') ems += 0.33;
    else if (ch !== ch.toLocaleLowerCase('vi-VN')) ems += 0.68;
    else ems += 0.47;
  }
  return Math.round(ems * points * 20 * (bold ? 1.04 : 1));
}
