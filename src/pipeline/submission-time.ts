import * as fs from 'node:fs';
import { openTables } from '../read/open';
import { matchKey } from '../text/normalize';
import { isoFromDate } from '../text/vi-date';

/** The label under which an output workbook's `Thông tin` sheet records when it was made. */
export const GENERATED_LABEL = 'Thời điểm lập';
const INFO_SHEET = matchKey('Thông tin');

/**
 * When a submission was made: a lower office's output workbook says so in its `Thông tin`
 * sheet; any other file is as old as its modification time.
 */
export async function submissionTime(file: string): Promise<{ time: string; from: 'info' | 'mtime' }> {
  let recorded: string | null = null;
  for await (const table of openTables(file, () => undefined)) {
    const isInfo = table.sheet !== null && matchKey(table.sheet) === INFO_SHEET;
    for await (const row of table.rows) {
      if (!isInfo || recorded) continue;
      const [label, value] = row.cells;
      if (typeof label === 'string' && matchKey(label) === matchKey(GENERATED_LABEL)) {
        if (value instanceof Date) recorded = value.toISOString();
        else if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) recorded = new Date(value).toISOString();
      }
    }
  }
  if (recorded) return { time: recorded, from: 'info' };
  return { time: fs.statSync(file).mtime.toISOString(), from: 'mtime' };
}

export function dayOf(isoTime: string): string {
  return isoFromDate(new Date(isoTime));
}
