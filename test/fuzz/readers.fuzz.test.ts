/**
 * Property tests: whatever bytes, CSV text or cell values a submission holds, reading and
 * checking it resolves with issues that all carry a code of the contract (inputs.md), its
 * severity and a message; nothing throws, rejects or hangs.
 *
 * `npm test` runs each property with a fixed seed, a bounded number of cases and a time limit;
 * `npm run fuzz` (FUZZ_RUNS=5000) runs many more cases without the time limit. FUZZ_SEED
 * replays another seed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import { ACTIVITY_TYPES } from '../../src/catalog/activity-types';
import { ACTIVITY_COLUMNS } from '../../src/catalog/columns';
import { INDICATORS } from '../../src/catalog/indicators';
import { ISSUES, issueText } from '../../src/catalog/issues';
import { MODES } from '../../src/catalog/modes';
import { SHEETJS_LIMITS } from '../../src/read/sheetjs/limits';
import * as sheetjsRun from '../../src/read/sheetjs/run';
import { cellRef } from '../../src/read/types';
import type { Issue } from '../../src/records/issue';
import type { RecordSink } from '../../src/records/records';
import { checkFiles, type CheckResult } from '../../src/validate/run';
import { cleanText } from '../../src/read/cell-text';
import { openTables } from '../../src/read/open';
import type { RawRow } from '../../src/read/types';
import { buildXlsx, excelEscape, STYLE, type Dialect, type XCell, type XSheet } from '../read/ooxml-writer';

// ---------------------------------------------------------------------------------------------
// Budget

const FUZZING = process.env.FUZZ_RUNS !== undefined;
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20251001);
/** Per property in `npm test` (shrinking included); `npm run fuzz` runs every case. */
const PROPERTY_MS = FUZZING ? 0 : 15_000;
/** One case: a file read must not take longer than this (a hang is a failure, not a slow test). */
const CASE_MS = 8_000;
const JEST_MS = FUZZING ? 6 * 3600_000 : 60_000;

function params(extra: fc.Parameters<unknown> = {}): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns: RUNS,
    ...(PROPERTY_MS ? { interruptAfterTimeLimit: PROPERTY_MS } : {}),
    ...extra,
  };
}

const SETTINGS = { year: 2025, week: null, activityTypes: ACTIVITY_TYPES, modes: MODES, indicators: INDICATORS, units: null };
const DROP: RecordSink = { activity: () => undefined, tally: () => undefined, unit: () => undefined };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-fuzz-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The outcome every case is held to

/** Errors that escape the promise (a stream's 'error' with no listener, a rejected promise nobody awaits). */
const escaped: unknown[] = [];
const onEscape = (e: unknown): void => {
  escaped.push(e);
};
beforeAll(() => {
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
});
afterAll(() => {
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
});

