/**
 * The shared-strings part: every string item (`<si>`) as the cell value it becomes, computed once
 * however many cells use it. An item's text is all its runs (`<r><t>`) in order; its phonetic
 * guides (`<rPh>`, furigana) are not part of what the cell shows and are left out.
 */
import { MAX_SHARED_STRINGS_BYTES } from './limits';
import { SPREADSHEETML } from './ooxml-names';
import type { CellValue } from './types';
import { CellTextBuffer } from './xlsx-cell-values';
import { compileVocabulary, parsePart, type XmlHandler, type XmlName } from './xml-stream';
import type { ZipPart } from './zip';

const enum S {
  Si = 1,
  T,
  RPh,
}
const VOCABULARY = compileVocabulary([
  [S.Si, SPREADSHEETML, 'si'],
  [S.T, SPREADSHEETML, 't'],
  [S.RPh, SPREADSHEETML, 'rPh'],
]);

/** The items' values in order (a cell's `<v>` indexes them). None without the part. Throws as parsePart does. */
export async function readSharedStrings(file: string, part: ZipPart | null): Promise<CellValue[]> {
  if (!part) return [];
  const sst = new SharedStringsXml();
  await parsePart(file, part, MAX_SHARED_STRINGS_BYTES, VOCABULARY, sst);
  return sst.values;
}

class SharedStringsXml implements XmlHandler {
  readonly values: CellValue[] = [];
  private readonly item = new CellTextBuffer();
  private inItem = false;
  private inPhonetic = 0;
  private gathering = false;

  open(name: XmlName): void {
    switch (name.code) {
      case S.Si:
        this.inItem = true;
        this.inPhonetic = 0;
        this.item.reset();
        break;
      case S.T:
        this.gathering = this.inItem && this.inPhonetic === 0;
        break;
      case S.RPh:
        this.inPhonetic++;
        break;
    }
  }

  close(name: XmlName): void {
    switch (name.code) {
      case S.Si:
        this.values.push(this.item.value());
        this.inItem = false;
        break;
      case S.T:
        if (this.gathering) this.item.endRun();
        this.gathering = false;
        break;
      case S.RPh:
        this.inPhonetic--;
        break;
    }
  }

  text(t: string): void {
    if (this.gathering) this.item.add(t);
  }
}
