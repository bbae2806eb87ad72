/**
 * Zip bombs: an .xlsx of a few hundred KB whose parts unpack to hundreds of MB, or whose
 * entries number in the tens of thousands, is refused from its central directory, before a
 * byte is inflated: `file-unreadable`, memory flat, no stack.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { expectNoStack, lllweek, ROOT } from '../helpers/cli';
import { checkFiles } from '../../src/validate/run';
import { DROP, SETTINGS, tmpDir } from './helpers';

const MiB = 1024 * 1024;
const SHEET = 'xl/worksheets/sheet1.xml';

/** The parts of a real one-sheet workbook, to wrap around the bomb so only its size can give it away. */
async function realParts(): Promise<Record<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hoạt động').addRow(['Mã đơn vị', 'Ngày tổ chức', 'Loại hoạt động', 'Tên hoạt động', 'Số lượt người tham gia']);
  return unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/**
 * The workbook with its sheet replaced by `mib` MiB of zeros, deflated at level 9 by fflate.
 * Streamed in 1 MiB pieces, so this test process never holds the unpacked size either.
 */
function bomb(parts: Record<string, Uint8Array>, mib: number): Buffer {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name === SHEET) continue;
    const f = new ZipDeflate(name, { level: 9 });
    zip.add(f);
    f.push(data, true);
  }
  const sheet = new ZipDeflate(SHEET, { level: 9 });
  zip.add(sheet);
  const zeros = new Uint8Array(MiB);
  for (let i = 0; i < mib; i++) sheet.push(zeros, i === mib - 1);
  zip.end();
  return Buffer.concat(out);
}

/** Central directory records, to read (and, for the liar, rewrite) the sizes an entry declares. */
function centralEntries(buf: Buffer): { name: string; at: number }[] {
  const found: { name: string; at: number }[] = [];
  for (let p = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1)) {
    const n = buf.readUInt16LE(p + 28);
    found.push({ name: buf.toString('utf8', p + 46, p + 46 + n), at: p });
  }
  return found;
}

/** Runs checkFiles on `file` in a fresh node process (the built code) and reports its issues and peak memory. */
function measured(file: string): { codes: string[]; details: string[]; maxRssMiB: number; ms: number } {
  const script = `
    const { checkFiles } = require(${JSON.stringify(path.join(ROOT, 'dist/validate/run.js'))});
    const settings = { year: 2025, week: null, activityTypes: require(${JSON.stringify(path.join(ROOT, 'dist/catalog/activity-types.js'))}).ACTIVITY_TYPES,
      modes: require(${JSON.stringify(path.join(ROOT, 'dist/catalog/modes.js'))}).MODES, indicators: require(${JSON.stringify(path.join(ROOT, 'dist/catalog/indicators.js'))}).INDICATORS, units: null };
    const sink = { activity() {}, tally() {}, unit() {} };
    const t0 = Date.now();
    checkFiles([process.argv[1]], settings, sink).then((r) => {
      const { issueText } = require(${JSON.stringify(path.join(ROOT, 'dist/catalog/issues.js'))});
      process.stdout.write(JSON.stringify({ codes: r.issues.map((i) => i.code), details: r.issues.map((i) => issueText(i, 'en')),
        maxRssMiB: process.resourceUsage().maxRSS / 1024, ms: Date.now() - t0 }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script, file], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`child failed (${r.status} ${r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('zip bombs', () => {
  const dir = tmpDir('lllweek-bomb-');
  let parts: Record<string, Uint8Array>;
  let baseline: ReturnType<typeof measured>;
  let bombFile: string;

  beforeAll(async () => {
    parts = await realParts();
    const plain = path.join(dir, 'plain.xlsx');
    fs.writeFileSync(plain, zipSync(parts));
    baseline = measured(plain);
    bombFile = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(bombFile, bomb(parts, 300));
  }, 120_000);

  it('a 300 MB sheet of zeros deflated to ~300 KB is file-unreadable, refused before unpacking (memory stays flat)', () => {
    expect(fs.statSync(bombFile).size).toBeLessThan(2 * MiB);
    const sheet = centralEntries(fs.readFileSync(bombFile)).find((e) => e.name === SHEET);
    expect(sheet).toBeDefined();
    const r = measured(bombFile);
    expect(r.codes).toEqual(['file-unreadable']);
    expect(r.details[0]).toMatch(/unreasonable size|hostile/);
    // Peak memory of the whole process against reading a normal workbook: not the 300 MB the sheet would take.
    expect(r.maxRssMiB - baseline.maxRssMiB).toBeLessThan(64);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('the command line says so in one line and exits 1, no stack', () => {
    const r = lllweek(['validate', bombFile, '--format', 'json']);
    expect(r.status).toBe(1);
    expectNoStack(r);
    const doc = JSON.parse(r.stdout);
    expect(doc.issues.map((i: { code: string }) => i.code)).toEqual(['file-unreadable']);
  });

  it('an entry-count bomb (20 000 entries) is file-unreadable too', () => {
    const many: Record<string, Uint8Array> = { ...parts };
    for (let i = 0; i < 20_000; i++) many[`xl/media/f${i}.bin`] = new Uint8Array(0);
    const file = path.join(dir, 'entries.xlsx');
    fs.writeFileSync(file, zipSync(many, { level: 0 }));
    const r = measured(file);
    expect(r.codes).toEqual(['file-unreadable']);
    expect(r.details[0]).toMatch(/unreasonable size|hostile/);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('a bomb whose central directory lies about its size (says 4 KB) still ends as a coded issue, with memory bounded', () => {
    const buf = Buffer.from(fs.readFileSync(bombFile));
    for (const e of centralEntries(buf)) if (e.name === SHEET) buf.writeUInt32LE(4096, e.at + 24);
    const file = path.join(dir, 'liar.xlsx');
    fs.writeFileSync(file, buf);
    const r = measured(file);
    // The guard believes the 4 KB; exceljs then streams the zeros and its XML parser gives up at once.
    expect(r.codes).toContain('file-unreadable');
    expect(r.codes.every((c) => c === 'file-unreadable' || c === 'table-unrecognized')).toBe(true);
    expect(r.maxRssMiB - baseline.maxRssMiB).toBeLessThan(128);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('the same checks hold in-process: the promise resolves, nothing is thrown', async () => {
    const r = await checkFiles([bombFile], SETTINGS, DROP);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['file-unreadable', 'error']]);
  });
});