/** checkFiles on one file, which must settle (not reject) within CASE_MS and let nothing escape. */
async function check(file: string): Promise<CheckResult> {
  escaped.length = 0;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`checkFiles(${path.basename(file)}) did not settle within ${CASE_MS} ms`)), CASE_MS);
  });
  try {
    const result = await Promise.race([checkFiles([file], SETTINGS, DROP), hang]);
    // Give late stream errors a turn to surface.
    await new Promise((r) => setImmediate(r));
    if (escaped.length) throw new Error(`an error escaped the reader: ${String((escaped[0] as Error)?.stack ?? escaped[0])}`);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function expectCodedIssues(result: CheckResult, file: string): void {
  expect(Array.isArray(result.issues)).toBe(true);
  for (const i of result.issues) {
    expect(Object.keys(ISSUES)).toContain(i.code);
    expect(SEVERITIES.has(i.severity)).toBe(true);
    expect(i.severity).toBe(ISSUES[i.code].severity);
    for (const lang of ['vi', 'en'] as const) {
      const message = issueText(i, lang);
      expect(message.trim().length).toBeGreaterThan(0);
      // A placeholder that lost its value (the cell's own text may say anything: take it out first).
      expect(message.split(i.value ?? '\u0000').join('')).not.toMatch(/\bundefined\b|\[object Object\]/);
    }
    expect(i.file).toBe(file);
    if (i.row !== null) expect(Number.isInteger(i.row) && i.row >= 1).toBe(true);
    if (i.value !== null) expect(typeof i.value).toBe('string');
  }
  const { errors, warnings, infos } = result.summary;
  expect(errors + warnings + infos).toBe(result.issues.length);
}

// ---------------------------------------------------------------------------------------------
// (a) random bytes, named .csv and .xlsx

const ACTIVITY_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Số lượt người tham gia', 'Ghi chú'];

/** Seeds of every kind, for byte mutations: what exceljs writes (deflated, and stored so the XML is hit) and the dialects other programs write. */
interface Seeds {
  deflated: Uint8Array;
  stored: Uint8Array;
  dialects: Uint8Array[];
}

/** The same activities as the exceljs seed, as other programs write them (ooxml-writer.ts), stored so mutations hit the XML. */
function dialectSeeds(): Uint8Array[] {
  const sheet: XSheet = {
    name: 'Hoạt động',
    rows: [
      ['BIỂU THỐNG KÊ HOẠT ĐỘNG'],
      ACTIVITY_HEADER,
      ['QN-MC1', 'Phường Móng Cái 1', { t: 'd', v: '2025-10-02T00:00:00' }, 'Tuyên truyền', { inline: ['Loa ', 'truyền thanh'], phonetic: 'x' }, { f: 'A1+1' }, 'Tổ 3_x000B_khu 5'],
      ['QN-MC2', 'Phường Móng Cái 2', { s: STYLE.date, v: '45934' }, 'Khác', { shared: ['Hội ', 'nghị'] }, { t: 'e', f: '1/0', v: '#DIV/0!' }, { t: 'b', v: '1' }],
    ],
    merges: ['A1:G1'],
  };
  const dialects: Dialect[] = [{ prefix: 'x' }, { omitRowR: true, omitCellR: true }, { strict: true, strings: 'inline' }, { utf16: true, prefix: 'ss' }];
  return dialects.map((d) => zipSync(unzipSync(buildXlsx([sheet], d)), { level: 0 }));
}

/** A small real workbook: the seed that byte mutations start from (deflated, and stored so the XML is hit). */
async function seedWorkbooks(): Promise<Seeds> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hoạt động');
  ws.addRow(['BIỂU THỐNG KÊ HOẠT ĐỘNG']);
  ws.addRow(ACTIVITY_HEADER);
  ws.addRow(['QN-MC1', 'Phường Móng Cái 1', new Date(Date.UTC(2025, 9, 2)), 'Tuyên truyền', 'Loa truyền thanh', 320, null]);
  ws.addRow(['QN-MC1', 'Phường Móng Cái 1', '03/10/2025', 'Hội nghị', { richText: [{ text: 'Hội ' }, { text: 'nghị', font: { bold: true } }] }, { formula: '1+1', result: 2 }, 'x']);
  ws.addRow(['QN-MC2', 'Phường Móng Cái 2', 45934, 'Khác', { text: 'Trang', hyperlink: 'https://example.vn' }, { error: '#REF!' }, true]);
  const deflated = new Uint8Array(await wb.xlsx.writeBuffer());
  const stored = zipSync(unzipSync(deflated), { level: 0 });
  return { deflated, stored, dialects: dialectSeeds() };
}

type Mutation = { at: number; op: 'flip' | 'set' | 'cut' | 'insert' | 'delete'; byte: number; len: number };

function mutate(bytes: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = Buffer.from(bytes);
  for (const m of muts) {
    if (b.length === 0) break;
    const at = m.at % b.length;
    switch (m.op) {
      case 'flip':
        b[at] ^= 1 << (m.byte % 8);
        break;
      case 'set':
        b[at] = m.byte;
        break;
      case 'cut':
        b = b.subarray(0, at);
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), Buffer.alloc(m.len, m.byte), b.subarray(at)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.len)]);
        break;
    }
  }
  return b;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('flip', 'set', 'cut', 'insert', 'delete'),
  byte: fc.nat({ max: 255 }),
  len: fc.integer({ min: 1, max: 64 }),
});

