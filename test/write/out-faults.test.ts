/**
 * Every fault of the output side, as a scheduled job or a clerk meets it: an `--out` naming a
 * file, a read-only `--out`, an `--out` whose folder does not exist, an `--out` that overlaps the
 * inbox (`rollup --out .` used to count 0 submitted, 14 missing), the lock removed or taken during
 * the run (it used to throw from a timer). Each ends at once with exit 2 and the catalogue's
 * message for its code, in the run's language, never "Internal lllweek error"; the previous
 * outputs stay as they were.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../../src/catalog/lang';
import { FATAL_MESSAGES, type FatalKey, type MsgParams } from '../../src/catalog/messages';
import { expectNoStack } from '../helpers/cli';
import { start } from '../helpers/cli-async';
import { ROLLUP_OUTPUTS, digests, mountTmpfs, provinceOffice, remountReadOnly, runBounded, type Bounded } from './helpers';

jest.setTimeout(120_000);

const message = (key: FatalKey, p: MsgParams, lang: Lang = 'en') => `lllweek: ${FATAL_MESSAGES[key][lang](p)}\n`;

/** Exit 2 within seconds, nothing on stdout, exactly the message of `key` on stderr. */
function expectFault(r: Bounded, key: FatalKey, p: MsgParams, lang: Lang = 'en'): void {
  expectNoStack(r);
  expect({ status: r.status, timedOut: r.timedOut, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 2, timedOut: false, stdout: '', stderr: message(key, p, lang) });
}

let office: string;
beforeAll(() => {
  office = provinceOffice();
  fs.writeFileSync(path.join(office, 'ghi-chu.txt'), 'x');
});

describe('--out names a file', () => {
  it('rollup: out-not-folder, the file untouched', async () => {
    expectFault(await runBounded(['rollup', 'hop-thu', '--out', 'ghi-chu.txt'], office, 20), 'out-not-folder', { value: 'ghi-chu.txt' });
    expect(fs.readFileSync(path.join(office, 'ghi-chu.txt'), 'utf8')).toBe('x');
  });

  it('report, in Vietnamese: out-not-folder', async () => {
    expectFault(await runBounded(['report', 'hop-thu', '--out', 'units.csv', '--lang', 'vi'], office, 20), 'out-not-folder', { value: 'units.csv' }, 'vi');
  });
});

describe('--out whose folder does not exist', () => {
  it('rollup: out-parent-missing, no folder made', async () => {
    expectFault(await runBounded(['rollup', 'hop-thu', '--out', 'nam-2025/tong-hop'], office, 20), 'out-parent-missing', { value: 'nam-2025/tong-hop', other: 'nam-2025' });
    expect(fs.existsSync(path.join(office, 'nam-2025'))).toBe(false);
  });

  it('report, under a file: out-parent-missing', async () => {
    expectFault(await runBounded(['report', 'hop-thu', '--out', 'units.csv/ket-qua'], office, 20), 'out-parent-missing', { value: 'units.csv/ket-qua', other: 'units.csv' });
  });
});

describe('rollup --out overlapping the inbox', () => {
  beforeAll(() => fs.symlinkSync('hop-thu', path.join(office, 'lien-ket-hop-thu')));

  for (const out of ['.', 'hop-thu', 'hop-thu/tong-hop', 'lien-ket-hop-thu', `hop-thu${path.sep}`]) {
    it(`--out ${out}: out-overlaps-inbox, nothing written`, async () => {
      const before = fs.readdirSync(path.join(office, 'hop-thu'));
      expectFault(await runBounded(['rollup', 'hop-thu', '--out', out], office, 20), 'out-overlaps-inbox', { value: out, other: 'hop-thu' });
      expect(fs.readdirSync(path.join(office, 'hop-thu'))).toEqual(before);
      expect(fs.readdirSync(office).filter((n) => n.startsWith('.') || n.endsWith('.docx'))).toEqual([]);
    });
  }
});

