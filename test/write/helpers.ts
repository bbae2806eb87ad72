/**
 * Shared by the output tests: an office folder with two inboxes (a previous and a newer state of
 * the same inbox), a CLI run that must end in seconds, the digest of a set of outputs, a small
 * tmpfs where the machine lets us mount one.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from '../helpers/cli';
import { start, type Done } from '../helpers/cli-async';
import { tmpDir } from '../security/helpers';

export { tmpDir };

const SLUG = 'bao-cao-tuan-le-hoc-tap-suot-doi-2025-sgddt';
export const ROLLUP_OUTPUTS = [`${SLUG}.docx`, `${SLUG}.xlsx`, 'status.json'];
/** The name `report` gives the commune fixture's files (fixtures/commune). */
export const COMMUNE_SLUG = 'bao-cao-tuan-le-hoc-tap-suot-doi-2025-ubnd-phuong-mong-cai-1';
const XA = path.join(FIXTURES, 'province', 'xa');
const ON_TIME = new Date('2025-10-12T08:00:00+07:00');

const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts.splice(0)) {
    spawnSync('umount', ['-l', m]);
    fs.rmSync(m, { recursive: true, force: true });
  }
});

/**
 * A Sở's folder: its config and units list (the province fixture's), `hop-thu-cu/` (two communes'
 * submissions: the previous state) and `hop-thu/` (those and a third: the newer state).
 */
export function provinceOffice(): string {
  const dir = tmpDir('lllweek-office-');
  fs.copyFileSync(path.join(FIXTURES, 'province', 'lllweek.yaml'), path.join(dir, 'lllweek.yaml'));
  fs.copyFileSync(path.join(FIXTURES, 'province', 'units.csv'), path.join(dir, 'units.csv'));
  for (const [inbox, codes] of [['hop-thu-cu', ['QN-HHO', 'QN-QHA']], ['hop-thu', ['QN-HHO', 'QN-QHA', 'QN-TYE']]] as const) {
    fs.mkdirSync(path.join(dir, inbox));
    for (const c of codes) {
      const f = path.join(dir, inbox, `${c}.xlsx`);
      fs.copyFileSync(path.join(XA, `${c}.xlsx`), f);
      fs.utimesSync(f, ON_TIME, ON_TIME);
    }
  }
  return dir;
}

export interface Bounded extends Done {
  /** The run had to be killed for taking longer than allowed. */
  timedOut: boolean;
}

/** The built CLI, killed (and marked so) should it not end within `seconds`: a hang fails the test, it does not stall it. */
export async function runBounded(args: string[], cwd: string, seconds = 30, env: Record<string, string> = {}): Promise<Bounded> {
  const run = start(args, { cwd, env: { LLLWEEK_TODAY: '2025-10-20', ...env } });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    run.child.kill('SIGKILL');
  }, seconds * 1000);
  const done = await run.done;
  clearTimeout(timer);
  return { ...done, timedOut };
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The digests of `names` read in `dir` (through links), or `missing`. */
export function digests(dir: string, names: readonly string[]): string[] {
  return names.map((n) => (fs.existsSync(path.join(dir, n)) ? sha256(path.join(dir, n)) : 'missing'));
}

/**
 * Which run's outputs `dir` shows: 'old' or 'new' when every one of `names` is that run's,
 * else the list of what each one is (a mix, or something else).
 */
export function whichSet(dir: string, names: readonly string[], old: string[], now: string[]): string {
  const d = digests(dir, names);
  if (d.every((x, i) => x === old[i])) return 'old';
  if (d.every((x, i) => x === now[i])) return 'new';
  return d.map((x, i) => `${names[i]}: ${x === old[i] ? 'old' : x === now[i] ? 'new' : x}`).join(', ');
}

/**
 * A fresh tmpfs of `megabytes` mounted on a new folder, or null (with the reason) where this
 * machine does not let us mount one (not root, a container without the right).
 */
export function mountTmpfs(megabytes: number): { dir: string } | { skip: string } {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return { skip: 'mounting a tmpfs needs root on Linux' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-tmpfs-'));
  mounts.push(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `mount -t tmpfs failed: ${(r.stderr || String(r.error)).trim()}` };
  return { dir };
}

/** Remounts a tmpfs made by mountTmpfs read-only (a share turned read-only under a scheduled job). */
export function remountReadOnly(dir: string): void {
  const r = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`remount ro failed: ${r.stderr}`);
}

/** Fills the file system of `dir` up, then frees `leaveBytes`: the next large write runs out of space part-way. */
export function fillDisk(dir: string, leaveBytes: number): void {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
  fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - leaveBytes));
}

/** Ages a lock a killed run left, as the minute that makes it stale would (proper-lockfile judges by its mtime). */
export function ageLock(outDir: string): void {
  const lock = path.join(outDir, '.lllweek.lock');
  if (!fs.existsSync(lock)) return;
  const old = new Date(Date.now() - 5 * 60_000);
  fs.utimesSync(lock, old, old);
}
