/**
 * CSV rows, streamed. Hot path: a 1 M-row file must cost little more than csv-parse itself,
 * so per row there is one RawRow object and csv-parse's own array is reused as `cells`.
 */
import * as fs from 'fs';
import { pipeline, type Readable } from 'stream';
import * as iconv from 'iconv-lite';
import { Parser } from 'csv-parse';
import { cleanText } from './cell-text';
import { decodeHead, detectDelimiter, detectEncoding, ICONV_NAME, type CsvDelimiter, type CsvEncoding } from './csv-detect';
import type { CellValue, RawRow, ReadNotice, SourceTable } from './types';

/** A record larger than this is an unclosed quote swallowing the file, not data: stop it before it fills memory. */
const MAX_RECORD_BYTES = 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;

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

/** What csv-parse's stream Parser drives internally; see `csvRows` for why we drive it ourselves. */
interface CsvParseApi {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  info: { lines: number };
}

/**
 * Feeds file chunks to csv-parse's incremental parser (the engine of its stream `Parser`)
 * rather than piping into the stream: a stream that errors drops the records it had
 * buffered, and the rows before a syntax error must all reach the checker; and `info.lines`
 * can be read at the moment each record is pushed, without the two objects per record that
 * csv-parse's `info`/`on_record` options allocate.
 */
export async function* csvRows(
  file: string,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
  onNotice: (n: ReadNotice) => void,
): AsyncGenerator<RawRow> {
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

  let nextLine = 1; // the editor line where the next record starts
  let parserLines = 0; // csv-parse's line count at the end of the previous record
  let batch: RawRow[] = [];
  const push = (record: string[]): void => {
    const start = nextLine;
    const lines = api.info.lines;
    let span = lines - parserLines;
    parserLines = lines;
    // csv-parse counts a CRLF inside quotes as two lines; count a multi-line record's breaks ourselves.
    if (span > 1) span = 1 + lineBreaks(record);
    nextLine = start + span;
    if (cleanRecord(record)) batch.push({ row: start, cells: record as unknown as CellValue[] });
  };
  const noClose = (): void => undefined;
  const malformed = (err: Error): void =>
    onNotice({ code: 'csv-malformed', file, row: nextLine, detail: describe(err) });

  const chunks = source(file, encoding);
  try {
    for await (const chunk of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
      const err = api.parse(buf, false, push, noClose);
      for (let i = 0; i < batch.length; i++) yield batch[i];
      batch = [];
      if (err) {
        malformed(err);
        return;
      }
    }
    const err = api.parse(undefined, true, push, noClose);
    for (let i = 0; i < batch.length; i++) yield batch[i];
    batch = [];
    if (err) malformed(err);
  } catch (e) {
    // An I/O error mid-file (the file vanished, a bad disk): not the clerk's syntax.
    onNotice({ code: 'file-unreadable', file, reason: 'corrupt', detail: (e as Error)?.message ?? String(e) });
  } finally {
    chunks.destroy();
  }
}

/** Bytes for UTF-8 (csv-parse strips the BOM), text via iconv-lite for the others (iconv strips UTF-16 BOMs). */
function source(file: string, encoding: CsvEncoding): Readable {
  const raw = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
  if (encoding === 'utf-8') return raw;
  return pipeline(raw, iconv.decodeStream(ICONV_NAME[encoding]) as unknown as NodeJS.ReadWriteStream, () => undefined) as unknown as Readable;
}

/**
 * Cleans the record in place (trim, blank → null, NFC) and says whether any cell holds a
 * value: a line of only delimiters or spaces is not a row.
 */
function cleanRecord(record: unknown[]): boolean {
  let any = false;
  for (let i = 0; i < record.length; i++) {
    const v = cleanText(record[i] as string);
    record[i] = v;
    if (v !== null) any = true;
  }
  return any;
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
