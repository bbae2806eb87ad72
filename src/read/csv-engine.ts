/**
 * csv-parse's incremental parser, the engine inside its stream `Parser`, behind one interface.
 * It is not csv-parse's public API (the `api` property of a Parser): csv-parse is pinned exactly
 * in package.json for that, and test/read/csv-engine.test.ts holds it to what csv.ts relies on.
 *
 * Why not the stream: a stream that errors drops the records it had buffered, and every row
 * before a syntax error must reach the checker; `info` can be read at the moment each record is
 * pushed without the two objects per record that csv-parse's `info`/`on_record` options
 * allocate; and the record being read can be measured between two slices of input, so a line of
 * a million commas is stopped after the first slice rather than at its end.
 */
import { Parser, type Options } from 'csv-parse';

export interface CsvEngine {
  /**
   * Parses the next bytes (`end`: no more will come). Records are pushed synchronously, in
   * order. Returns csv-parse's error (with its `code`, e.g. `CSV_MAX_RECORD_SIZE`) instead of
   * throwing; after one, nothing more is parsed.
   */
  parse(bytes: Buffer | undefined, end: boolean, push: (record: string[]) => void): Error | undefined;
  /** Lines seen so far, counting the one being read (1 before any input); during push, the pushed record's last line. */
  readonly lines: number;
  /** During push: the offset, in the bytes fed, just past the pushed record. */
  readonly recordEnd: number;
  /** Fields of the record still being read, so far. */
  readonly openFields: number;
}

/** What csv-parse keeps under `Parser.api` (7.0.3). */
interface ParserApi {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  info: { lines: number; bytes: number };
  state: { record: unknown[] };
}

export function csvEngine(options: Options): CsvEngine {
  const api = (new Parser(options) as unknown as { api?: ParserApi }).api;
  if (!api || typeof api.parse !== 'function' || !api.info || !Array.isArray(api.state?.record)) {
    throw new Error('csv-parse: incremental parser API not found (is csv-parse still the pinned 7.0.3?)');
  }
  return {
    parse: (bytes, end, push) => api.parse(bytes, end, push, noClose),
    get lines() {
      return api.info.lines;
    },
    get recordEnd() {
      return api.info.bytes;
    },
    get openFields() {
      return api.state.record.length;
    },
  };
}

function noClose(): void {}
