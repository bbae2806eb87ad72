/**
 * `lllweek rollup INBOX --out DIR` as a scheduled job runs it: a Sở's inbox (province → communes →
 * schools), with clean, broken, superseded, late and missing submissions and a lower office's output
 * workbook; the exit status; figures from accepted submissions only; reproducible outputs; two runs
 * at once on one folder (a run killed at any moment: test/write/rollup-kill.test.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { FIXTURES, expectNoStack, lllweek } from '../helpers/cli';
import { start as startCli, type Done } from '../helpers/cli-async';
import { docxText } from '../helpers/zip';

const TOTALS = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'TOTALS.json'), 'utf8'));
const XA = path.join(FIXTURES, 'province', 'xa');
const SLUG = 'bao-cao-tuan-le-hoc-tap-suot-doi-2025-sgddt';
const OUTPUTS = [`${SLUG}.docx`, `${SLUG}.xlsx`, 'status.json'];
const COMMUNE_SLUG = 'bao-cao-tuan-le-hoc-tap-suot-doi-2025-ubnd-phuong-mong-cai-1';

const tmp = (p = 'lllweek-rollup-') => fs.mkdtempSync(path.join(os.tmpdir(), p));

/** The CLI in the background, "today" after the deadline (20/10/2025). */
const start = (args: string[], cwd: string) => startCli(args, { cwd, env: { LLLWEEK_TODAY: '2025-10-20' } });

/** A time in Vietnam (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);
const touch = (file: string, t: Date) => fs.utimesSync(file, t, t);

async function editWorkbook(src: string, dst: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  edit(wb);
  await wb.xlsx.writeFile(dst);
}

/** families_learning (G5) made larger than families_total (F5): exceeds-total, an error. */
function breakFamilies(wb: ExcelJS.Workbook): number {
  const ws = wb.getWorksheet('Xã hội học tập')!;
  expect(ws.getCell('F4').value).toBe('Tổng số hộ gia đình');
  expect(ws.getCell('G4').value).toBe('Gia đình học tập');
  const bad = (ws.getCell('F5').value as number) + 7;
  ws.getCell('G5').value = bad;
  return bad;
}

/** Every zip entry of an OOXML file, by name. */
const entries = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));

function expectSameZip(a: string, b: string): void {
  const x = entries(a);
  const y = entries(b);
  expect(Object.keys(y).sort()).toEqual(Object.keys(x).sort());
  for (const name of Object.keys(x)) expect({ name, same: Buffer.from(x[name]).equals(Buffer.from(y[name])) }).toEqual({ name, same: true });
}

/** The outputs of `dir` are those of `ref`: the same JSON bytes, the same zip entries. */
function expectSameOutputs(dir: string, ref: string): void {
  expect(fs.readFileSync(path.join(dir, 'status.json')).equals(fs.readFileSync(path.join(ref, 'status.json')))).toBe(true);
  expectSameZip(path.join(ref, `${SLUG}.docx`), path.join(dir, `${SLUG}.docx`));
  expectSameZip(path.join(ref, `${SLUG}.xlsx`), path.join(dir, `${SLUG}.xlsx`));
}

const UNITS_HEADER = 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên';
const unitsCsv = (codes: string[] | null, schools: boolean) => {
  const province = fs.readFileSync(path.join(FIXTURES, 'province', 'units.csv'), 'utf8').trim().split('\n').slice(1);
  const keep = province.filter((l) => codes === null || l.startsWith('QN,') || codes.includes(l.split(',')[0]));
  const under = schools ? fs.readFileSync(path.join(FIXTURES, 'commune', 'units.csv'), 'utf8').trim().split('\n').filter((l) => l.startsWith('QN-MC1-')) : [];
  return [UNITS_HEADER, ...keep, ...under].join('\n') + '\n';
};

/** The Sở's own config: the province fixture's (its units list is written beside it per test). */
const CONFIG = fs.readFileSync(path.join(FIXTURES, 'province', 'lllweek.yaml'), 'utf8');

