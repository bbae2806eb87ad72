/**
 * The output workbook is itself an input (report.md): its sheets are read back by the same reader,
 * which takes the first of a sheet's first 20 rows with two known column labels as a table header.
 * Sheets that are not data must never offer such a row, or they would be checked as activities or
 * tallies and fail. This asks the checker's own header matcher, so the two can never disagree.
 */
import type { Indicator } from '../../catalog/indicators';
import { buildLabelIndex, matchHeader, type LabelIndex } from '../../validate/header';

export class HeaderGuard {
  private readonly index: LabelIndex;

  constructor(indicators: Indicator[]) {
    this.index = buildLabelIndex(indicators);
  }

  /** True when the reader would take (or consider) a row of these texts as a header. */
  looksLikeHeader(texts: readonly (string | null)[], row = 1): boolean {
    return matchHeader({ row, cells: texts.map((t) => t ?? null) }, this.index) !== null;
  }
}
