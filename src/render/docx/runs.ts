/**
 * Inline runs of the model as docx TextRuns. docx escapes `& < > "` itself but passes every other
 * character through: a C0 control character (a unit name pasted from a spreadsheet with a stray
 * \x0B, say) or an unpaired surrogate would make document.xml ill-formed and Word refuse the
 * whole file, so every text the docx writers give docx goes through xmlSafe first.
 */
import { AlignmentType, TextRun, type IRunOptions } from 'docx';
import type { Align, Run } from '../../document/types';
import { xmlSafe } from '../../text/normalize';

/** Formatting a caller adds to every run (a table's header row is bold, say). */
export type RunFormat = Pick<IRunOptions, 'bold' | 'italics' | 'size'>;

export function textRuns(runs: readonly Run[], format: RunFormat = {}): TextRun[] {
  return runs.map((r) => {
    if (r.break) return new TextRun({ break: 1 });
    return new TextRun({
      text: xmlSafe(r.text),
      // Leave the style's setting alone unless the run or the caller asks for bold/italic.
      bold: r.bold || format.bold || undefined,
      italics: r.italic || format.italics || undefined,
      size: format.size,
    });
  });
}

/** The model's alignment names mapped onto docx's (`justify` is `w:jc="both"`). */
export function alignment(align: Align | undefined): (typeof AlignmentType)[keyof typeof AlignmentType] | undefined {
  switch (align) {
    case 'left':
      return AlignmentType.LEFT;
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'justify':
      return AlignmentType.JUSTIFIED;
    default:
      return undefined;
  }
}

/** Plain text of runs, for width estimates and alt text. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => (r.break ? ' ' : r.text)).join('');
}