function officeDir(codes: string[] | null, schools: boolean): string {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'lllweek.yaml'), CONFIG);
  fs.writeFileSync(path.join(dir, 'units.csv'), unitsCsv(codes, schools));
  fs.mkdirSync(path.join(dir, 'hop-thu'));
  return dir;
}

const SCHOOLS = ['QN-MC1-MN01', 'QN-MC1-TH01', 'QN-MC1-TH02', 'QN-MC1-THCS01', 'QN-MC1-THCS02', 'QN-MC1-TTHTCD', 'QN-MC1-TV'];
const COMMUNES: string[] = TOTALS.province.per_unit.map((u: { code: string }) => u.code);
const perUnit = (code: string) => TOTALS.province.per_unit.find((u: { code: string }) => u.code === code) as { activities: number; participants: number };

/*
 * The main inbox (folder `hop-thu`, run from its office's folder so paths read `hop-thu/...`):
 * - QN-MC1: the ward's own OUTPUT workbook (`lllweek report` on fixtures/commune, data of the ward
 *   and its 7 schools), file mtime late but its `Thông tin` says 09/10/2025: on time;
 *   QN-MC1-TH01.csv: a school's own form, older, whose unit the ward's workbook carries: superseded.
 * - QN-MC2: QN-MC2-lan-1.xlsx (older, 1000 more participants) superseded by QN-MC2.xlsx.
 * - QN-HLG: only a broken workbook: rejected.
 * - QN-DTR: a broken one then a good one: the broken one superseded, the unit submitted.
 * - QN-UBI: a good one then a broken resubmission: the unit stands on the good one, the broken one rejected.
 * - QN-BCY: after the deadline (16/10 00:30 +07:00): late. QN-CPH at 15/10 23:59 +07:00: on time.
 * - QN-VDO, QN-CTO: nothing: missing.
 */
const P = (f: string) => `hop-thu/${f}`;
const MC1_FILE = P(`${COMMUNE_SLUG}.xlsx`);
const ON_TIME = vn('2025-10-12T08:00:00');

let office: string;
let main: Done;
let status: any;
let hlgBad: number;
let allIn: { dir: string; run: Done };
let garbage: { dir: string; run: Done };

async function buildMainInbox(dir: string): Promise<void> {
  const inbox = path.join(dir, 'hop-thu');
  const copy = (code: string, t: Date, name = `${code}.xlsx`) => {
    fs.copyFileSync(path.join(XA, `${code}.xlsx`), path.join(inbox, name));
    touch(path.join(inbox, name), t);
  };
  for (const c of ['QN-HHO', 'QN-QHA', 'QN-TYE', 'QN-BCE', 'QN-BLI']) copy(c, ON_TIME);
  copy('QN-MC2', vn('2025-10-14T16:00:00'));
  await editWorkbook(path.join(XA, 'QN-MC2.xlsx'), path.join(inbox, 'QN-MC2-lan-1.xlsx'), (wb) => {
    const ws = wb.getWorksheet('Hoạt động')!;
    expect(ws.getCell('I4').value).toBe('Số lượt người tham gia');
    ws.getCell('I5').value = (ws.getCell('I5').value as number) + 1000;
  });
  touch(path.join(inbox, 'QN-MC2-lan-1.xlsx'), vn('2025-10-10T09:00:00'));
  await editWorkbook(path.join(XA, 'QN-HLG.xlsx'), path.join(inbox, 'QN-HLG.xlsx'), (wb) => (hlgBad = breakFamilies(wb)));
  touch(path.join(inbox, 'QN-HLG.xlsx'), vn('2025-10-13T10:00:00'));
  await editWorkbook(path.join(XA, 'QN-DTR.xlsx'), path.join(inbox, 'QN-DTR-loi.xlsx'), breakFamilies);
  touch(path.join(inbox, 'QN-DTR-loi.xlsx'), vn('2025-10-11T10:00:00'));
  copy('QN-DTR', vn('2025-10-12T10:00:00'));
  copy('QN-UBI', vn('2025-10-10T10:00:00'));
  await editWorkbook(path.join(XA, 'QN-UBI.xlsx'), path.join(inbox, 'QN-UBI-bo-sung.xlsx'), breakFamilies);
  touch(path.join(inbox, 'QN-UBI-bo-sung.xlsx'), vn('2025-10-14T10:00:00'));
  copy('QN-BCY', vn('2025-10-16T00:30:00'));
  copy('QN-CPH', vn('2025-10-15T23:59:00'));
  fs.writeFileSync(
    path.join(inbox, 'QN-MC1-TH01.csv'),
    'Mã đơn vị,Tên đơn vị,Ngày tổ chức,Loại hoạt động,Tên hoạt động,Số lượt người tham gia\n' +
      'QN-MC1-TH01,Trường Tiểu học Hải Hòa,02/10/2025,Cuộc thi,Cuộc thi kể chuyện theo sách,400\n' +
      'QN-MC1-TH01,Trường Tiểu học Hải Hòa,03/10/2025,Tuyên truyền,Tuyên truyền dưới cờ,600\n',
  );
  touch(path.join(inbox, 'QN-MC1-TH01.csv'), vn('2025-10-05T10:00:00'));
  // The ward's own report, made by the ward's lllweek (its config: fixtures/commune/lllweek.yaml).
  const wardOut = tmp();
  const ward = await start(['report', '.', '--out', wardOut, '--format', 'xlsx'], path.join(FIXTURES, 'commune')).done;
  expect(ward.status).toBe(0);
  fs.copyFileSync(path.join(wardOut, `${COMMUNE_SLUG}.xlsx`), path.join(inbox, `${COMMUNE_SLUG}.xlsx`));
  touch(path.join(inbox, `${COMMUNE_SLUG}.xlsx`), vn('2025-10-25T10:00:00'));
}