const MAGIC: Record<string, number[]> = {
  none: [],
  zip: [0x50, 0x4b, 0x03, 0x04],
  emptyZip: [0x50, 0x4b, 0x05, 0x06],
  cfb: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  utf8Bom: [0xef, 0xbb, 0xbf],
  utf16le: [0xff, 0xfe],
  utf16be: [0xfe, 0xff],
  html: [0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e],
};

/** XLSX part names, for zips of random parts: gets the reader past "not a workbook" into the parsers. */
const PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

function bytesArb(seeds: () => Seeds): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    // Plain noise, maybe behind a magic number that sends it down one reader.
    fc.tuple(fc.constantFrom(...Object.keys(MAGIC)), fc.uint8Array({ maxLength: 4096 })).map(([m, b]) => Uint8Array.from([...MAGIC[m], ...b])),
    // A real workbook, damaged.
    fc.tuple(fc.boolean(), fc.array(mutationArb, { minLength: 1, maxLength: 8 })).map(([stored, muts]) => {
      const s = seeds();
      return mutate(stored ? s.stored : s.deflated, muts);
    }),
    // A workbook as another program writes it (prefixes, no addresses, Strict, UTF-16), damaged.
    fc.tuple(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 8 })).map(([i, muts]) => {
      const d = seeds().dialects;
      return mutate(d[i % d.length], muts);
    }),
    // A real workbook with one part replaced by noise or by a damaged copy of itself.
    fc
      .tuple(fc.constantFrom(...PARTS), fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 })), fc.boolean())
      .map(([part, change, deflate]) => {
        const parts = unzipSync(seeds().deflated);
        const old = parts[part] ?? strToU8('<x/>');
        parts[part] = change instanceof Uint8Array ? change : new Uint8Array(mutate(old, change));
        return zipSync(parts, { level: deflate ? 6 : 0 });
      }),
  );
}

describe('(a) random bytes', () => {
  let seeds: Seeds;
  beforeAll(async () => {
    seeds = await seedWorkbooks();
  });

  it('the unmutated seed workbook reads cleanly (the mutations start from a real file)', async () => {
    const file = path.join(dir, 'seed.xlsx');
    fs.writeFileSync(file, seeds.stored);
    const r = await check(file);
    expect(r.tables.map((t) => t.kind)).toEqual(['activities']);
    expect(r.issues.map((i) => i.code)).toEqual(['cell-type']);
  });

  it.each(['csv', 'xlsx'])(
    'named .%s: resolves with coded issues only',
    async (ext) => {
      await fc.assert(
        fc.asyncProperty(bytesArb(() => seeds), async (bytes) => {
          const file = path.join(dir, `bytes.${ext}`);
          fs.writeFileSync(file, bytes);
          expectCodedIssues(await check(file), file);
        }),
        params(),
      );
    },
    JEST_MS,
  );
});

// ---------------------------------------------------------------------------------------------
// (b) CSV text from a grammar, in random encodings

const LABELS = [
  ...ACTIVITY_COLUMNS.flatMap((c) => c.labels),
  'SO LUOT NGUOI THAM GIA', 'Mã đơn vị'.normalize('NFD'), 'Dân số', 'Tổng số hộ gia đình', 'Gia đình học tập',
  'Tỷ lệ gia đình học tập', 'Mã đơn vị cấp trên', 'Loại', 'unit_code', 'participants',
];

const viNumber = fc
  .tuple(fc.boolean(), fc.nat({ max: 9_999_999 }), fc.option(fc.nat({ max: 999 })), fc.boolean(), fc.boolean())
  .map(([neg, int, frac, grouped, pct]) => {
    const digits = String(int);
    const body = grouped ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : digits;
    return `${neg ? '-' : ''}${body}${frac === null ? '' : `,${frac}`}${pct ? '%' : ''}`;
  });

