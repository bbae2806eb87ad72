#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: generates large inputs under .bench/ (deterministic: seeded PRNG), runs the
 * real CLI (bin/lllweek, i.e. dist/) as a child process, and prints wall time and peak RSS of each
 * case beside its practical limit measured in the same run on the same files:
 *   - a bare csv-parse pass (arrays, streaming) for CSV,
 *   - a bare exceljs streaming read (WorkbookReader) for XLSX,
 *   - a bare SheetJS read (dense) for XLS,
 *   - `wc -l` (the I/O floor, for reference).
 *
 *   npm run bench                    full run (10 k / 100 k / 1 M rows; XLSX 100 k; XLS 20 k; national and commune reports)
 *   BENCH_QUICK=1 npm run bench      smaller (10 k / 100 k; XLSX 10 k; XLS 5 k; national report with 20 k activities)
 *   BENCH_REPEAT=5                   runs per case (default 3, quick 1); medians are reported
 *   BENCH_ONLY=validate-csv-1m,...   run only these cases (ids as printed)
 *   node scripts/bench.js --write    also puts the table into BENCHMARKS.md (between the bench markers)
 *   BENCH_BIN=path/to/bin/lllweek    measure another build
 *
 * Peak RSS comes from `/usr/bin/time -v` when it exists, else from a preload (`node -r`) that
 * reports `process.resourceUsage().maxRSS` at exit. Build first (`npx tsc -p tsconfig.json`).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const BENCH = path.join(ROOT, '.bench');
const DATA = path.join(BENCH, 'data');
const OUT = path.join(BENCH, 'out');
/** The CLI under test; BENCH_BIN points at another build (e.g. a copy with its own dist/). */
const BIN = process.env.BENCH_BIN ? path.resolve(process.env.BENCH_BIN) : path.join(ROOT, 'bin', 'lllweek');
/** Bump when the generated data changes, so cached files are made again. */
const DATA_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Child modes (see the end of the file): the bare baselines run as this same file.

/** The practical limit for CSV: csv-parse streaming arrays, nothing done with them. */
function bareCsv(file) {
  const { parse } = require('csv-parse');
  let n = 0;
  fs.createReadStream(file)
    .pipe(parse({ bom: true, relax_column_count: true }))
    .on('data', () => n++)
    .on('end', () => process.stdout.write(`${n}\n`));
}

/** The practical limit for XLSX: exceljs's streaming reader, every row visited. */
async function bareXlsx(file) {
  const ExcelJS = require('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let n = 0;
  for await (const sheet of reader) for await (const row of sheet) if (row) n++;
  process.stdout.write(`${n}\n`);
}

/**
 * The national `Hoạt động` sheet (the activities CSV's rows, as the report writes them) written
 * two ways, for the `xlsx-write` case: `ours` is the report's own path (exceljs for the header and
 * the first rows, the rest as XML: render/xlsx/bulk-rows.ts); `stream` is exceljs's streaming
 * writer (WorkbookWriter) with shared strings and styles, every cell with its border and number
 * format, stored and then re-zipped the way every package of ours is. Both read the same rows.
 */
async function writeActivitiesSheet(variant, csvFile, outFile) {
  const { parse } = require('csv-parse/sync');
  const [, ...records] = parse(fs.readFileSync(csvFile), { bom: true, relax_column_count: true });
  const num = (s) => (s === '' ? null : Number(s.replace(/\./g, '')));
  const iso = (d) => d.split('/').reverse().join('-');
  const dist = (m) => require(path.join(path.dirname(BIN), '..', 'dist', m));
  const { normalizeEntries } = dist('write/zip-normalize');
  const mtime = new Date(Date.UTC(2025, 9, 20));
  let bytes;
  if (variant === 'ours') {
    const { createWorkbook, workbookBytes } = dist('render/xlsx/workbook');
    const { BulkRows } = dist('render/xlsx/bulk-rows');
    const { formats } = dist('render/xlsx/style');
    const { writeActivitiesSheet: write } = dist('render/xlsx/sheets/data');
    const acts = records.map((r, i) => ({
      unit: r[0], unitName: r[1], date: iso(r[2]), endDate: null, type: r[3], title: r[4], mode: r[5],
      sessions: num(r[6]) ?? 1, participants: num(r[7]), photos: [], caption: null, notes: r[8] || null, source: { file: csvFile, sheet: null, row: i + 2 },
    }));
    const wb = createWorkbook(mtime);
    const bulk = new BulkRows();
    write(wb.addWorksheet('Hoạt động'), acts, { activityTypes: [], modes: [], indicators: [], unitNames: new Map(), fmt: formats(2), bulk });
    bytes = await workbookBytes(wb, mtime, bulk);
  } else {
    const ExcelJS = require('exceljs');
    const { unzipSync } = require('fflate');
    const chunks = [];
    const { PassThrough } = require('stream');
    const sink = new PassThrough();
    sink.on('data', (c) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true, zip: { store: true } });
    wb.created = wb.modified = mtime;
    const ws = wb.addWorksheet('Hoạt động', { views: [{ state: 'frozen', ySplit: 1 }] });
    const thin = { style: 'thin', color: { argb: 'FF000000' } };
    const border = { top: thin, left: thin, bottom: thin, right: thin };
    const header = ['Mã đơn vị', 'Tên đơn vị', 'Ngày tổ chức', 'Đến ngày', 'Loại hoạt động', 'Tên hoạt động', 'Hình thức', 'Số buổi', 'Số lượt người tham gia', 'Chú thích ảnh', 'Ghi chú'];
    const head = ws.addRow(header);
    head.eachCell((c) => Object.assign(c, { font: { name: 'Calibri', family: 2, size: 11, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }, border }));
    head.commit();
    const looks = [{ border }, { border }, { border, numFmt: 'dd/mm/yyyy' }, { border, numFmt: 'dd/mm/yyyy' }, { border }, { border }, { border }, { border, numFmt: '#,##0' }, { border, numFmt: '#,##0' }, { border }, { border }];
    for (const r of records) {
      const [y, m, d] = iso(r[2]).split('-').map(Number);
      const row = ws.addRow([r[0], r[1], new Date(Date.UTC(y, m - 1, d)), null, r[3], r[4], r[5], num(r[6]) ?? 1, num(r[7]), null, r[8] || null]);
      for (let c = 1; c <= looks.length; c++) row.getCell(c).style = looks[c - 1];
      row.commit();
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: records.length + 1, column: header.length } };
    ws.commit();
    await wb.commit();
    await new Promise((r) => (sink.writableFinished ? r() : sink.on('finish', r)));
    bytes = await normalizeEntries(unzipSync(new Uint8Array(Buffer.concat(chunks))), { mtime });
  }
  fs.writeFileSync(outFile, bytes);
  process.stdout.write(`${records.length}\n`);
}

