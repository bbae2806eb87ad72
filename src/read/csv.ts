/**
 * CSV rows, streamed. Hot path: validating a 1 M-row file must cost not much more than a bare
 * csv-parse pass, so per row there is one RawRow object, csv-parse's own array is reused as
 * `cells`, rows are served from batches (batched-rows.ts), and NFC is skipped for chunks proven
 * NFC-inert (nfc-stable.ts). The caps of limits.ts apply: Excel's rows, columns and cell length,
 * and csv-parse's record size.
 */
import * as fs from 'fs';
import { pipeline, type Readable } from 'stream';
import * as iconv from 'iconv-lite';
import { BatchedRows, iterateOnce } from './batched-rows';
import { cleanText, tooLong, trimToNull } from './cell-text';
import { decodeHead, detectDelimiter, detectEncoding, ICONV_NAME, type CsvDelimiter, type CsvEncoding } from './csv-detect';
import { csvEngine, type CsvEngine } from './csv-engine';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_CSV_RECORD_CHARS, MAX_ROWS, ReadLimitError } from './limits';
import { utf8NfcInert, wholeUtf8Length } from './nfc-stable';
import type { CellValue, ReadNotice, SourceTable } from './types';

/** Read size; exported for the tests that place text across a chunk boundary. */
export const CHUNK_BYTES = 256 * 1024;
/** Bytes parsed between two looks at the record being read: a record can outgrow the column cap by at most this many fields. */
const SLICE_BYTES = 64 * 1024;

/**
 * The CSV file as one table. `head` is the file's first bytes (at least 1 MB when the file is
 * longer), already read by the sniffer. Emits `encoding-guessed` now; rows are read lazily.
 */
export function openCsv(file: string, head: Uint8Array, fileSize: number, onNotice: (n: ReadNotice) => void): SourceTable {
  const { encoding, guessed } = detectEncoding(head, head.length >= fileSize);
  if (guessed) onNotice({ code: 'encoding-guessed', file, encoding });
  const delimiter = detectDelimiter(decodeHead(head, encoding));
  return {
    file,
    sheet: null,
    encoding,
    rows: iterateOnce(file, () => new CsvRowIterator(file, encoding, delimiter, onNotice)),
    merges: () => Promise.resolve([]),
  };
}

/**
 * Feeds file chunks to csv-parse's incremental parser (csv-engine.ts), a slice at a time. A
 * syntax error, a cap or an I/O error ends the file with one notice; the rows before it stand.
 */
class CsvRowIterator extends BatchedRows {
  private readonly engine: CsvEngine;
  private readonly chunks: Readable;
  private readonly chunkIterator: AsyncIterator<Buffer | string>;

  /** The editor line where the next record starts, and csv-parse's line count at the previous record's end. */
  private nextLine = 1;
  private parserLines = 0;
  /** Byte offsets (in what we fed): where the next record starts, where the last non-inert chunk ends. */
  private recordStart = 0;
  private nonInertEnd = 0;
  private fed = 0;
  private chunkInert = true;
  /** A UTF-8 character cut at the end of the previous chunk, held back so every chunk is whole characters. */
  private carry: Buffer | null = null;
  private pendingHighSurrogate = '';
  private records = 0;
  /** A cap a pushed record went past: reported once the parser returns. */
  private overCap: ReadLimitError | null = null;

  constructor(
    private readonly file: string,
    encoding: CsvEncoding,
    delimiter: CsvDelimiter,
    private readonly onNotice: (n: ReadNotice) => void,
  ) {
    super();
    this.engine = csvEngine({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true, // a stray quote inside a field (`Trường "A"`) is text, as Excel reads it
      skip_empty_lines: false, // empty lines must still count for line numbers
      max_record_size: MAX_CSV_RECORD_CHARS,
    });
    this.chunks = source(file, encoding);
    this.chunkIterator = this.chunks[Symbol.asyncIterator]();
  }

  /** Reads one chunk and parses it; at the end of the file, flushes the parser. */
  protected async step(): Promise<void> {
    let r: IteratorResult<Buffer | string>;
    try {
      r = await this.chunkIterator.next();
    } catch (e) {
      // An I/O error mid-file (the file vanished, a bad disk): not the clerk's syntax.
      this.onNotice({ code: 'file-unreadable', file: this.file, reason: 'corrupt', detail: (e as Error)?.message ?? String(e) });
      this.finish();
      return;
    }
    if (r.done) {
      if (this.pendingHighSurrogate) this.carry = Buffer.concat([this.carry ?? Buffer.alloc(0), Buffer.from(this.pendingHighSurrogate)]);
      if (this.carry && !this.feed(this.carry, false)) return;
      this.carry = null;
      if (this.feed(undefined, true)) this.finish();
      return;
    }
    let buf = typeof r.value === 'string' ? this.encodeText(r.value) : r.value;
    if (this.carry) buf = Buffer.concat([this.carry, buf]);
    const whole = wholeUtf8Length(buf);
    this.carry = whole < buf.length ? Buffer.from(buf.subarray(whole)) : null;
    this.feed(buf.subarray(0, whole), false);
  }