const dateText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 99999 }), fc.constantFrom('/', '-', '.'), fc.boolean())
    .map(([d, m, y, sep, pad]) => {
      const p = (n: number) => (pad ? String(n).padStart(2, '0') : String(n));
      return `${p(d)}${sep}${p(m)}${sep}${y}`;
    }),
  fc.date({ min: new Date('1899-01-01'), max: new Date('2101-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.integer({ min: -100, max: 3_000_000 }).map(String), // Excel serials, in and out of range
);

const HOSTILE = [
  '"', '""', '"""', '"a,b"', 'x"y', '"unclosed', '\r\n', '\n', '\r', '\0', '\u0001\u0008\u000b\u001f', '\uFEFF',
  '\uD800', '\uDFFF', '👩‍👩‍👧‍👦', '🇻🇳', 'ạ̀̀̀̀', '\u202Eevil', '=HYPERLINK("http://evil","x")', '+1-2', '@SUM(A1)', '-2+3',
  '#REF!', 'NaN', 'Infinity', '-0', '1e308', '9'.repeat(400), '__proto__', 'constructor', 'toString',
];

const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: viNumber },
  { weight: 3, arbitrary: dateText },
  { weight: 2, arbitrary: fc.constantFrom(...ACTIVITY_TYPES.map((t) => t.label), ...MODES.map((m) => m.label), 'trực tuyến', 'Lớp hoc') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'ạ', '"', ',', ';', '\n', '😀'), fc.integer({ min: 1000, max: 10_000 })).map(([c, n]) => c.repeat(n)) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

type Quoting = 'bare' | 'quoted' | 'broken';
const fieldArb = fc.tuple(cellText, fc.constantFrom<Quoting>('bare', 'bare', 'quoted', 'broken'));

function field([text, q]: [string, Quoting]): string {
  if (q === 'quoted') return `"${text.replace(/"/g, '""')}"`;
  if (q === 'broken') return `"${text}`;
  return text;
}

const csvDocArb = fc.record({
  titles: fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 3 }),
  header: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LABELS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 14 }),
  rows: fc.array(fc.array(fieldArb, { maxLength: 14 }), { maxLength: 12 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  trailingEol: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-16le-nobom', 'windows-1258', 'latin1'),
  cut: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 5 }),
});

function encode(text: string, encoding: string): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      // Node keeps lone surrogates in UTF-16: they reach the reader as they are.
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf-16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'windows-1258':
      return iconv.encode(text, 'win1258');
    default:
      return Buffer.from(text, 'latin1');
  }
}

describe('(b) CSV text', () => {
  it(
    'headers from real labels, cells from vi-VN numbers, dates, quotes, delimiters, NUL, emoji, 10k strings, in any encoding: coded issues only',
    async () => {
      await fc.assert(
        fc.asyncProperty(csvDocArb, async (d) => {
          const lines = [...d.titles, d.header.map((h) => field([h, 'bare'])).join(d.delimiter), ...d.rows.map((r) => r.map(field).join(d.delimiter))];
          let bytes = encode(lines.join(d.eol) + (d.trailingEol ? d.eol : ''), d.encoding);
          if (d.cut !== null) bytes = bytes.subarray(0, Math.max(0, bytes.length - d.cut));
          const file = path.join(dir, 'text.csv');
          fs.writeFileSync(file, bytes);
          const result = await check(file);
          expectCodedIssues(result, file);
          for (const i of result.issues) {
            expect(i.sheet).toBeNull();
            expect(i.cell).toBeNull();
          }
        }),
        params(),
      );
    },
    JEST_MS,
  );
});

// ---------------------------------------------------------------------------------------------
// (b2) the SheetJS formats: .xls (BIFF8 by LibreOffice, BIFF5 in code page 1258), .ods, HTML and
// XML Spreadsheet 2003 exports, mutated byte by byte (an .ods stored, so its XML is hit)