/** The practical limit for XLS: SheetJS reading the whole workbook (dense sheets), every row visited. */
function bareXls(file) {
  const XLSX = require('@e965/xlsx');
  const wb = XLSX.readFile(file, { dense: true, cellNF: true, cellText: false, cellFormula: false });
  let n = 0;
  for (const name of wb.SheetNames) for (const row of wb.Sheets[name]['!data'] ?? []) if (row) n++;
  process.stdout.write(`${n}\n`);
}

// ---------------------------------------------------------------------------------------------
// Deterministic data.

/**
 * mulberry32, the fixtures' own: same seed, same sequence. Required when data is made, not at
 * load: the baselines run as this file, and fixtures/util loads exceljs (~0.25 s) they must not pay.
 */
const prng = (seed) => require('./fixtures/util').mulberry32(seed);

/** The 34 provinces and centrally-run cities since 1 July 2025 (code, name, kind). */
const PROVINCES = [
  ['HN', 'Thành phố Hà Nội', 'thành phố trực thuộc trung ương'], ['HUE', 'Thành phố Huế', 'thành phố trực thuộc trung ương'],
  ['LCH', 'Tỉnh Lai Châu', 'tỉnh'], ['DBI', 'Tỉnh Điện Biên', 'tỉnh'], ['SLA', 'Tỉnh Sơn La', 'tỉnh'], ['LSO', 'Tỉnh Lạng Sơn', 'tỉnh'],
  ['QN', 'Tỉnh Quảng Ninh', 'tỉnh'], ['TH', 'Tỉnh Thanh Hóa', 'tỉnh'], ['NA', 'Tỉnh Nghệ An', 'tỉnh'], ['HT', 'Tỉnh Hà Tĩnh', 'tỉnh'],
  ['CB', 'Tỉnh Cao Bằng', 'tỉnh'], ['TQ', 'Tỉnh Tuyên Quang', 'tỉnh'], ['LCA', 'Tỉnh Lào Cai', 'tỉnh'], ['TN', 'Tỉnh Thái Nguyên', 'tỉnh'],
  ['PT', 'Tỉnh Phú Thọ', 'tỉnh'], ['BN', 'Tỉnh Bắc Ninh', 'tỉnh'], ['HY', 'Tỉnh Hưng Yên', 'tỉnh'], ['HP', 'Thành phố Hải Phòng', 'thành phố trực thuộc trung ương'],
  ['NB', 'Tỉnh Ninh Bình', 'tỉnh'], ['QT', 'Tỉnh Quảng Trị', 'tỉnh'], ['DNG', 'Thành phố Đà Nẵng', 'thành phố trực thuộc trung ương'], ['QNG', 'Tỉnh Quảng Ngãi', 'tỉnh'],
  ['GL', 'Tỉnh Gia Lai', 'tỉnh'], ['KH', 'Tỉnh Khánh Hòa', 'tỉnh'], ['LD', 'Tỉnh Lâm Đồng', 'tỉnh'], ['DL', 'Tỉnh Đắk Lắk', 'tỉnh'],
  ['HCM', 'Thành phố Hồ Chí Minh', 'thành phố trực thuộc trung ương'], ['DNA', 'Tỉnh Đồng Nai', 'tỉnh'], ['TNI', 'Tỉnh Tây Ninh', 'tỉnh'],
  ['CT', 'Thành phố Cần Thơ', 'thành phố trực thuộc trung ương'], ['VL', 'Tỉnh Vĩnh Long', 'tỉnh'], ['DT', 'Tỉnh Đồng Tháp', 'tỉnh'],
  ['CM', 'Tỉnh Cà Mau', 'tỉnh'], ['AG', 'Tỉnh An Giang', 'tỉnh'],
];
const NATIONAL_UNITS = 3321;
const SYLLABLES = ['An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Thạnh', 'Long', 'Hưng', 'Đông', 'Tây', 'Nam', 'Bắc', 'Minh', 'Quang', 'Thuận', 'Hải',
  'Sơn', 'Thủy', 'Lộc', 'Phước', 'Vĩnh', 'Gia', 'Trung', 'Hiệp', 'Đức', 'Thành', 'Cẩm', 'Hồng', 'Lạc', 'Yên', 'Mỹ', 'Khánh', 'Thịnh', 'Xuân'];
