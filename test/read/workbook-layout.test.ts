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
  const layout = parseWorkbookLayout(WORKBOOK, RELS);
  expect(layout.sheets).toEqual([
    { name: 'Hướng dẫn & ghi chú', part: 'xl/worksheets/sheet2.xml' },
    { name: 'Hoạt động > 2023', part: 'xl/worksheets/sheet1.xml' }, // an absolute target
    { name: 'Xã hội học tập', part: 'xl/worksheets/sheet3.xml' }, // a `..` in the target
  ]); // the chart sheet has no rows: left out
  expect(layout.date1904).toBe(true);
});

test('a worksheet is known by its relationship type, whatever its part is called', () => {
  const rels = `<Relationships><Relationship Id="a" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/Data.xml"/></Relationships>`;
  const layout = parseWorkbookLayout('<workbook><sheets><sheet name="Hoạt động" sheetId="1" r:id="a"/></sheets></workbook>', rels);
  expect(layout.sheets).toEqual([{ name: 'Hoạt động', part: 'xl/worksheets/Data.xml' }]);
});

test('the 1900 date system is the default', () => {
  expect(parseWorkbookLayout('<workbook><sheets/></workbook>', '<Relationships/>').date1904).toBe(false);
});