const FORMATS = path.resolve(__dirname, '..', '..', 'fixtures', 'formats');
const SHEETJS_SEEDS: Array<[string, string]> = [
  ['bao-cao-libreoffice.xls', 'xls'],
  ['cong-thuc-libreoffice.xls', 'xls'],
  ['hoat-dong-excel-95-cp1258.xls', 'xls'],
  ['bao-cao-libreoffice.ods', 'ods'],
  ['bao-cao-xuat-excel-html.xls', 'xls'],
  ['bao-cao-xml-2003.xls', 'xls'],
];

/** The adapter's worker as built by `npm run build` (`npm test` builds first): SheetJS runs bounded, as in the CLI. */
const SHEETJS_WORKER = path.resolve(__dirname, '..', '..', 'dist', 'read', 'sheetjs', 'worker.js');

describe('(b2) the SheetJS formats', () => {
  let seeds: Array<{ bytes: Uint8Array; ext: string }>;
  beforeAll(() => {
    if (!fs.existsSync(SHEETJS_WORKER)) throw new Error(`${SHEETJS_WORKER} is missing: run npm run build first`);
    // Bounded as in the CLI, within a case's time: a mutated file that makes SheetJS loop costs 4 s, not minutes.
    jest.spyOn(sheetjsRun, 'loadSheets').mockImplementation((file, format) =>
      sheetjsRun.loadSheetsOnWorker(SHEETJS_WORKER, file, format, { ...SHEETJS_LIMITS, maxMillis: CASE_MS / 2 }),
    );
    seeds = SHEETJS_SEEDS.map(([name, ext]) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(FORMATS, name)));
      return { bytes: ext === 'ods' ? zipSync(unzipSync(bytes), { level: 0 }) : bytes, ext };
    });
  });

  it(
    'mutated .xls, .ods, HTML and XML 2003: coded issues only',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), async (pick, muts) => {
          const seed = seeds[pick % seeds.length];
          const file = path.join(dir, `mutated.${seed.ext}`);
          fs.writeFileSync(file, mutate(seed.bytes, muts));
          expectCodedIssues(await check(file), file);
        }),
        params(),
      );
    },
    JEST_MS,
  );

  afterAll(() => jest.restoreAllMocks());
});

// ---------------------------------------------------------------------------------------------
// (c) random XLSX cell values under a valid activities header

const bigNumber = fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, -1e15, 1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 5e-324, 0.5, 45934, 45934.5, 2958466, -45934);
const anyDate = fc.oneof(
  fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01') }),
  fc.constant(new Date(NaN)),
  fc.constantFrom(new Date(Date.UTC(2025, 9, 3)), new Date(Date.UTC(2025, 9, 3, 12, 30)), new Date(Date.UTC(1899, 11, 30)), new Date(Date.UTC(2024, 1, 29))),
);
const ERRORS = ['#REF!', '#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#VALUE!', '#GETTING_DATA'];
const scalar: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(fc.string({ maxLength: 20 }), fc.double(), bigNumber, fc.boolean(), anyDate, viNumber, dateText);

const xlsxValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE.filter((h) => !/[\uD800-\uDFFF]/.test(h.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')))) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), bigNumber) },
  { weight: 2, arbitrary: viNumber },
  { weight: 2, arbitrary: dateText },
  { weight: 2, arbitrary: anyDate },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(...ACTIVITY_TYPES.map((t) => t.label), ...MODES.map((m) => m.label)) },
  {
    weight: 2,
    arbitrary: fc.record({ formula: fc.constantFrom('A1+1', 'SUM(A1:A9)', '1/0', 'NOW()', 'HYPERLINK("http://evil","x")'), result: fc.option(fc.oneof(scalar, fc.constantFrom(...ERRORS).map((error) => ({ error })))) }).map(
      ({ formula, result }) => (result === null ? { formula } : { formula, result }) as ExcelJS.CellValue,
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error }) as ExcelJS.CellValue) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.record({ text: fc.string({ maxLength: 10 }), bold: fc.boolean() }), { minLength: 1, maxLength: 4 })
      .map((runs) => ({ richText: runs.map((r) => ({ text: r.text, font: { bold: r.bold } })) })),
  },
  { weight: 1, arbitrary: fc.record({ text: fc.string({ maxLength: 15 }), hyperlink: fc.constantFrom('https://example.vn', 'javascript:alert(1)', 'file:///etc/passwd', '') }) },
  { weight: 1, arbitrary: fc.constantFrom('x', 'ạ', '"', '😀').map((c) => c.repeat(32_767 / c.length)) },
);

