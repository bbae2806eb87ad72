/**
 * From the styles part, the one thing the cell reader needs: which cell styles (`<c s="…">`, an
 * index into `cellXfs`) show a date. A style's number format is a built-in one by id or a custom
 * one from `numFmts`; number-format.ts decides which show dates.
 */
import { isBuiltInDateFormat, isDateFormat } from './number-format';
import { SPREADSHEETML } from './ooxml-names';
import { compileVocabulary, parsePart, type Attributes, type XmlHandler, type XmlName } from './xml-stream';
import { MAX_SMALL_PART_BYTES } from './limits';
import type { ZipPart } from './zip';

/** Per cell style index, 1 when its number format shows a date or time. Indexes past the end are not dates. */
export type DateStyles = Uint8Array;

const enum S {
  NumFmts = 1,
  NumFmt,
  CellXfs,
  Xf,
}
const VOCABULARY = compileVocabulary([
  [S.NumFmts, SPREADSHEETML, 'numFmts'],
  [S.NumFmt, SPREADSHEETML, 'numFmt'],
  [S.CellXfs, SPREADSHEETML, 'cellXfs'],
  [S.Xf, SPREADSHEETML, 'xf'],
]);

/** Reads the styles part (none: no style shows a date). Throws as parsePart does. */
export async function readDateStyles(file: string, part: ZipPart | null): Promise<DateStyles> {
  if (!part) return new Uint8Array(0);
  const styles = new StylesXml();
  await parsePart(file, part, MAX_SMALL_PART_BYTES, VOCABULARY, styles);
  return styles.dateStyles();
}

class StylesXml implements XmlHandler {
  /** Custom formats by id; only those inside `<numFmts>` (a `<dxf>`'s numFmt is conditional formatting's). */
  private readonly custom = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private parent = 0;

  open(name: XmlName, a: Attributes): void {
    switch (name.code) {
      case S.NumFmts:
      case S.CellXfs:
        this.parent = name.code;
        break;
      case S.NumFmt:
        if (this.parent === S.NumFmts && a.numFmtId !== undefined) this.custom.set(Number(a.numFmtId), a.formatCode ?? '');
        break;
      case S.Xf:
        // `cellStyleXfs` holds xf elements too: only `cellXfs` is what `s` indexes.
        if (this.parent === S.CellXfs) this.xfFormats.push(Number(a.numFmtId ?? 0));
        break;
    }
  }

  close(name: XmlName): void {
    if (name.code === S.NumFmts || name.code === S.CellXfs) this.parent = 0;
  }

  text(): void {}

  dateStyles(): DateStyles {
    const out = new Uint8Array(this.xfFormats.length);
    this.xfFormats.forEach((id, i) => {
      const code = this.custom.get(id);
      out[i] = (code !== undefined ? isDateFormat(code) : isBuiltInDateFormat(id)) ? 1 : 0;
    });
    return out;
  }
}