const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** VN → 34 provinces → 3,321 communes, wards and special zones; deterministic. */
function nationalUnits() {
  const rnd = prng(20251001);
  const units = [{ code: 'VN', name: 'Cả nước', kind: 'quốc gia', parent: '' }];
  const communes = [];
  PROVINCES.forEach(([code, name, kind], p) => {
    units.push({ code, name, kind, parent: 'VN' });
    const count = Math.floor(NATIONAL_UNITS / PROVINCES.length) + (p < NATIONAL_UNITS % PROVINCES.length ? 1 : 0);
    const names = new Set();
    const codes = new Map();
    for (let i = 0; i < count; i++) {
      const k = rnd();
      const ckind = k < 0.22 ? 'phường' : k < 0.985 ? 'xã' : 'đặc khu';
      let base;
      do base = `${rnd.pick(SYLLABLES)} ${rnd.pick(SYLLABLES)}`; while (names.has(base));
      names.add(base);
      const initials = ascii(base).split(' ').map((w) => w[0]).join('').toUpperCase();
      const n = (codes.get(initials) ?? 0) + 1;
      codes.set(initials, n);
      const prefix = ckind === 'phường' ? 'Phường' : ckind === 'xã' ? 'Xã' : 'Đặc khu';
      const u = { code: `${code}-${initials}${n}`, name: `${prefix} ${base}`, kind: ckind, parent: code };
      units.push(u);
      communes.push(u);
    }
  });
  return { units, communes };
}

