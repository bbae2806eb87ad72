/**
 * The publishing of plain files (`report --out`, and `rollup` where links cannot be made): every
 * byte written and flushed before any previous output is touched; a failure before the commit
 * leaves the previous set and no debris; a kill between the renames of the commit leaves a commit
 * folder that the next publish completes; the user's other files are never touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Fatal } from '../../src/fatal';
import type { OutputLock } from '../../src/write/lock';
import { publishStaged, recoverStaged } from '../../src/write/staged-set';
import { tmpDir } from './helpers';

const HELD: OutputLock = { verify: () => undefined };
const NAMES = ['bao-cao.docx', 'bao-cao.xlsx', 'bao-cao.html'];
const set = (tag: string) => NAMES.map((name, i) => ({ name, data: Buffer.from(`${tag} ${name} `.repeat(1000 * (i + 1))) }));
const read = (dir: string) => NAMES.map((n) => fs.readFileSync(path.join(dir, n), 'utf8').slice(0, 3));

/** A folder holding the old set and a clerk's own files. */
async function folder(): Promise<string> {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'so-lieu.xlsx'), 'the clerk’s input');
  await publishStaged(dir, set('old'), HELD);
  return dir;
}

const debris = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.lllweek'));

afterEach(() => jest.restoreAllMocks());

it('publishes every file whole, beside the user’s files, and leaves nothing of its own', async () => {
  const dir = await folder();
  await publishStaged(dir, set('new'), HELD);
  expect(read(dir)).toEqual(['new', 'new', 'new']);
  for (const f of set('new')) expect(fs.readFileSync(path.join(dir, f.name)).equals(f.data)).toBe(true);
  expect(fs.readFileSync(path.join(dir, 'so-lieu.xlsx'), 'utf8')).toBe('the clerk’s input');
  expect(debris(dir)).toEqual([]);
});

it('a write failing part-way (a full disk) replaces nothing and removes what it wrote', async () => {
  const dir = await folder();
  const open = fs.promises.open.bind(fs.promises);
  let opened = 0;
  jest.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof fs.promises.open>) => {
    const handle = await open(...args);
    if (args[1] === 'wx' && ++opened === 2) {
      // the second file's disk fills: two short writes of 100 bytes, then ENOSPC
      let calls = 0;
      handle.write = (async (buffer: Uint8Array, _offset: number, length: number) => {
        if (++calls > 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return { bytesWritten: Math.min(length, 100), buffer };
      }) as typeof handle.write;
    }
    return handle;
  });
  await expect(publishStaged(dir, set('new'), HELD)).rejects.toEqual(new Fatal('disk-full', { value: path.join(dir, 'bao-cao.xlsx') }));
  expect(read(dir)).toEqual(['old', 'old', 'old']);
  expect(debris(dir)).toEqual([]);
});

it('a run that lost its lock replaces nothing', async () => {
  const dir = await folder();
  const lost = new Fatal('lock-lost', { value: path.join(dir, '.lllweek.lock') });
  const gone: OutputLock = {
    verify: () => {
      throw lost;
    },
  };
  await expect(publishStaged(dir, set('new'), gone)).rejects.toBe(lost);
  expect(read(dir)).toEqual(['old', 'old', 'old']);
  expect(debris(dir)).toEqual([]);
});

it('a kill between the renames leaves the commit folder, and the next publish completes it before its own', async () => {
  const dir = await folder();
  const rename = fs.promises.rename.bind(fs.promises);
  let intoPlace = 0;
  // The process "dies" at the second rename into place: nothing after it runs.
  jest.spyOn(fs.promises, 'rename').mockImplementation(async (from, to) => {
    if (path.dirname(String(to)) === dir && !path.basename(String(to)).startsWith('.') && ++intoPlace === 2) throw new Error('killed');
    return rename(from, to);
  });
  await expect(publishStaged(dir, set('new'), HELD)).rejects.toThrow();
  jest.restoreAllMocks();
  expect(read(dir)).toEqual(['new', 'old', 'old']);
  expect(debris(dir)).toEqual([expect.stringMatching(/^\.lllweek-[0-9a-z]+\.commit$/)]);

  await recoverStaged(dir);
  expect(read(dir)).toEqual(['new', 'new', 'new']);
  expect(debris(dir)).toEqual([]);
  expect(fs.readFileSync(path.join(dir, 'so-lieu.xlsx'), 'utf8')).toBe('the clerk’s input');
});

it('a set killed while still being written is removed by the next publish; the previous set stays until then', async () => {
  const dir = await folder();
  const staging = path.join(dir, '.lllweek-0000000000aa.tmp');
  fs.mkdirSync(staging);
  fs.writeFileSync(path.join(staging, 'bao-cao.docx'), 'half');
  await recoverStaged(dir);
  expect(read(dir)).toEqual(['old', 'old', 'old']);
  expect(debris(dir)).toEqual([]);
});