/** The activity columns' first labels, required ones always present, in a random order. */
const headerArb = fc
  .tuple(fc.shuffledSubarray(ACTIVITY_COLUMNS.filter((c) => !c.required)), fc.constant(ACTIVITY_COLUMNS.filter((c) => c.required)))
  .chain(([opt, req]) => fc.shuffledSubarray([...opt, ...req], { minLength: opt.length + req.length }));

const sheetArb = headerArb.chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    titles: fc.nat({ max: 4 }),
    rows: fc.array(fc.array(fc.option(xlsxValue, { freq: 4 }), { minLength: columns.length, maxLength: columns.length + 2 }), { minLength: 1, maxLength: 10 }),
    numFmt: fc.option(fc.constantFrom('dd/mm/yyyy', '0.00%', '#,##0', '@', 'yyyy-mm-dd hh:mm'), { freq: 3 }),
  }),
);

describe('(c) XLSX cell values', () => {
  it(
    'strings, numbers (NaN, ±Infinity, huge), dates (invalid too), formulas, errors, rich text, hyperlinks, booleans, 32k strings: coded issues at real cells',
    async () => {
      const SHEET = 'Hoạt động';
      await fc.assert(
        fc.asyncProperty(sheetArb, async (s) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet(SHEET);
          for (let t = 1; t <= s.titles; t++) ws.getCell(t, 1).value = `BIỂU THỐNG KÊ ${t}`;
          const headerRow = s.titles + 1;
          s.columns.forEach((c, i) => (ws.getCell(headerRow, i + 1).value = c.labels[0]));
          s.rows.forEach((cells, r) =>
            cells.forEach((v, c) => {
              const cell = ws.getCell(headerRow + 1 + r, c + 1);
              cell.value = v;
              if (s.numFmt && c % 2 === 0) cell.numFmt = s.numFmt;
            }),
          );
          const lastRow = headerRow + s.rows.length;
          const file = path.join(dir, 'cells.xlsx');
          fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

          const result = await check(file);
          expectCodedIssues(result, file);
          expect(result.issues.some((i) => i.code === 'file-unreadable' || i.code === 'table-unrecognized' || i.code === 'header-missing')).toBe(false);
          for (const i of result.issues) pointsAtRealCell(i, { sheet: SHEET, headerRow, lastRow, columns: s.columns.map((c) => c.key) });
        }),
        params(),
      );
    },
    JEST_MS,
  );
});

// ---------------------------------------------------------------------------------------------
// (d) the XLSX reader against a model: any cells, written in any dialect, read back as written

/** One cell as written and the value the reader must give back. */
interface ModelCell {
  cell: XCell;
  value: RawRow['cells'][number];
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Text as clerks and programs write it, Excel-escaped as Excel stores it; read back, it is the text cleaned (trimmed, NFC). */
const modelText: fc.Arbitrary<ModelCell> = fc
  .tuple(
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(...HOSTILE, 'Lớp tin học\u000bcơ bản', 'a_x000B_b', '_x005F_', 'x\r\ny'),
      fc.tuple(fc.string({ maxLength: 5 }), fc.stringMatching(/^[0-9A-Fa-f]{4}$/), fc.string({ maxLength: 5 })).map(([a, h, b]) => `${a}_x${h}_${b}`),
    ),
    fc.nat({ max: 3 }),
    fc.boolean(),
  )
  .map(([text, cut, inline]) => {
    // Runs split the text, each escaped on its own (as Excel writes runs).
    const at = Math.min(text.length, Math.floor((text.length * cut) / 3));
    const runs = cut === 0 ? excelEscape(text) : [excelEscape(text.slice(0, at)), excelEscape(text.slice(at))];
    return { cell: inline ? { inline: runs } : { shared: runs }, value: cleanText(text) };
  });

