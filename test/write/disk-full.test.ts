/**
 * A disk that fills during the write (a small tmpfs, filled up): the run ends at once with exit 2
 * and says the disk is full, naming the file it was writing; the previous outputs are exactly as
 * they were (not truncated copies announced as "Written:", as write-file-atomic left them); nothing
 * of the failed run is left; and once space is freed the next run writes the new set.
 * Skipped, with a notice, where this machine does not let the tests mount a tmpfs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FATAL_MESSAGES } from '../../src/catalog/messages';
import { FIXTURES } from '../helpers/cli';
import { COMMUNE_SLUG, ROLLUP_OUTPUTS, digests, fillDisk, mountTmpfs, provinceOffice, runBounded, tmpDir } from './helpers';

jest.setTimeout(120_000);

const disk = mountTmpfs(4);
const it_ = 'dir' in disk ? it : it.skip;
if (!('dir' in disk)) console.warn(`disk-full tests skipped: ${disk.skip}`);

const diskFull = (file: string) => `lllweek: ${FATAL_MESSAGES['disk-full'].en({ value: file })}\n`;
const filler = () => path.join((disk as { dir: string }).dir, 'filler.bin');

describe('rollup on a full disk', () => {
  let office: string;
  let newSizes: number[];
  let newSet: string[];

  beforeAll(async () => {
    if (!('dir' in disk)) return;
    office = provinceOffice();
    const ref = path.join(tmpDir(), 'tong-hop');
    expect((await runBounded(['rollup', 'hop-thu', '--out', ref], office)).status).toBe(3);
    newSizes = ROLLUP_OUTPUTS.map((f) => fs.statSync(path.join(ref, f)).size);
    newSet = digests(ref, ROLLUP_OUTPUTS);
  });

  // The space left: none of the .docx fits; the .docx fits but not the .xlsx after it.
  for (const [what, leave, failing] of [
    ['the first output', () => 16 * 1024, 0],
    ['the second output, the first written whole', () => newSizes[0] + 16 * 1024, 1],
  ] as const) {
    it_(`filling up while writing ${what}: exit 2, "the disk is full", the previous outputs untouched, no debris`, async () => {
      const out = path.join((disk as { dir: string }).dir, `tong-hop-${failing}`);
      expect((await runBounded(['rollup', 'hop-thu-cu', '--out', out], office)).status).toBe(3);
      const before = digests(out, ROLLUP_OUTPUTS);
      const gen = fs.readlinkSync(path.join(out, '.lllweek', 'current'));
      fillDisk((disk as { dir: string }).dir, leave());
      try {
        const r = await runBounded(['rollup', 'hop-thu', '--out', out], office, 30);
        expect([r.status, r.timedOut, r.stdout, r.stderr]).toEqual([2, false, '', diskFull(path.join(out, ROLLUP_OUTPUTS[failing]))]);
        expect(digests(out, ROLLUP_OUTPUTS)).toEqual(before);
        expect(fs.readdirSync(path.join(out, '.lllweek')).sort()).toEqual(['current', gen].sort());
        expect(fs.readdirSync(out).sort()).toEqual(['.lllweek', ...ROLLUP_OUTPUTS].sort());
      } finally {
        fs.rmSync(filler());
      }
      const again = await runBounded(['rollup', 'hop-thu', '--out', out, '-q'], office, 30);
      expect([again.status, again.stderr]).toEqual([3, '']);
      expect(digests(out, ROLLUP_OUTPUTS)).toEqual(newSet);
      fs.rmSync(out, { recursive: true });
    });
  }
});

describe('report on a full disk', () => {
  const outputs = [`${COMMUNE_SLUG}.docx`, `${COMMUNE_SLUG}.xlsx`];

  it_('filling up while writing the set: exit 2, "the disk is full", the previous report untouched, no debris', async () => {
    const commune = tmpDir();
    fs.cpSync(path.join(FIXTURES, 'commune'), commune, { recursive: true });
    const out = path.join((disk as { dir: string }).dir, 'ket-qua');
    const args = ['report', 'bao-cao-phuong-mong-cai-1.xlsx', '--out', out, '-q'];
    expect((await runBounded(args, commune)).status).toBe(0);
    const before = digests(out, outputs);
    const yaml = path.join(commune, 'lllweek.yaml');
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace(/^number: 5$/m, 'number: 6'));
    fillDisk((disk as { dir: string }).dir, 64 * 1024);
    try {
      const r = await runBounded(args, commune, 30);
      expect([r.status, r.timedOut, r.stdout, r.stderr]).toEqual([2, false, '', diskFull(path.join(out, outputs[0]))]);
      expect(digests(out, outputs)).toEqual(before);
      expect(fs.readdirSync(out).sort()).toEqual(outputs);
    } finally {
      fs.rmSync(filler());
    }
    const again = await runBounded(args, commune, 30);
    expect([again.status, again.stderr]).toEqual([0, '']);
    expect(digests(out, outputs).filter((d, i) => d === before[i])).toEqual([]);
  });
});