beforeAll(async () => {
  office = officeDir(null, true);

  // Everything in: two communes, one of which fixed a rejected submission by sending a new one.
  const allInDir = officeDir(['QN-HHO', 'QN-QHA'], false);
  fs.copyFileSync(path.join(XA, 'QN-HHO.xlsx'), path.join(allInDir, 'hop-thu', 'QN-HHO.xlsx'));
  touch(path.join(allInDir, 'hop-thu', 'QN-HHO.xlsx'), ON_TIME);
  fs.copyFileSync(path.join(XA, 'QN-QHA.xlsx'), path.join(allInDir, 'hop-thu', 'QN-QHA.xlsx'));
  touch(path.join(allInDir, 'hop-thu', 'QN-QHA.xlsx'), vn('2025-10-14T10:00:00'));
  await editWorkbook(path.join(XA, 'QN-QHA.xlsx'), path.join(allInDir, 'hop-thu', 'QN-QHA-cu.xlsx'), breakFamilies);
  touch(path.join(allInDir, 'hop-thu', 'QN-QHA-cu.xlsx'), vn('2025-10-13T10:00:00'));

  // Everything in, plus a workbook cut short in transit (unreadable).
  const garbageDir = officeDir(['QN-HHO'], false);
  fs.copyFileSync(path.join(XA, 'QN-HHO.xlsx'), path.join(garbageDir, 'hop-thu', 'QN-HHO.xlsx'));
  fs.copyFileSync(path.join(FIXTURES, 'broken', 'unreadable-truncated.xlsx'), path.join(garbageDir, 'hop-thu', 'bao-cao.xlsx'));

  const args = ['rollup', 'hop-thu', '--out', 'tong-hop'];
  const [, a, g] = await Promise.all([
    buildMainInbox(office).then(async () => (main = await start(args, office).done)),
    start([...args, '--format', 'xlsx'], allInDir).done,
    start([...args, '--format', 'xlsx'], garbageDir).done,
  ]);
  allIn = { dir: allInDir, run: a };
  garbage = { dir: garbageDir, run: g };
  status = JSON.parse(fs.readFileSync(path.join(office, 'tong-hop', 'status.json'), 'utf8'));
});

