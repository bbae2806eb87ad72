/**
 * The names an XLSX package is read by (ECMA-376, Parts 1 and 2; ISO/IEC 29500): XML namespaces,
 * relationship types and content types, each in its Transitional and Strict spelling. Parts are
 * found by these, never by fixed part names or prefixes.
 */

/** SpreadsheetML's main namespace. The empty namespace is accepted too: some generators leave `xmlns` out, and Excel's readers forgive it. */
export const SPREADSHEETML = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main', ''];
/** The namespace of `r:id` on a workbook's `<sheet>`. */
export const OFFICE_RELATIONSHIPS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
/** `_rels/*.rels` parts. */
export const PACKAGE_RELATIONSHIPS = ['http://schemas.openxmlformats.org/package/2006/relationships', ''];
/** `[Content_Types].xml`. */
export const CONTENT_TYPES = ['http://schemas.openxmlformats.org/package/2006/content-types', ''];

/** Relationship types by their last segment, the part both spellings share (`…/relationships/worksheet`). */
export const REL = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
} as const;

/** Content types of a workbook's main part that this reader reads: .xlsx, .xlsm, .xltx, .xltm. */
export const WORKBOOK_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);

/** Main parts of other packages, by content type: what the clerk is told the file is. */
export const FOREIGN_CONTENT_TYPES: ReadonlyArray<[prefix: string, detail: string]> = [
  ['application/vnd.ms-excel.sheet.binary.macroEnabled.main', 'xlsb'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.', 'docx'],
  ['application/vnd.ms-word.', 'docx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.', 'pptx'],
  ['application/vnd.ms-powerpoint.', 'pptx'],
];
