/**
 * What the SheetJS adapter may be given. SheetJS is not streaming: it holds the whole file, then
 * the whole workbook, in memory. Sizes are refused before parsing; what a small file can still
 * make the parser build (an ODS cell repeated a billion times, a hostile record count) is bounded
 * by the worker thread's heap and by a wall-clock limit (run.ts).
 *
 * Real submissions are far below: an .xls holds at most 65 536 rows (SheetJS reads that many in
 * about 8 s and 340 MB of heap here), and a commune's form is a few hundred KB in any format. Beyond these sizes the advice is to save as .xlsx,
 * which the project's own reader streams.
 */
import type { SheetjsFormat } from '../types';

const MiB = 1024 * 1024;

export interface SheetjsLimits {
  /** Bytes of the file itself (.xls, .ods, HTML, XML). */
  maxFileBytes: number;
  /** An .ods's parts unpacked (SheetJS inflates them all and parses `content.xml` as one string). */
  maxUnpackedBytes: number;
  /** The parsing thread's heap (V8 old generation), in MB: past it the thread is stopped. */
  maxHeapMb: number;
  /** One file's parse, in ms: past it the thread is stopped. */
  maxMillis: number;
  /** An .ods's cells with a value, repeats counted (ods-cells.ts): about what the heap above holds. */
  maxOdsCells: number;
}

export const SHEETJS_LIMITS: SheetjsLimits = {
  maxFileBytes: 64 * MiB,
  maxUnpackedBytes: 256 * MiB,
  maxHeapMb: 512,
  maxMillis: 30_000,
  maxOdsCells: 2_000_000,
};

/** What the adapter is told about a file before it reads it (open.ts knows it from the sniff and the zip's directory). */
export interface SheetjsSource {
  format: SheetjsFormat;
  fileSize: number;
  /** For an .ods: the sum of its parts' declared unpacked sizes (the zip guard has checked the ratio). */
  unpackedSize?: number;
}

/** Why the file is too large to load, or null. */
export function overLimit(source: SheetjsSource, limits: SheetjsLimits = SHEETJS_LIMITS): string | null {
  if (source.fileSize > limits.maxFileBytes) return `${source.fileSize} bytes (limit ${limits.maxFileBytes})`;
  if ((source.unpackedSize ?? 0) > limits.maxUnpackedBytes) return `unpacks to ${source.unpackedSize} bytes (limit ${limits.maxUnpackedBytes})`;
  return null;
}