describe('rollup of an inbox with every kind of submission', () => {
  it('exits 3 (some rejected or missing), says so on stderr, writes the report and status.json', () => {
    expectNoStack(main);
    expect(main.status).toBe(3);
    expect(main.stdout).toBe('');
    expect(fs.readdirSync(path.join(office, 'tong-hop')).filter((f) => !f.startsWith('.')).sort()).toEqual(OUTPUTS);
    expect(main.stderr).toMatch(/21 units expected: 18 submitted \(17 on time, 1 late\), 1 rejected, 2 missing/);
    expect(main.stderr).toContain('Rejected: hop-thu/QN-HLG.xlsx (1 error)');
    expect(main.stderr).toContain('Rejected: hop-thu/QN-UBI-bo-sung.xlsx (1 error)');
    expect(main.stderr).not.toContain('QN-DTR-loi.xlsx');
  });

  it('status.json: the totals', () => {
    expect(status.agency).toEqual({ unit: 'QN', name: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' });
    expect(status.year).toBe(2025);
    expect(status.deadline).toBe('2025-10-15');
    expect(status.totals).toEqual({ expected: 21, submitted: 18, onTime: 17, late: 1, rejected: 1, missing: 2, rate: 18 / 21 });
  });

  it('status.json: every unit under QN, three levels deep, in the list order', () => {
    expect(status.units.map((u: { code: string }) => u.code)).toEqual(['QN-MC1', ...SCHOOLS, ...COMMUNES.filter((c) => c !== 'QN-MC1')]);
    const byCode = new Map(status.units.map((u: { code: string }) => [u.code, u]));
    const at = (file: string, time: string, late = false) => ({ status: 'submitted', file: P(file), time: new Date(time).toISOString(), late, issues: [] });

    // the ward's output workbook: its own generation time, not the file's (late) mtime
    expect(byCode.get('QN-MC1')).toEqual({
      code: 'QN-MC1', name: 'Phường Móng Cái 1', status: 'submitted', file: MC1_FILE, time: '2025-10-09T00:00:00.000Z', late: false, issues: [],
      superseded: [],
    });
    // the schools came in through the ward's workbook
    for (const s of SCHOOLS) expect(byCode.get(s)).toMatchObject({ status: 'submitted', file: MC1_FILE, time: '2025-10-09T00:00:00.000Z', late: false, issues: [] });
    expect(byCode.get('QN-MC1-TH01')).toMatchObject({ superseded: [P('QN-MC1-TH01.csv')] });

    expect(byCode.get('QN-MC2')).toEqual({ code: 'QN-MC2', name: 'Phường Móng Cái 2', ...at('QN-MC2.xlsx', '2025-10-14T16:00:00+07:00'), superseded: [P('QN-MC2-lan-1.xlsx')] });
    expect(byCode.get('QN-DTR')).toEqual({ code: 'QN-DTR', name: 'Phường Đông Triều', ...at('QN-DTR.xlsx', '2025-10-12T10:00:00+07:00'), superseded: [P('QN-DTR-loi.xlsx')] });
    expect(byCode.get('QN-BCY')).toEqual({ code: 'QN-BCY', name: 'Phường Bãi Cháy', ...at('QN-BCY.xlsx', '2025-10-16T00:30:00+07:00', true), superseded: [] });
    expect(byCode.get('QN-CPH')).toEqual({ code: 'QN-CPH', name: 'Phường Cẩm Phả', ...at('QN-CPH.xlsx', '2025-10-15T23:59:00+07:00'), superseded: [] });
    for (const c of ['QN-HHO', 'QN-QHA', 'QN-TYE', 'QN-BCE', 'QN-BLI']) expect(byCode.get(c)).toMatchObject(at(`${c}.xlsx`, ON_TIME.toISOString()));

    const issue = { code: 'exceeds-total', severity: 'error', sheet: 'Xã hội học tập', row: 5, column: 'families_learning', cell: 'G5', message: expect.any(String) };
    expect(byCode.get('QN-HLG')).toEqual({
      code: 'QN-HLG', name: 'Phường Hạ Long', status: 'rejected', file: P('QN-HLG.xlsx'), time: vn('2025-10-13T10:00:00').toISOString(), late: false,
      issues: [{ ...issue, file: P('QN-HLG.xlsx'), value: String(hlgBad) }], superseded: [],
    });
    // a broken resubmission does not undo the unit's good one, but its errors are the unit's to fix
    expect(byCode.get('QN-UBI')).toMatchObject({
      status: 'submitted', file: P('QN-UBI.xlsx'), time: vn('2025-10-10T10:00:00').toISOString(), late: false,
      issues: [expect.objectContaining({ ...issue, file: P('QN-UBI-bo-sung.xlsx') })],
    });
    for (const [c, name] of [['QN-VDO', 'Đặc khu Vân Đồn'], ['QN-CTO', 'Đặc khu Cô Tô']]) {
      expect(byCode.get(c)).toEqual({ code: c, name, status: 'missing', file: null, time: null, late: false, issues: [], superseded: [] });
    }
  });

  it('status.json: every submission with its state, in file order', () => {
    const sub = (file: string, unit: string, state: string, supersededBy: string | null = null) => expect.objectContaining({ file: P(file), unit, state, supersededBy });
    expect(status.submissions).toEqual([
      sub('QN-BCE.xlsx', 'QN-BCE', 'accepted'),
      sub('QN-BCY.xlsx', 'QN-BCY', 'accepted'),
      sub('QN-BLI.xlsx', 'QN-BLI', 'accepted'),
      sub('QN-CPH.xlsx', 'QN-CPH', 'accepted'),
      sub('QN-DTR-loi.xlsx', 'QN-DTR', 'superseded', P('QN-DTR.xlsx')),
      sub('QN-DTR.xlsx', 'QN-DTR', 'accepted'),
      sub('QN-HHO.xlsx', 'QN-HHO', 'accepted'),
      sub('QN-HLG.xlsx', 'QN-HLG', 'rejected'),
      sub('QN-MC1-TH01.csv', 'QN-MC1-TH01', 'superseded', MC1_FILE),
      sub('QN-MC2-lan-1.xlsx', 'QN-MC2', 'superseded', P('QN-MC2.xlsx')),
      sub('QN-MC2.xlsx', 'QN-MC2', 'accepted'),
      sub('QN-QHA.xlsx', 'QN-QHA', 'accepted'),
      sub('QN-TYE.xlsx', 'QN-TYE', 'accepted'),
      sub('QN-UBI-bo-sung.xlsx', 'QN-UBI', 'rejected'),
      sub('QN-UBI.xlsx', 'QN-UBI', 'accepted'),
      sub(`${COMMUNE_SLUG}.xlsx`, 'QN-MC1', 'accepted'),
    ]);
    const s = new Map(status.submissions.map((x: { file: string }) => [x.file, x]));
    expect(s.get(P('QN-BCY.xlsx'))).toMatchObject({ late: true, time: '2025-10-15T17:30:00.000Z', errors: 0 });
    expect(s.get(P('QN-CPH.xlsx'))).toMatchObject({ late: false, time: '2025-10-15T16:59:00.000Z' });
    expect(s.get(MC1_FILE)).toMatchObject({ late: false, time: '2025-10-09T00:00:00.000Z', errors: 0 });
    expect(s.get(P('QN-HLG.xlsx'))).toMatchObject({ errors: 1 });
  });

  it("the report's figures are those of the accepted submissions only", async () => {
    // counted independently: the ward's own report (fixtures/commune) and the communes' workbooks
    const communes = ['QN-MC2', 'QN-DTR', 'QN-UBI', 'QN-BCY', 'QN-CPH', 'QN-HHO', 'QN-QHA', 'QN-TYE', 'QN-BCE', 'QN-BLI'];
    const participants = TOTALS.commune.participants + communes.reduce((s, c) => s + perUnit(c).participants, 0);
    const activities = TOTALS.commune.activities + communes.reduce((s, c) => s + perUnit(c).activities, 0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(office, 'tong-hop', `${SLUG}.xlsx`));
    const summary = wb.getWorksheet('Tổng hợp')!;
    let total: ExcelJS.Row | null = null;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng cộng') total = row;
    });
    expect(total).not.toBeNull();
    const values = (total! as ExcelJS.Row).values as unknown[];
    expect(values.slice(-3)).toEqual([activities, expect.any(Number), participants]);

    const byUnit = wb.getWorksheet('Theo đơn vị')!;
    const rows: Record<string, number> = {};
    expect(byUnit.getCell('A2').value).toBe('Đơn vị (mã)');
    expect(byUnit.getCell('G2').value).toBe('Tổng lượt người tham gia');
    byUnit.eachRow((row, n) => {
      if (n > 2) rows[String(row.getCell(1).value)] = row.getCell(7).value as number;
    });
    for (const c of communes) expect({ c, p: rows[c] }).toEqual({ c, p: perUnit(c).participants });
    for (const c of ['QN-HLG', 'QN-VDO', 'QN-CTO']) expect(rows[c] ?? 0).toBe(0);

    const text = docxText(path.join(office, 'tong-hop', `${SLUG}.docx`));
    expect(text).toContain(`thu hút ${participants.toLocaleString('de-DE')} lượt người tham gia`);
  });
});