const ACTIVITY_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Hình thức', 'Số buổi', 'Số lượt người tham gia', 'Ghi chú'];
/** Activity types with titles a clerk writes; `{n}` a hamlet or class number. */
const TITLES = [
  ['Lễ khai mạc, phát động', ['Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2025', 'Lễ phát động phong trào học tập suốt đời tại thôn {n}']],
  ['Tuyên truyền', ['Tuyên truyền về học tập suốt đời trên loa truyền thanh thôn {n}', 'Đăng tin bài về Tuần lễ trên trang thông tin điện tử và nhóm Zalo', 'Tuyên truyền lưu động tại tổ dân phố số {n}']],
  ['Băng rôn, khẩu hiệu', ['Treo băng rôn, khẩu hiệu hưởng ứng Tuần lễ tại trụ sở và các tuyến đường chính', 'Treo băng rôn tại nhà văn hóa thôn {n}']],
  ['Lớp học, bồi dưỡng', ['Lớp bồi dưỡng kỹ năng số cho người cao tuổi, lớp {n}', 'Lớp xóa mù chữ cho người dân tộc thiểu số, lớp {n}', 'Lớp tiếng Anh giao tiếp cho thanh niên, lớp {n}', 'Lớp kỹ thuật trồng trọt, chăn nuôi tại thôn {n}']],
  ['Tập huấn', ['Tập huấn sử dụng dịch vụ công trực tuyến, đợt {n}', 'Tập huấn chuyển đổi số cho cán bộ thôn, tổ dân phố, đợt {n}']],
  ['Hội thảo, tọa đàm', ['Tọa đàm "Học tập suốt đời trong thời đại số" tại trường THCS số {n}', 'Hội thảo xây dựng mô hình gia đình học tập, lần {n}']],
  ['Hội nghị', ['Hội nghị triển khai kế hoạch Tuần lễ hưởng ứng học tập suốt đời năm 2025', 'Hội nghị Hội Khuyến học, chi hội {n}']],
  ['Giao lưu, chuyên đề', ['Giao lưu "Gương sáng hiếu học" tại nhà văn hóa thôn {n}', 'Chuyên đề đọc sách cùng con tại trường tiểu học số {n}']],
  ['Triển lãm, trưng bày sách', ['Trưng bày sách, báo tại thư viện trường số {n}', 'Ngày hội đọc sách tại Trung tâm học tập cộng đồng, đợt {n}']],
  ['Thu gom, tặng sách', ['Quyên góp, tặng sách cho học sinh khó khăn, đợt {n}', 'Tặng tủ sách cho nhà văn hóa thôn {n}']],
  ['Cuộc thi', ['Cuộc thi "Gia đình học tập" vòng {n}', 'Cuộc thi tìm hiểu về học tập suốt đời trực tuyến, tuần {n}']],
  ['Khen thưởng', ['Khen thưởng gia đình, dòng họ học tập tiêu biểu, đợt {n}']],
  ['Khác', ['Hoạt động "Ngày hội học tập" tại khu dân cư số {n}']],
];
const MODES = [['Trực tiếp', 0.75], ['Trực tuyến', 0.9], ['Kết hợp', 1]];
const NOTES = ['Tại Nhà văn hóa thôn', 'Tại Trung tâm học tập cộng đồng', 'Phối hợp với Hội Khuyến học', 'Lượt xem, tương tác', 'Có ảnh kèm theo'];

const pad2 = (n) => String(n).padStart(2, '0');
const viInt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const csvCell = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvLine = (cells) => `${cells.map(csvCell).join(',')}\n`;

/** One activity row as a clerk types it: strings, vi-VN numbers, day-first dates. */
function activityRow(rnd, units) {
  const u = units[Math.floor(rnd() * units.length)];
  const [type, titles] = TITLES[Math.floor(rnd() * TITLES.length)];
  const title = rnd.pick(titles).replace('{n}', String(rnd.int(1, 40)));
  const m = rnd();
  const mode = MODES.find(([, w]) => m < w)[0];
  const big = rnd() < 0.1;
  const participants = big ? rnd.int(1000, 25000) : rnd.int(8, 999);
  const sessions = rnd() < 0.2 ? '' : String(rnd.int(1, 12));
  const notes = rnd() < 0.3 ? `${rnd.pick(NOTES)} ${rnd.int(1, 30)}` : '';
  // About one row in 2,000 dated the day after the week (a `date-outside-week` warning).
  const day = rnd() < 0.0005 ? 8 : rnd.int(1, 7);
  return { code: u.code, name: u.name, day, type, title, mode, sessions, participants, notes };
}

/** Rows as clerks send them: about one in 1,000 typed twice (a `row-duplicate` warning). */
function activityRows(rnd, units) {
  let last = null;
  return () => (last = last && rnd() < 0.001 ? last : activityRow(rnd, units));
}
const rowCells = (r) => [r.code, r.name, `${pad2(r.day)}/10/2025`, r.type, r.title, r.mode, r.sessions, viInt(r.participants), r.notes];

/** Writes a file through a stream, in big pieces. */
async function writeLines(file, total, line, header) {
  const tmp = `${file}.tmp`;
  const out = fs.createWriteStream(tmp);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  let buf = '\ufeff' + csvLine(header);
  for (let i = 0; i < total; i++) {
    buf += line(i);
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
  fs.renameSync(tmp, file);
}

function tallyValues(rnd, u) {
  const population = rnd.int(4000, 90000);
  const families = Math.round(population / rnd.int(3, 5));
  const hamlets = rnd.int(5, 40);
  const clans = rnd.int(10, 120);
  const orgs = rnd.int(8, 60);
  const citizens = Math.round(population * 0.7);
  const part = (n, lo, hi) => Math.round(n * (lo + rnd() * (hi - lo)));
  return [u.code, u.name, population, part(population, 0.02, 0.08), rnd.int(5, 40), families, part(families, 0.6, 0.95), clans, part(clans, 0.5, 0.9),
    hamlets, part(hamlets, 0.5, 0.95), orgs, part(orgs, 0.7, 1), citizens, part(citizens, 0.4, 0.8)];
}
const TALLY_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Dân số', 'Hội viên khuyến học', 'Chi hội khuyến học', 'Tổng số hộ gia đình', 'Gia đình học tập', 'Tổng số dòng họ',
  'Dòng họ học tập', 'Số thôn, tổ dân phố', 'Cộng đồng học tập', 'Số cơ quan, đơn vị', 'Đơn vị học tập', 'Số công dân', 'Công dân học tập'];

