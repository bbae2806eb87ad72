import * as fs from 'node:fs';
import { INFO_LABELS, REPORT_SHEETS } from '../catalog/workbook-sheets';
import { openTables } from '../read/open';
import { matchKey } from '../text/normalize';
import { isoFromDate } from '../text/vi-date';

const INFO_SHEET = matchKey(REPORT_SHEETS.info);
const GENERATED_LABEL = matchKey(INFO_LABELS.generated);

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
      if (typeof label === 'string' && matchKey(label) === GENERATED_LABEL) {
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