describe('the exit status when everything is in', () => {
  it('exits 0 when every unit is in; an older rejected submission fixed by a newer one is superseded', () => {
    expectNoStack(allIn.run);
    expect(allIn.run.status).toBe(0);
    const s = JSON.parse(fs.readFileSync(path.join(allIn.dir, 'tong-hop', 'status.json'), 'utf8'));
    expect(s.totals).toEqual({ expected: 2, submitted: 2, onTime: 2, late: 0, rejected: 0, missing: 0, rate: 1 });
    expect(s.submissions.map((x: { file: string; state: string }) => [x.file, x.state])).toEqual([
      ['hop-thu/QN-HHO.xlsx', 'accepted'],
      ['hop-thu/QN-QHA-cu.xlsx', 'superseded'],
      ['hop-thu/QN-QHA.xlsx', 'accepted'],
    ]);
    expect(fs.readdirSync(path.join(allIn.dir, 'tong-hop')).filter((f) => !f.startsWith('.')).sort()).toEqual([`${SLUG}.xlsx`, 'status.json']);
  });

  it('exits 3 when a submission is rejected even if no unit is missing: an unreadable workbook', () => {
    expectNoStack(garbage.run);
    expect(garbage.run.status).toBe(3);
    const s = JSON.parse(fs.readFileSync(path.join(garbage.dir, 'tong-hop', 'status.json'), 'utf8'));
    expect(s.units).toEqual([expect.objectContaining({ code: 'QN-HHO', status: 'submitted' })]);
    expect(s.submissions).toEqual([
      expect.objectContaining({ file: 'hop-thu/QN-HHO.xlsx', state: 'accepted' }),
      expect.objectContaining({ file: 'hop-thu/bao-cao.xlsx', unit: null, state: 'rejected', errors: 1 }),
    ]);
    expect(garbage.run.stderr).toMatch(/1 units expected: 1 submitted/);
  });
});

