/**
 * Every renderer switches over every kind of block (a `never` check makes a missed kind a compile
 * error); a block of no known kind, as a model read from JSON could hold, is refused out loud.
 */
import type { DocumentModel } from '../../src/document/types';
import { renderDocx } from '../../src/render/docx';
import { renderHtml } from '../../src/render/html';
import { renderWorkbook } from '../../src/render/xlsx';
import { sampleWorkbookInput } from '../helpers/sample-workbook-input';

const bogus = { title: 't', blocks: [{ type: 'paragraph', role: 'body', runs: [{ text: 'a' }] }, { type: 'marquee', runs: [] }] } as unknown as DocumentModel;

test('the .docx, the HTML and the workbook refuse a block of no known kind', async () => {
  await expect(renderDocx(bogus, new Map(), { date: new Date(0) })).rejects.toThrow('renderDocx: unknown block {"type":"marquee","runs":[]}');
  expect(() => renderHtml(bogus, new Map())).toThrow('renderHtml: unknown block');
  await expect(renderWorkbook({ ...(await sampleWorkbookInput()), model: bogus })).rejects.toThrow('writeReportSheet: unknown block');
});
