/**
 * The publishing of `rollup`'s outputs by switching one link: the layout on disk, the user's files,
 * a previous version's plain files adopted without a visible change, names a run no longer writes,
 * what a killed run leaves, a lost lock, a folder in the way, and file systems without links.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Fatal } from '../../src/fatal';
import type { OutputLock } from '../../src/write/lock';
import { publishSwitched, recoverSwitched } from '../../src/write/switched-set';
import { tmpDir } from './helpers';

const HELD: OutputLock = { verify: () => undefined };
const NAMES = ['bao-cao.docx', 'bao-cao.xlsx', 'status.json'];
const set = (tag: string, names = NAMES) => names.map((name) => ({ name, data: Buffer.from(`${tag} ${name}`) }));
const read = (dir: string, names = NAMES) => names.map((n) => fs.readFileSync(path.join(dir, n), 'utf8').split(' ')[0]);
const meta = (dir: string) => path.join(dir, '.lllweek');
const current = (dir: string) => fs.readlinkSync(path.join(meta(dir), 'current'));

afterEach(() => jest.restoreAllMocks());

it('lays out the outputs as links through .lllweek/current into one generation, beside the user’s files', async () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'mine');
  await publishSwitched(dir, set('one'), HELD);
  const first = current(dir);
  await publishSwitched(dir, set('two'), HELD);
  expect(read(dir)).toEqual(['two', 'two', 'two']);
  for (const n of NAMES) expect(fs.readlinkSync(path.join(dir, n))).toBe(`.lllweek/current/${n}`);
  expect(current(dir)).toMatch(/^gen-[0-9a-z]+$/);
  expect(current(dir)).not.toBe(first);
  expect(fs.readdirSync(meta(dir)).sort()).toEqual(['current', current(dir)].sort());
  expect(fs.readdirSync(dir).sort()).toEqual(['.lllweek', ...NAMES, 'ghi-chu.txt'].sort());
  expect(fs.readFileSync(path.join(dir, 'ghi-chu.txt'), 'utf8')).toBe('mine');
});

it('a previous version’s plain outputs are adopted: the same inode seen through the new link, then replaced', async () => {
  const dir = tmpDir();
  for (const n of NAMES) fs.writeFileSync(path.join(dir, n), `old ${n}`);
  const inode = fs.statSync(path.join(dir, NAMES[0])).ino;
  // Stop right after adoption (the run "killed" before its new generation exists).
  const mkdir = fs.promises.mkdir.bind(fs.promises);
  let gens = 0;
  jest.spyOn(fs.promises, 'mkdir').mockImplementation(async (p, o) => {
    if (/gen-/.test(path.basename(String(p))) && ++gens === 2) throw new Error('killed');
    return mkdir(p, o);
  });
  await expect(publishSwitched(dir, set('new'), HELD)).rejects.toThrow();
  jest.restoreAllMocks();
  expect(read(dir)).toEqual(['old', 'old', 'old']);
  expect(fs.lstatSync(path.join(dir, NAMES[0])).isSymbolicLink()).toBe(true);
  expect(fs.statSync(path.join(dir, NAMES[0])).ino).toBe(inode);

  await publishSwitched(dir, set('new'), HELD);
  expect(read(dir)).toEqual(['new', 'new', 'new']);
});

it('a name the new run does not write (the .html of an earlier run) goes with the switch', async () => {
  const dir = tmpDir();
  await publishSwitched(dir, set('one', [...NAMES, 'bao-cao.html']), HELD);
  await publishSwitched(dir, set('two'), HELD);
  expect(fs.readdirSync(dir).sort()).toEqual(['.lllweek', ...NAMES].sort());
});

it('a run that lost its lock switches nothing and removes its generation', async () => {
  const dir = tmpDir();
  await publishSwitched(dir, set('old'), HELD);
  const lost = new Fatal('lock-lost', { value: 'x' });
  await expect(
    publishSwitched(dir, set('new', [...NAMES, 'bao-cao.html']), {
      verify: () => {
        throw lost;
      },
    }),
  ).rejects.toBe(lost);
  expect(read(dir)).toEqual(['old', 'old', 'old']);
  expect(fs.readdirSync(meta(dir)).sort()).toEqual(['current', current(dir)].sort());
  // its new name was linked before the switch: pointing nowhere until the next run removes it
  await recoverSwitched(dir);
  expect(fs.readdirSync(dir).sort()).toEqual(['.lllweek', ...NAMES].sort());
});

it('what a killed run left (a half generation, temporary links) is removed, the current set kept', async () => {
  const dir = tmpDir();
  await publishSwitched(dir, set('old'), HELD);
  fs.mkdirSync(path.join(meta(dir), 'gen-zzzz'));
  fs.writeFileSync(path.join(meta(dir), 'gen-zzzz', NAMES[0]), 'half');
  fs.symlinkSync('gen-zzzz', path.join(meta(dir), 'link-abc'));
  fs.symlinkSync('.lllweek/current/bao-cao.html', path.join(dir, 'bao-cao.html'));
  fs.symlinkSync('/etc/hostname', path.join(dir, 'lien-ket-cua-toi'));
  await recoverSwitched(dir);
  expect(read(dir)).toEqual(['old', 'old', 'old']);
  expect(fs.readdirSync(meta(dir)).sort()).toEqual(['current', current(dir)].sort());
  // a link of the user's own is not ours to remove
  expect(fs.readdirSync(dir).sort()).toEqual(['.lllweek', ...NAMES, 'lien-ket-cua-toi'].sort());
});

it('a folder bearing an output’s name is refused in plain words, nothing replaced', async () => {
  const dir = tmpDir();
  await publishSwitched(dir, set('old', NAMES.slice(1)), HELD);
  fs.mkdirSync(path.join(dir, NAMES[0]));
  await expect(publishSwitched(dir, set('new'), HELD)).rejects.toEqual(new Fatal('output-unwritable', { value: dir, detail: 'EISDIR' }));
  expect(read(dir, NAMES.slice(1))).toEqual(['old', 'old']);
});

it('where links cannot be made (Windows, FAT), the set is published as plain files', async () => {
  const dir = tmpDir();
  jest.spyOn(fs.promises, 'symlink').mockRejectedValue(Object.assign(new Error('EPERM: operation not permitted, symlink'), { code: 'EPERM' }));
  await publishSwitched(dir, set('one'), HELD);
  await publishSwitched(dir, set('two'), HELD);
  expect(read(dir)).toEqual(['two', 'two', 'two']);
  for (const n of NAMES) expect(fs.lstatSync(path.join(dir, n)).isFile()).toBe(true);
  expect(fs.readdirSync(meta(dir))).toEqual([]);
});