const unitsCsv = (units) => csvLine(['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên']) + units.map((u) => csvLine([u.code, u.name, u.kind, u.parent])).join('');

/** Streams `rows` activity rows into an XLSX (exceljs WorkbookWriter): date cells, numeric counts. */
async function writeActivitiesXlsx(file, rows, rnd, units, extra) {
  const ExcelJS = require('exceljs');
  const tmp = `${file}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  wb.created = wb.modified = new Date(Date.UTC(2025, 9, 8));
  const ws = wb.addWorksheet('Hoạt động');
  const header = [...ACTIVITY_HEADER, ...(extra ? ['Ảnh'] : [])];
  ws.addRow(header).commit();
  const next = activityRows(rnd, units);
  for (let i = 0; i < rows; i++) {
    const r = next();
    const cells = [r.code, r.name, new Date(Date.UTC(2025, 9, r.day)), r.type, r.title, r.mode, r.sessions === '' ? null : Number(r.sessions), r.participants, r.notes || null];
    if (extra) cells.push(extra(i));
    const row = ws.addRow(cells);
    row.getCell(3).numFmt = 'dd/mm/yyyy';
    row.getCell(8).numFmt = '#,##0';
    row.commit();
  }
  ws.commit();
  if (extra?.tallies) {
    const t = wb.addWorksheet('Xã hội học tập');
    t.addRow(TALLY_HEADER).commit();
    for (const row of extra.tallies) t.addRow(row).commit();
    t.commit();
  }
  await wb.commit();
  fs.renameSync(tmp, file);
}

/** `rows` activity rows as an Excel 97-2003 .xls (SheetJS's BIFF8 writer): date cells, numeric counts. */
function writeActivitiesXls(file, rows, rnd, units) {
  const XLSX = require('@e965/xlsx');
  const next = activityRows(rnd, units);
  const aoa = [ACTIVITY_HEADER];
  for (let i = 0; i < rows; i++) {
    const r = next();
    aoa.push([r.code, r.name, new Date(Date.UTC(2025, 9, r.day)), r.type, r.title, r.mode, r.sessions === '' ? null : Number(r.sessions), r.participants, r.notes || null]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'dd/mm/yyyy', UTC: true }), 'Hoạt động');
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }));
  fs.renameSync(tmp, file);
}

/** Everything the cases read; made once and kept (names carry DATA_VERSION). */
async function generate(plan) {
  fs.mkdirSync(DATA, { recursive: true });
  const { units, communes } = nationalUnits();
  const have = (f) => fs.existsSync(f);
  const made = [];

  for (const rows of plan.csvRows) {
    const f = path.join(DATA, `hoat-dong-${label(rows)}-v${DATA_VERSION}.csv`);
    if (!have(f)) {
      const next = activityRows(prng(1000 + rows), communes);
      await writeLines(f, rows, () => csvLine(rowCells(next())), ACTIVITY_HEADER);
      made.push(f);
    }
  }
  const xf = path.join(DATA, `hoat-dong-${label(plan.xlsxRows)}-v${DATA_VERSION}.xlsx`);
  if (!have(xf)) {
    await writeActivitiesXlsx(xf, plan.xlsxRows, prng(2000 + plan.xlsxRows), communes, null);
    made.push(xf);
  }

  const xlsFile = path.join(DATA, `hoat-dong-${label(plan.xlsRows)}-v${DATA_VERSION}.xls`);
  if (!have(xlsFile)) {
    writeActivitiesXls(xlsFile, plan.xlsRows, prng(2500 + plan.xlsRows), communes);
    made.push(xlsFile);
  }

  // National: VN root, 3,321 communes' tallies, `plan.nationalActivities` activities.
  const nat = path.join(DATA, `national-${label(plan.nationalActivities)}-v${DATA_VERSION}`);
  if (!have(path.join(nat, 'lllweek.yaml'))) {
    fs.mkdirSync(path.join(nat, 'nop'), { recursive: true });
    fs.writeFileSync(path.join(nat, 'units.csv'), '\ufeff' + unitsCsv(units));
    const rnd = prng(3000);
    fs.writeFileSync(path.join(nat, 'nop', 'xa-hoi-hoc-tap.csv'), '\ufeff' + csvLine(TALLY_HEADER) +
      communes.map((u) => csvLine(tallyValues(rnd, u).map((v) => (typeof v === 'number' ? viInt(v) : v)))).join(''));
    const ar = prng(4000 + plan.nationalActivities);
    const next = activityRows(ar, communes);
    await writeLines(path.join(nat, 'nop', 'hoat-dong.csv'), plan.nationalActivities, (i) =>
      // every unit reports at least once, then at random
      csvLine(rowCells(i < communes.length ? activityRow(ar, [communes[i]]) : next())), ACTIVITY_HEADER);
    fs.writeFileSync(path.join(nat, 'lllweek.yaml'), [
      '# bench: the national report (VN → 34 provinces → 3,321 communes)',
      'year: 2025',
      'units: units.csv',
      'agency: { unit: VN, name: "BỘ GIÁO DỤC VÀ ĐÀO TẠO", code: "BGDĐT" }',
      'report_date: 2025-10-20',
      '',
    ].join('\n'));
    made.push(nat);
  }

  // A commune: 200 rows of activities (a few with photos) and its tallies, in the form's workbook.
  const com = path.join(DATA, `commune-v${DATA_VERSION}`);
  if (!have(path.join(com, 'lllweek.yaml'))) {
    fs.mkdirSync(path.join(com, 'nop', 'anh'), { recursive: true });
    const unit = communes.find((u) => u.parent === 'QN' && u.kind === 'phường');
    const photoDir = path.join(ROOT, 'fixtures', 'commune', 'anh');
    const photos = fs.existsSync(photoDir) ? fs.readdirSync(photoDir).sort() : [];
    for (const p of photos) fs.copyFileSync(path.join(photoDir, p), path.join(com, 'nop', 'anh', p));
    fs.writeFileSync(path.join(com, 'units.csv'), '\ufeff' + unitsCsv([units.find((u) => u.code === 'QN'), unit]));
    const rnd = prng(5000);
    const extra = (i) => (i % 30 === 0 && photos[i / 30] ? `anh/${photos[i / 30]}` : null);
    extra.tallies = [tallyValues(rnd, unit)];
    await writeActivitiesXlsx(path.join(com, 'nop', `bao-cao-${ascii(unit.name).toLowerCase().replace(/\s+/g, '-')}.xlsx`), 200, rnd, [unit], extra);
    fs.writeFileSync(path.join(com, 'lllweek.yaml'), [
      `# bench: one ward's report (${unit.name})`,
      'year: 2025',
      'units: units.csv',
      `agency: { unit: ${unit.code} }`,
      'report_date: 2025-10-09',
      '',
    ].join('\n'));
    made.push(com);
  }
  return { made, xlsx: xf, xls: xlsFile, national: nat, commune: com, csv: (rows) => path.join(DATA, `hoat-dong-${label(rows)}-v${DATA_VERSION}.csv`) };
}

