import { parseWorkbookLayout } from '../../src/read/workbook-layout';

const RELS = `<?xml version="1.0"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type=".../worksheet" Target="worksheets/sheet2.xml"/>
  <Relationship Target="/xl/worksheets/sheet1.xml" Type=".../worksheet" Id="rId2"/>
  <Relationship Id="rId3" Type=".../chartsheet" Target="chartsheets/sheet1.xml"/>
  <Relationship Id="rId4" Type=".../worksheet" Target="worksheets/../worksheets/sheet3.xml"/>
  <Relationship Id="rId5" Type=".../hyperlink" Target="http://example.org" TargetMode="External"/>
</Relationships>`;

const WORKBOOK = `<?xml version="1.0"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <x:workbookPr date1904="1"/>
  <x:sheets>
    <x:sheet name="Hướng dẫn &amp; ghi chú" sheetId="7" rel:id="rId1" state="hidden"/>
    <x:sheet rel:id="rId2" sheetId="1" name="Hoạt động > 2023"/>
    <x:sheet name="Biểu đồ" sheetId="3" rel:id="rId3"/>
    <x:sheet name='Xã hội học tập' sheetId="4" rel:id="rId4"/>
  </x:sheets>
</x:workbook>`;

test('sheets in tab order with their real names and parts, whatever the prefixes and attribute order', () => {
  const layout = parseWorkbookLayout(WORKBOOK, RELS, true);
  expect(layout.sheets).toEqual([
    { name: 'Hướng dẫn & ghi chú', sheetNo: '2', rId: 'rId1', sheetId: 7, state: 'hidden' },
    { name: 'Hoạt động > 2023', sheetNo: '1', rId: 'rId2', sheetId: 1, state: 'visible' },
    { name: 'Xã hội học tập', sheetNo: '3', rId: 'rId4', sheetId: 4, state: 'visible' },
  ]); // the chart sheet has no rows: left out
  expect(layout.date1904).toBe(true);
  expect(layout.hasSharedStrings).toBe(true);
  // exceljs compares `worksheets/sheetN.xml` literally: absolute and `..` targets are given to it in that form
  expect(layout.rels.map((r) => [r.Id, r.Target])).toEqual([
    ['rId1', 'worksheets/sheet2.xml'],
    ['rId2', 'worksheets/sheet1.xml'],
    ['rId3', 'chartsheets/sheet1.xml'],
    ['rId4', 'worksheets/sheet3.xml'],
  ]);
});

test('the 1900 date system is the default', () => {
  expect(parseWorkbookLayout('<workbook><sheets/></workbook>', '<Relationships/>', false).date1904).toBe(false);
});
