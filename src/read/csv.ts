/**
 * CSV rows, streamed. Hot path: validating a 1 M-row file must cost not much more than a bare
 * csv-parse pass, so per row there is one RawRow object, csv-parse's own array is reused as
 * `cells`, no async generator (a hand-written iterator costs a third of one per row), and NFC
 * is skipped for chunks proven NFC-inert (nfc-stable.ts).
 */
import * as fs from 'fs';
import { pipeline, type Readable } from 'stream';
import * as iconv from 'iconv-lite';
import { Parser } from 'csv-parse';
import { cleanText, trimToNull } from './cell-text';
import { decodeHead, detectDelimiter, detectEncoding, ICONV_NAME, type CsvDelimiter, type CsvEncoding } from './csv-detect';
import { utf8NfcInert, wholeUtf8Length } from './nfc-stable';
import type { CellValue, RawRow, ReadNotice, SourceTable } from './types';

/** A record larger than this is an unclosed quote swallowing the file, not data: stop before it fills memory. */
const MAX_RECORD_BYTES = 1024 * 1024;
/** Read size; exported for the tests that place text across a chunk boundary. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * The CSV file as one table. `head` is the file's first bytes (at least 1 MB when the file is
 * longer), already read by the sniffer. Emits `encoding-guessed` now; rows are read lazily.
 */
export function openCsv(file: string, head: Uint8Array, fileSize: number, onNotice: (n: ReadNotice) => void): SourceTable {
  const { encoding, guessed } = detectEncoding(head, head.length >= fileSize);
  if (guessed) onNotice({ code: 'encoding-guessed', file, encoding });
  const delimiter = detectDelimiter(decodeHead(head, encoding));
  return { file, sheet: null, encoding, rows: csvRows(file, encoding, delimiter, onNotice) };
}

/** Rows of a CSV file read with the given encoding and delimiter. Iterate once. */
export function csvRows(file: string, encoding: CsvEncoding, delimiter: CsvDelimiter, onNotice: (n: ReadNotice) => void): AsyncIterable<RawRow> {
  let used = false;
  return {
    [Symbol.asyncIterator]() {
      if (used) throw new Error(`rows of ${file} can be iterated only once`);
      used = true;
      return new CsvRowIterator(file, encoding, delimiter, onNotice);
    },
  };
}

/** What csv-parse's stream Parser drives internally; see CsvRowIterator for why we drive it ourselves. */
interface CsvParseApi {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  /** `lines`: lines seen so far; `bytes`: at push time, the offset just past the record (in the bytes we fed). */
  info: { lines: number; bytes: number };
}

const DONE: IteratorResult<RawRow> = { value: undefined, done: true };

/**
 * Feeds file chunks to csv-parse's incremental parser, the engine of its stream `Parser`,
 * rather than piping into the stream: a stream that errors drops the records it had
 * buffered, and every row before a syntax error must reach the checker; and `info` can be
 * read at the moment each record is pushed, without the two objects per record that
 * csv-parse's `info`/`on_record` options allocate.
 */
class CsvRowIterator implements AsyncIterator<RawRow> {
  private readonly api: CsvParseApi;
  private readonly chunks: Readable;
  private readonly chunkIterator: AsyncIterator<Buffer | string>;
  private batch: RawRow[] = [];
  private index = 0;
  private finished = false;

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

  constructor(
    private readonly file: string,
    encoding: CsvEncoding,
    delimiter: CsvDelimiter,
    private readonly onNotice: (n: ReadNotice) => void,
  ) {
    const parser = new Parser({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true, // a stray quote inside a field (`Trường "A"`) is text, as Excel reads it
      skip_empty_lines: false, // empty lines must still count for line numbers
      max_record_size: MAX_RECORD_BYTES,
    });
    const api = (parser as unknown as { api?: CsvParseApi }).api;
    if (!api || typeof api.parse !== 'function') throw new Error('csv-parse: incremental parser API not found');
    this.api = api;
    this.chunks = source(file, encoding);
    this.chunkIterator = this.chunks[Symbol.asyncIterator]();
  }

  next(): Promise<IteratorResult<RawRow>> {
    if (this.index < this.batch.length) return Promise.resolve({ value: this.batch[this.index++], done: false });
    return this.refill();
  }

  /** The consumer stopped early: release the file. */
  return(): Promise<IteratorResult<RawRow>> {
    this.finish();
    return Promise.resolve(DONE);
  }

  private async refill(): Promise<IteratorResult<RawRow>> {
    this.batch = [];
    this.index = 0;
    while (this.batch.length === 0 && !this.finished) await this.step();
    return this.index < this.batch.length ? { value: this.batch[this.index++], done: false } : DONE;
  }

  /** Reads one chunk and parses it; at the end of the file, flushes the parser. */
  private async step(): Promise<void> {
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

  /** Parses bytes (or flushes); false when csv-parse reported a syntax error, which ends the file. */
  private feed(buf: Buffer | undefined, end: boolean): boolean {
    if (buf) {
      this.chunkInert = utf8NfcInert(buf);
      if (!this.chunkInert) this.nonInertEnd = this.fed + buf.length;
      this.fed += buf.length;
    }
    const err = this.api.parse(buf, end, this.push, noClose);
    if (err) {
      this.onNotice({ code: 'csv-malformed', file: this.file, row: this.nextLine, detail: describe(err) });
      this.finish();
      return false;
    }
    return true;
  }

  /** csv-parse's push callback: one record, synchronously, while `info` still describes it. */
  private readonly push = (record: string[]): void => {
    const start = this.nextLine;
    const lines = this.api.info.lines;
    let span = lines - this.parserLines;
    this.parserLines = lines;
    // csv-parse counts a CRLF inside quotes as two lines; count a multi-line record's breaks ourselves.
    if (span > 1) span = 1 + lineBreaks(record);
    this.nextLine = start + span;

    // NFC can be skipped when every byte of the record lies in NFC-inert chunks: the current
    // chunk (where the record ends) and everything since the record's start.
    const inert = this.chunkInert && this.recordStart >= this.nonInertEnd;
    this.recordStart = this.api.info.bytes;

    const cells = record as unknown as CellValue[];
    let any = false;
    for (let i = 0; i < record.length; i++) {
      const v = inert ? trimToNull(record[i]) : cleanText(record[i]);
      cells[i] = v;
      if (v !== null) any = true;
    }
    // A line of only delimiters or spaces is not a row (as fully empty XLSX rows are skipped).
    if (any) this.batch.push({ row: start, cells });
  };

  private finish(): void {
    this.finished = true;
    this.chunks.destroy();
  }
}

function noClose(): void {}

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