describe('a read-only --out', () => {
  // root writes through any mode: as root, a read-only mount; else the folder's mode
  const disk = process.getuid?.() === 0 ? mountTmpfs(2) : null;
  const mounted = disk && 'dir' in disk ? disk.dir : null;
  const it_ = disk === null || mounted ? it : it.skip;
  if (disk && 'skip' in disk) console.warn(`read-only --out tests skipped: ${disk.skip}`);
  let out: string;
  let before: string[];

  beforeAll(async () => {
    if (disk && !mounted) return;
    out = path.join(mounted ?? fs.mkdtempSync(path.join(office, 'ro-')), 'tong-hop');
    expect((await runBounded(['rollup', 'hop-thu-cu', '--out', out], office)).status).toBe(3);
    before = digests(out, ROLLUP_OUTPUTS);
    if (mounted) remountReadOnly(mounted);
    else for (const d of [out, path.dirname(out)]) fs.chmodSync(d, 0o555);
  });
  afterAll(() => {
    if (!disk && out) for (const d of [out, path.dirname(out)]) fs.chmodSync(d, 0o755);
  });

  it_('rollup into it: output-denied naming the folder, the previous outputs as they were', async () => {
    expectFault(await runBounded(['rollup', 'hop-thu', '--out', out], office, 20), 'output-denied', { value: out });
    expect(digests(out, ROLLUP_OUTPUTS)).toEqual(before);
  });

  it_('report into a new folder inside it: output-denied naming the folder it could not make one in', async () => {
    const sub = path.join(path.dirname(out), 'ket-qua');
    expectFault(await runBounded(['report', 'hop-thu/QN-HHO.xlsx', '--out', sub], office, 20), 'output-denied', { value: path.dirname(out) });
  });
});

describe('the lock removed or taken while the rollup runs', () => {
  /**
   * A rollup over the newer inbox into a folder holding the older one's outputs; `meddle` acts on
   * the lock soon after it appears (not while proper-lockfile is still making it: it would make it again).
   */
  async function meddled(meddle: (lock: string) => void): Promise<{ r: Bounded; out: string; before: string[] }> {
    const out = path.join(fs.mkdtempSync(path.join(office, 'khoa-')), 'tong-hop');
    expect((await runBounded(['rollup', 'hop-thu-cu', '--out', out, '-q'], office)).status).toBe(3);
    const before = digests(out, ROLLUP_OUTPUTS);
    const lock = path.join(out, '.lllweek.lock');
    const run = start(['rollup', 'hop-thu', '--out', out], { cwd: office, env: { LLLWEEK_TODAY: '2025-10-20' } });
    const poll = setInterval(() => {
      if (fs.existsSync(lock)) {
        clearInterval(poll);
        setTimeout(() => meddle(lock), 200);
      }
    }, 1);
    let timedOut = false;
    const hang = setTimeout(() => {
      timedOut = true;
      run.child.kill('SIGKILL');
    }, 20_000);
    const done = await run.done;
    clearInterval(poll);
    clearTimeout(hang);
    return { r: { ...done, timedOut }, out, before };
  }

  it('removed (a clean-up job): lock-lost, exit 2 at once, the previous outputs as they were', async () => {
    const { r, out, before } = await meddled((lock) => fs.rmSync(lock, { recursive: true }));
    expectFault(r, 'lock-lost', { value: path.join(out, '.lllweek.lock') });
    expect(digests(out, ROLLUP_OUTPUTS)).toEqual(before);
  });

  it('removed and made again by another run: lock-lost, the previous outputs as they were', async () => {
    const { r, out, before } = await meddled((lock) => {
      fs.rmSync(lock, { recursive: true });
      fs.mkdirSync(lock);
    });
    expectFault(r, 'lock-lost', { value: path.join(out, '.lllweek.lock') });
    expect(digests(out, ROLLUP_OUTPUTS)).toEqual(before);
  });
});