  /** Decoded text (non-UTF-8 files) back to UTF-8 for csv-parse, holding back a surrogate pair cut between chunks. */
  private encodeText(text: string): Buffer {
    if (this.pendingHighSurrogate) text = this.pendingHighSurrogate + text;
    this.pendingHighSurrogate = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pendingHighSurrogate = text[text.length - 1];
      text = text.slice(0, -1);
    }
    return Buffer.from(text, 'utf8');
  }

  /** Parses bytes (or flushes), a slice at a time; false when the file ended here (a syntax error, a cap). */
  private feed(buf: Buffer | undefined, end: boolean): boolean {
    if (!buf) return this.parse(undefined, end);
    this.chunkInert = utf8NfcInert(buf);
    for (let at = 0; at < buf.length; at += SLICE_BYTES) {
      const slice = buf.subarray(at, at + SLICE_BYTES);
      if (!this.chunkInert) this.nonInertEnd = this.fed + slice.length;
      this.fed += slice.length;
      if (!this.parse(slice, end && at + SLICE_BYTES >= buf.length)) return false;
    }
    return true;
  }

  private parse(bytes: Buffer | undefined, end: boolean): boolean {
    const err = this.engine.parse(bytes, end, this.push);
    if (err) {
      this.onNotice({ code: 'csv-malformed', file: this.file, row: this.nextLine, detail: describe(err) });
      this.finish();
      return false;
    }
    if (!this.overCap && this.engine.openFields > MAX_COLUMNS) this.overCap = tooManyFields(this.nextLine);
    if (this.overCap) {
      this.onNotice({ code: 'file-unreadable', file: this.file, reason: this.overCap.reason, detail: this.overCap.message });
      this.finish();
      return false;
    }
    return true;
  }

  /** csv-parse's push callback: one record, synchronously, while the engine still describes it. */
  private readonly push = (record: string[]): void => {
    if (this.overCap) return;
    const start = this.nextLine;
    const lines = this.engine.lines;
    let span = lines - this.parserLines;
    this.parserLines = lines;
    // csv-parse counts a CRLF inside quotes as two lines; count a multi-line record's breaks ourselves.
    if (span > 1) span = 1 + lineBreaks(record);
    this.nextLine = start + span;
    // Excel makes a row of each record, an empty line's too.
    if (++this.records > MAX_ROWS) {
      this.overCap = new ReadLimitError('too-many-rows', `record ${this.records} at line ${start} (Excel shows ${MAX_ROWS} rows at most)`);
      return;
    }
    if (record.length > MAX_COLUMNS) {
      this.overCap = tooManyFields(start);
      return;
    }

    // NFC can be skipped when every byte of the record lies in NFC-inert chunks: the current
    // chunk (where the record ends) and everything since the record's start.
    const inert = this.chunkInert && this.recordStart >= this.nonInertEnd;
    this.recordStart = this.engine.recordEnd;

    const cells = record as unknown as CellValue[];
    let any = false;
    for (let i = 0; i < record.length; i++) {
      const f = record[i];
      const v = f.length > MAX_CELL_CHARS ? tooLong(f) : inert ? trimToNull(f) : cleanText(f);
      cells[i] = v;
      if (v !== null) any = true;
    }
    // A line of only delimiters or spaces is not a row (as fully empty XLSX rows are skipped).
    if (any) this.batch.push({ row: start, cells });
  };

  protected release(): void {
    this.chunks.destroy();
  }
}

function tooManyFields(line: number): ReadLimitError {
  return new ReadLimitError('too-many-columns', `line ${line} has more than ${MAX_COLUMNS} fields`);
}


/** Bytes for UTF-8 (csv-parse strips the BOM), text via iconv-lite for the others (iconv strips UTF-16 BOMs). */
function source(file: string, encoding: CsvEncoding): Readable {
  const raw = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
  if (encoding === 'utf-8') return raw;
  const decoder = iconv.decodeStream(ICONV_NAME[encoding]) as unknown as NodeJS.ReadWriteStream;
  return pipeline(raw, decoder, () => undefined) as unknown as Readable;
}

/** Line breaks inside a record's (quoted) fields: CRLF, LF or a lone CR each count once, as an editor shows them. */
function lineBreaks(record: string[]): number {
  let n = 0;
  for (const f of record) {
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13) {
        n++;
        if (f.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return n;
}

function describe(err: Error): string {
  const code = (err as { code?: string }).code;
  if (code === 'CSV_MAX_RECORD_SIZE') return `probably an unclosed quote: ${err.message}`;
  return err.message;
}
