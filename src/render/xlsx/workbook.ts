/**
 * A workbook whose bytes depend only on what is put in it: fixed creation/modification times and
 * creator, then the package re-zipped with a fixed entry time and order (exceljs stamps zip
 * entries with the clock). Shared by the report workbook and the blank form.
 */
import type { Workbook as ExcelWorkbook } from 'exceljs';
import { normalizeEntries } from '../../write/zip-normalize';
import type { BulkRows } from './bulk-rows';
import { Workbook, workbookParts } from './exceljs-adapter';

const CREATOR = 'lllweek';

export function createWorkbook(date: Date): ExcelWorkbook {
  const wb = new Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = date;
  wb.modified = date;
  return wb;
}

export async function workbookBytes(wb: ExcelWorkbook, mtime: Date, bulk?: BulkRows): Promise<Buffer> {
  const entries = await workbookParts(wb);
  bulk?.writeInto(entries);
  return normalizeEntries(entries, { mtime });
}

/** The report's time as a Date: `generated` when it parses, else the given ISO day (the week's start). */
export function fixedDate(generated: string, fallbackIso: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(generated) ? `${generated}T00:00:00Z` : generated;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date(`${fallbackIso}T00:00:00Z`) : d;
}