function label(n) {
  return n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}m` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
}

// ---------------------------------------------------------------------------------------------
// Measuring a child process.

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const PRELOAD = path.join(BENCH, 'maxrss-preload.js');

/** Runs a command; answers wall seconds, peak RSS in MB (null when it cannot be known), stdout, status. */
function measure(cmd, args, opts = {}) {
  const rssFile = path.join(BENCH, `rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  let file = cmd;
  let argv = args;
  const env = { ...process.env, LANG: 'C', LC_ALL: '', NO_COLOR: '1', LLLWEEK_TODAY: '2025-10-09', ...opts.env };
  if (TIME) {
    file = TIME;
    argv = ['-v', '-o', rssFile, cmd, ...args];
  } else if (cmd === process.execPath) {
    argv = ['-r', PRELOAD, ...args];
    env.BENCH_RSS_FILE = rssFile;
  }
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { if (stdout.length < 1e5) stdout += d; });
    child.stderr.on('data', (d) => { if (stderr.length < 1e5) stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      let rss = null;
      try {
        const text = fs.readFileSync(rssFile, 'utf8');
        const m = TIME ? /Maximum resident set size \(kbytes\): (\d+)/.exec(text) : /^(\d+)/.exec(text);
        if (m) rss = Number(m[1]) / 1024;
      } catch {}
      resolve({ wall, rss, status, stdout, stderr });
    });
  });
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------------------------------------