describe('reproducible, atomic and locked outputs', () => {
  const ref = () => path.join(office, 'tong-hop');
  let pair: Done[];
  let pairOut: string;

  beforeAll(async () => {
    // A second run on the unchanged inbox, twice at once, into a folder of its own.
    pairOut = path.join(tmp(), 'tong-hop');
    const args = ['rollup', 'hop-thu', '--out', pairOut];
    pair = await Promise.all([
      start(args, office).done,
      new Promise<Done>((r) => setTimeout(() => start(args, office).done.then(r), 100)),
    ]);
  });

  it('a second run on the unchanged inbox gives byte-identical status.json and identical zip parts', () => {
    expect(pair.map((r) => r.status)).toContain(3);
    expectSameOutputs(pairOut, ref());
  });

  it('two runs at once on the same --out: one waits or exits 2 naming the folder; the outputs are those of a lone run', () => {
    const statuses = pair.map((r) => r.status).sort();
    expect([[3, 3], [2, 3]]).toContainEqual(statuses);
    for (const r of pair) {
      expectNoStack(r);
      if (r.status === 2) {
        expect(r.stderr).toContain('Another run is writing to');
        expect(r.stderr).toContain(pairOut);
      }
    }
    expect(fs.readdirSync(pairOut).filter((f) => !f.startsWith('.')).sort()).toEqual(OUTPUTS);
    expectSameOutputs(pairOut, ref());
  });
  // A run killed at any moment: test/write/rollup-kill.test.ts.
});