const modelDate = (date1904: boolean): fc.Arbitrary<ModelCell> =>
  fc
    .tuple(fc.integer({ min: Date.UTC(date1904 ? 1904 : 1900, date1904 ? 0 : 2, 1) / 1000, max: Date.UTC(9999, 11, 31) / 1000 }), fc.boolean(), fc.boolean())
    .map(([seconds, midnight, iso]) => {
      const t = midnight ? Math.floor((seconds * 1000) / DAY_MS) * DAY_MS : seconds * 1000;
      const serial = (t - EPOCH_1900) / DAY_MS - (date1904 ? 1462 : 0);
      const cell: XCell = iso ? { t: 'd', v: new Date(t).toISOString().replace('Z', '') } : { s: STYLE.date, v: String(serial) };
      return { cell, value: new Date(t) };
    });

const modelCell = (date1904: boolean): fc.Arbitrary<ModelCell> =>
  fc.oneof(
    { weight: 4, arbitrary: modelText },
    { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ cell: { v: String(n) }, value: Number(String(n)) })) },
    { weight: 2, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ cell: n, value: n })) },
    { weight: 2, arbitrary: modelDate(date1904) },
    { weight: 1, arbitrary: fc.boolean().map((b) => ({ cell: b, value: b })) },
    { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ cell: { t: 'e', f: 'A1/0', v: error }, value: { error } })) },
    { weight: 1, arbitrary: fc.constantFrom('A1+1', 'SUM(B2:B9)').map((f) => ({ cell: { f }, value: { error: `=${f}`, kind: 'no-result' as const } })) },
    { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => ({ cell: { f: 'B1*2', v: String(n) }, value: Number(String(n)) })) },
    { weight: 3, arbitrary: fc.constant({ cell: null, value: null }) },
  );

const dialectArb: fc.Arbitrary<Dialect> = fc.record({
  prefix: fc.constantFrom('', 'x', 'ss'),
  strict: fc.boolean(),
  omitRowR: fc.boolean(),
  omitCellR: fc.boolean(),
  strings: fc.constantFrom<'shared' | 'inline'>('shared', 'inline'),
  date1904: fc.boolean(),
  utf16: fc.boolean(),
});

const modelSheetArb = dialectArb.chain((dialect) =>
  fc.record({
    dialect: fc.constant(dialect),
    rows: fc.array(fc.array(modelCell(dialect.date1904 ?? false), { maxLength: 7 }), { minLength: 1, maxLength: 8 }),
  }),
);

/** Rows as the reader gives them: those holding a value, their cells up to the last value. */
function expectedRows(rows: ModelCell[][]): RawRow[] {
  const out: RawRow[] = [];
  rows.forEach((cells, i) => {
    const values = cells.map((c) => c.value);
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    if (values.length > 0) out.push({ row: i + 1, cells: values });
  });
  return out;
}

describe('(d) XLSX reader against a model', () => {
  it(
    'text (escaped, in runs), numbers, dates (serial and ISO, 1900 and 1904), booleans, errors, formulas with and without results, in any dialect: read back as written',
    async () => {
      await fc.assert(
        fc.asyncProperty(modelSheetArb, async ({ dialect, rows }) => {
          const file = path.join(dir, 'model.xlsx');
          fs.writeFileSync(file, buildXlsx([{ name: 'Mô hình', rows: rows.map((r) => r.map((c) => c.cell)) }], dialect));
          const notices: unknown[] = [];
          const got: RawRow[] = [];
          const read = (async () => {
            for await (const t of openTables(file, (n) => notices.push(n))) for await (const r of t.rows) got.push(r);
          })();
          let timer: NodeJS.Timeout | undefined;
          const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the read did not end')), CASE_MS)));
          await Promise.race([read, hang]).finally(() => clearTimeout(timer));
          expect(notices).toEqual([]);
          expect(got).toEqual(expectedRows(rows));
        }),
        params(),
      );
    },
    JEST_MS,
  );
});