async function main() {
  const write = process.argv.includes('--write');
  const quick = process.env.BENCH_QUICK === '1';
  const repeat = Number(process.env.BENCH_REPEAT ?? (quick ? 1 : 3));
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
  if (!fs.existsSync(path.join(path.dirname(BIN), '..', 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: build first (npx tsc -p tsconfig.json)');
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(PRELOAD, "process.on('exit', () => { require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(Math.round(process.resourceUsage().maxRSS))); });\n");

  const plan = quick
    ? { csvRows: [10_000, 100_000], xlsxRows: 10_000, xlsRows: 5_000, nationalActivities: 20_000 }
    : { csvRows: [10_000, 100_000, 1_000_000], xlsxRows: 100_000, xlsRows: 20_000, nationalActivities: 200_000 };
  const t0 = Date.now();
  const data = await generate(plan);
  if (data.made.length) console.error(`generated ${data.made.length} input(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s under ${path.relative(ROOT, DATA)}/`);

  const node = process.execPath;
  const self = __filename;
  const cli = (...args) => [BIN, ...args];
  const cases = [];
  for (const rows of plan.csvRows) {
    const f = data.csv(rows);
    const id = label(rows);
    cases.push({
      id: `validate-csv-${id}`, name: `validate CSV ${id}`, rows,
      ours: [node, cli('validate', f, '--config', path.join(data.national, 'lllweek.yaml'), '--quiet')],
      base: { name: 'csv-parse', cmd: [node, [self, '--bare-csv', f]] },
      wc: [f],
      target: rows === 1_000_000 ? { text: '≥ 0.50 × csv-parse; RSS < 300 MB', ok: (r) => r.ratio >= 0.5 && r.rss < 300 } : null,
    });
  }
  cases.push({
    id: `validate-xlsx-${label(plan.xlsxRows)}`, name: `validate XLSX ${label(plan.xlsxRows)}`, rows: plan.xlsxRows,
    ours: [node, cli('validate', data.xlsx, '--config', path.join(data.national, 'lllweek.yaml'), '--quiet')],
    base: { name: 'exceljs stream', cmd: [node, [self, '--bare-xlsx', data.xlsx]] },
    target: null,
  });
  cases.push({
    id: `validate-xls-${label(plan.xlsRows)}`, name: `validate XLS ${label(plan.xlsRows)}`, rows: plan.xlsRows,
    ours: [node, cli('validate', data.xls, '--config', path.join(data.national, 'lllweek.yaml'), '--quiet')],
    base: { name: 'SheetJS read', cmd: [node, [self, '--bare-xls', data.xls]] },
    target: null,
  });
  cases.push({
    id: 'report-national', name: `report national (${NATIONAL_UNITS} units, ${label(plan.nationalActivities)} act.)`, rows: plan.nationalActivities + NATIONAL_UNITS,
    ours: [node, cli('report', 'nop', '--out', path.join(OUT, 'national'), '--quiet')], cwd: data.national,
    target: quick ? null : { text: '< 15 s', ok: (r) => r.wall < 15 },
  });
  cases.push({
    id: 'xlsx-write', name: `write the Hoạt động sheet (${label(plan.nationalActivities)} rows)`, rows: plan.nationalActivities,
    ours: [node, [self, '--write-activities', 'ours', path.join(data.national, 'nop', 'hoat-dong.csv'), path.join(OUT, 'activities-ours.xlsx')]],
    base: { name: 'exceljs WorkbookWriter', cmd: [node, [self, '--write-activities', 'stream', path.join(data.national, 'nop', 'hoat-dong.csv'), path.join(OUT, 'activities-stream.xlsx')]] },
    target: null,
  });
  cases.push({
    id: 'report-commune', name: 'report commune (200 rows)', rows: 201,
    ours: [node, cli('report', 'nop', '--out', path.join(OUT, 'commune'), '--quiet')], cwd: data.commune,
    target: { text: '< 1.5 s', ok: (r) => r.wall < 1.5 },
  });

  const results = [];
  for (const c of cases) {
    if (only && !only.has(c.id)) continue;
    const ours = [];
    let failed = null;
    const base = [];
    const wc = [];
    for (let i = 0; i < repeat; i++) {
      // Baseline and ours back to back, so a busy machine weighs on both alike.
      if (c.base) base.push(await measure(c.base.cmd[0], c.base.cmd[1]));
      const r = await measure(c.ours[0], c.ours[1], { cwd: c.cwd });
      if (r.status !== 0) {
        // A run that failed is a result too (the table says so); no point repeating it.
        const why = (r.stderr.trim().split('\n').find((l) => l.trim()) ?? `signal`).slice(0, 160);
        failed = `FAILED (exit ${r.status}: ${why}) after ${r.wall.toFixed(1)} s, ${fmtMb(r.rss)} MB`;
        console.error(`${c.name}: ${failed}\n${r.stderr.slice(0, 2000)}`);
        break;
      }
      ours.push(r);
      if (c.wc) wc.push(await measure('wc', ['-l', ...c.wc]));
    }
    if (failed) {
      results.push({ id: c.id, name: c.name, rows: c.rows, failed, target: c.target?.text ?? '—', met: c.target ? 'NO' : '—' });
      continue;
    }
    const row = { id: c.id, name: c.name, rows: c.rows, wall: median(ours.map((r) => r.wall)), rss: median(ours.map((r) => r.rss)), walls: ours.map((r) => r.wall) };
    if (c.base) {
      row.base = { name: c.base.name, wall: median(base.map((r) => r.wall)), rss: median(base.map((r) => r.rss)) };
      row.ratio = row.base.wall / row.wall;
    }
    if (wc.length) row.wc = { wall: median(wc.map((r) => r.wall)), rss: median(wc.map((r) => r.rss)) };
    row.target = c.target?.text ?? '—';
    row.met = c.target ? (c.target.ok(row) ? 'yes' : 'NO') : '—';
    results.push(row);
    console.error(`${c.name}: ${row.wall.toFixed(2)} s (runs ${row.walls.map((w) => w.toFixed(2)).join(', ')}), ${fmtMb(row.rss)} MB`);
  }

  const table = render(results, { quick, repeat });
  process.stdout.write(table);
  fs.writeFileSync(path.join(BENCH, 'results.md'), table);
  fs.writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 2));
  if (write) {
    const md = path.join(ROOT, 'BENCHMARKS.md');
    const text = fs.readFileSync(md, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error('BENCHMARKS.md has no bench markers');
    fs.writeFileSync(md, `${text.slice(0, a + start.length)}\n${table}${text.slice(b)}`);
    console.error('BENCHMARKS.md updated');
  }
}

const fmtMb = (x) => (x === null || x === undefined ? '?' : x.toFixed(0));
const fmtRate = (rows, s) => (s ? Math.round(rows / s).toLocaleString('en-US') : '?');

function render(results, { quick, repeat }) {
  const head = ['case', 'rows', 'wall s', 'rows/s', 'peak RSS MB', 'baseline (same files)', 'ratio', 'target', 'met?'];
  const lines = [];
  for (const r of results) {
    if (r.failed) {
      lines.push([r.name, r.rows.toLocaleString('en-US'), r.failed, '—', '—', '—', '—', r.target, r.met]);
      continue;
    }
    lines.push([r.name, r.rows.toLocaleString('en-US'), r.wall.toFixed(2), fmtRate(r.rows, r.wall), fmtMb(r.rss),
      r.base ? `${r.base.name}: ${r.base.wall.toFixed(2)} s, ${fmtRate(r.rows, r.base.wall)} rows/s, ${fmtMb(r.base.rss)} MB` : '—',
      r.ratio ? r.ratio.toFixed(2) : '—', r.target, r.met]);
    if (r.wc) lines.push([`  wc -l (same file)`, r.rows.toLocaleString('en-US'), r.wc.wall.toFixed(2), fmtRate(r.rows, r.wc.wall), fmtMb(r.wc.rss), '—', '—', '—', '—']);
  }
  const cpu = os.cpus()[0]?.model ?? '?';
  const md = [
    `Run ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${cpu.trim()}) · Node ${process.version} · ${quick ? 'BENCH_QUICK · ' : ''}median of ${repeat} run(s) · RSS by ${TIME ? '/usr/bin/time -v' : 'process.resourceUsage() at exit'}`,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 || i === 5 || i === 7 ? '---' : '---:')).join('|')}|`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
    '',
    'ratio = baseline wall ÷ ours (1.00 = as fast as the bare library pass on the same file).',
    '',
  ];
  return md.join('\n');
}

module.exports = { nationalUnits, activityRow, prng };

if (process.argv[2] === '--bare-csv') bareCsv(process.argv[3]);
else if (process.argv[2] === '--bare-xlsx') bareXlsx(process.argv[3]);
else if (process.argv[2] === '--write-activities') writeActivitiesSheet(process.argv[3], process.argv[4], process.argv[5]).catch((e) => { console.error(e); process.exit(1); });
else if (process.argv[2] === '--bare-xls') bareXls(process.argv[3]);
else if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