describe('a run that cannot start', () => {
  it('exits 2 with a clear message when the inbox does not exist', () => {
    const r = lllweek(['rollup', 'khong-co', '--out', 'tong-hop'], { cwd: office });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('khong-co not found');
    expectNoStack(r);
    expect(fs.existsSync(path.join(office, 'tong-hop', 'khong-co'))).toBe(false);
  });
});

describe('the settings a rollup judges by', () => {
  /** An office whose inbox holds `files` (code → local time in Vietnam), the config as `edit` makes it. */
  function office(files: Record<string, string>, edit: (config: string) => string): string {
    const dir = officeDir(null, false);
    fs.writeFileSync(path.join(dir, 'lllweek.yaml'), edit(CONFIG));
    for (const [code, local] of Object.entries(files)) {
      fs.copyFileSync(path.join(XA, `${code}.xlsx`), path.join(dir, 'hop-thu', `${code}.xlsx`));
      touch(path.join(dir, 'hop-thu', `${code}.xlsx`), vn(local));
    }
    return dir;
  }

  it("with no year:, deadline: or report_date: in the config, lateness is judged against the data's deadline (15/10/2025), not the clock's year", () => {
    const dir = office({ 'QN-HHO': '2025-10-12T08:00:00', 'QN-QHA': '2025-10-20T08:00:00' }, (c) =>
      c.replace(/^(year|deadline|report_date): .*\n/gm, ''),
    );
    const r = lllweek(['rollup', 'hop-thu', '--out', 'tong-hop'], { cwd: dir, env: { LLLWEEK_TODAY: '2026-11-29' } });
    expectNoStack(r);
    const s = JSON.parse(fs.readFileSync(path.join(dir, 'tong-hop', 'status.json'), 'utf8'));
    expect([s.year, s.deadline]).toEqual([2025, '2025-10-15']);
    const late = Object.fromEntries(s.units.filter((u: { file: string | null }) => u.file).map((u: { code: string; late: boolean }) => [u.code, u.late]));
    expect(late).toEqual({ 'QN-HHO': false, 'QN-QHA': true });
    expect(s.totals).toMatchObject({ submitted: 2, onTime: 1, late: 1 });
    expect(r.stderr).toContain('Deadline 15/10/2025: passed 410 days ago');
  });

  it('a submission whose units list is a 6.000-deep chain below a commune that sent nothing: the run ends, every other commune still rolls up', () => {
    const sent = COMMUNES.filter((c) => c !== 'QN-VDO');
    const dir = office(Object.fromEntries(sent.map((c) => [c, '2025-10-12T08:00:00'])), (c) => c);
    const chain = Array.from({ length: 6000 }, (_, i) => `U${i},Lớp ${i},trường,${i === 0 ? 'QN-VDO' : `U${i - 1}`}`);
    fs.writeFileSync(path.join(dir, 'hop-thu', 'chuoi.csv'), [UNITS_HEADER, ...chain].join('\n') + '\n');
    const r = lllweek(['rollup', 'hop-thu', '--out', 'tong-hop'], { cwd: dir });
    expectNoStack(r);
    expect(r.stderr).not.toContain('Internal');
    expect(r.status).toBe(3);
    const s = JSON.parse(fs.readFileSync(path.join(dir, 'tong-hop', 'status.json'), 'utf8'));
    const byCode = new Map(s.units.map((u: { code: string; status: string }) => [u.code, u.status]));
    expect(sent.map((c) => byCode.get(c))).toEqual(sent.map(() => 'submitted'));
    expect(byCode.get('QN-VDO')).toBe('missing');
  });
});