// ---------------------------------------------------------------------------------------------
// What the properties found, pinned as plain examples

describe('regressions found by the properties', () => {
  it('a date-formatted cell that is no date (NaN, 1e20: Excel shows ########) is a cell-type issue, not a RangeError', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hoạt động');
    ws.addRow(ACTIVITY_HEADER);
    ws.addRow(['X1', new Date(NaN), new Date(NaN), new Date(NaN), new Date(NaN), 5, new Date(NaN)]);
    ws.addRow(['X2', 'Xã Hai', 1e20, 'Tuyên truyền', 1e20, 5, null]);
    ws.getCell('C3').numFmt = 'dd/mm/yyyy';
    ws.getCell('E3').numFmt = 'dd/mm/yyyy';
    const file = path.join(dir, 'not-a-date.xlsx');
    fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await check(file);
    expectCodedIssues(r, file);
    expect(r.issues.filter((i) => i.code === 'cell-type').map((i) => i.cell)).toEqual(expect.arrayContaining(['C2', 'C3']));
  });

  it('32 k-character values in the type and unit-code columns (with a 2 000-unit list) cost no more than the same bytes in a title', async () => {
    const units = ['Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên', ...Array.from({ length: 2_000 }, (_, i) => `U${i},Xã ${i},xã,`)].join('\n');
    const unitsFile = path.join(dir, 'units.csv');
    fs.writeFileSync(unitsFile, units);
    const long = (c: string, i: number) => `${c.repeat(32_000)}${i}`;
    const header = ACTIVITY_HEADER.slice(0, 6).join(',');
    const write = (name: string, row: (i: number) => string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, [header, ...Array.from({ length: 20 }, (_, i) => row(i))].join('\n'));
      return file;
    };
    // Same bytes: in the control, in a free-text column; in the attack, where a typo gets a "did you mean".
    const control = write('long-title.csv', (i) => `U${i},Xã,02/10/2025,Tuyên truyền,${long('Q', i)}${long('ạ', i)},10`);
    const attack = write('long-enum.csv', (i) => `${long('Q', i)},Xã,02/10/2025,${long('ạ', i)},Hoạt động ${i},10`);
    const timed = async (file: string) => {
      const t0 = Date.now();
      const r = await checkFiles([unitsFile, file], SETTINGS, DROP);
      return { r, ms: Date.now() - t0 };
    };
    const base = await timed(control);
    const hit = await timed(attack);
    expect(hit.r.issues.filter((i) => i.code === 'enum-unknown')).toHaveLength(20);
    expect(hit.r.issues.filter((i) => i.code === 'unit-unknown')).toHaveLength(20);
    // Before the fix: ~0.2 s of edit distance per type cell and more per code cell, 10 s and up in all.
    expect(hit.ms).toBeLessThan(2 * base.ms + 1_500);
  }, 120_000);
});

/** An issue with a cell names a cell of the sheet we wrote: its row, inside the table, under the column it names. */
function pointsAtRealCell(i: Issue, t: { sheet: string; headerRow: number; lastRow: number; columns: string[] }): void {
  expect(i.sheet).toBe(t.sheet);
  if (i.row !== null) {
    expect(i.row).toBeGreaterThanOrEqual(t.headerRow);
    expect(i.row).toBeLessThanOrEqual(t.lastRow);
  }
  if (i.cell === null) return;
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(i.cell);
  expect(m).not.toBeNull();
  expect(Number(m![2])).toBe(i.row);
  const col = t.columns.findIndex((_, c) => cellRef(c, i.row!) === i.cell);
  expect({ issue: i.code, cell: i.cell, inTable: col >= 0 }).toEqual({ issue: i.code, cell: i.cell, inTable: true });
  if (i.row! > t.headerRow && i.column !== null) expect({ cell: i.cell, column: i.column }).toEqual({ cell: i.cell, column: t.columns[col] });
}
