/**
 * `report` killed (SIGKILL) at any moment, writing into the folder of its inputs (its default
 * `--out .`): a reader never finds a partial file; the outputs are all the previous run's or all
 * the new run's, except during the last few renames, which leave a commit folder saying so; the
 * next run completes it first, and what it leaves is the new set and the clerk's files, nothing
 * else. (Plain files in a folder the clerk owns cannot be switched by one link as `rollup`'s are:
 * README, "Outputs".)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from '../helpers/cli';
import { start } from '../helpers/cli-async';
import { recoverStaged } from '../../src/write/staged-set';
import { COMMUNE_SLUG, ageLock, digests, runBounded, tmpDir, whichSet } from './helpers';

jest.setTimeout(180_000);

const OUTPUTS = [`${COMMUNE_SLUG}.docx`, `${COMMUNE_SLUG}.xlsx`, `${COMMUNE_SLUG}.html`];
const ARGS = ['report', 'bao-cao-phuong-mong-cai-1.xlsx', '--format', 'docx,xlsx,html', '-q'];
const INPUTS = fs.readdirSync(path.join(FIXTURES, 'commune'));

let template: string; // the commune's folder after a first run: its inputs and the previous outputs
let oldSet: string[];
let newSet: string[];
let runMs: number;

/** A copy of the commune's folder whose config now numbers the report 06 (the new run's outputs differ in every file). */
function renumbered(from: string): string {
  const dir = tmpDir('lllweek-report-');
  fs.cpSync(from, dir, { recursive: true });
  const yaml = path.join(dir, 'lllweek.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace(/^number: 5$/m, 'number: 6'));
  return dir;
}

beforeAll(async () => {
  template = tmpDir('lllweek-report-');
  fs.cpSync(path.join(FIXTURES, 'commune'), template, { recursive: true });
  const first = await runBounded(ARGS, template);
  expect(first.status).toBe(0);
  oldSet = digests(template, OUTPUTS);
  const ref = renumbered(path.join(FIXTURES, 'commune'));
  const t0 = Date.now();
  expect((await runBounded(ARGS, ref)).status).toBe(0);
  runMs = Date.now() - t0;
  newSet = digests(ref, OUTPUTS);
  expect(newSet.filter((d, i) => d === oldSet[i])).toEqual([]);
});

const stages = (dir: string) => fs.readdirSync(dir).filter((n) => /^\.lllweek-.*\.(tmp|commit)$/.test(n));

type Moment = { ms: number } | { when: (dir: string) => boolean };
/** Chosen moments, and random ones over a whole run's span (measured on this machine). */
const moments = (): [string, Moment][] => [
  ['the lock taken', { when: (d) => fs.existsSync(path.join(d, '.lllweek.lock')) }],
  ['the set being written', { when: (d) => stages(d).some((n) => n.endsWith('.tmp')) }],
  ['the set committed', { when: (d) => stages(d).some((n) => n.endsWith('.commit')) }],
  ['the set committed (again)', { when: (d) => stages(d).some((n) => n.endsWith('.commit')) }],
  ...Array.from({ length: 8 }, (_, i): [string, Moment] => {
    const ms = Math.round(100 + ((i + Math.random()) / 8) * runMs);
    return [`random, after ${ms} ms`, { ms }];
  }),
];

interface Outcome {
  name: string;
  dir: string;
  killed: boolean;
  committed: boolean;
  seen: string;
}

async function killedRun([name, moment]: [string, Moment]): Promise<Outcome> {
  const dir = renumbered(template);
  const run = start(ARGS, { cwd: dir });
  const kill = () => run.child.kill('SIGKILL');
  const timer =
    'ms' in moment
      ? setTimeout(kill, moment.ms)
      : setInterval(() => {
          if (moment.when(dir)) {
            kill();
            clearInterval(timer);
          }
        }, 1);
  const hang = setTimeout(kill, 30_000);
  const done = await run.done;
  clearInterval(timer);
  clearTimeout(hang);
  return { name, dir, killed: done.signal === 'SIGKILL', committed: stages(dir).some((n) => n.endsWith('.commit')), seen: whichSet(dir, OUTPUTS, oldSet, newSet) };
}

describe('report killed at any moment', () => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    outcomes = [];
    const all = moments();
    for (let i = 0; i < all.length; i += 2) outcomes.push(...(await Promise.all(all.slice(i, i + 2).map(killedRun))));
  });

  it('at least 10 runs were really killed mid-way', () => {
    expect(outcomes.filter((o) => o.killed).length).toBeGreaterThanOrEqual(10);
  });

  it('every output is whole, and the set is all old or all new unless a commit folder says it is being completed', () => {
    for (const o of outcomes) {
      const each = digests(o.dir, OUTPUTS).map((d, i) => (d === oldSet[i] ? 'old' : d === newSet[i] ? 'new' : d));
      expect({ name: o.name, each: each.filter((x) => x !== 'old' && x !== 'new') }).toEqual({ name: o.name, each: [] });
      if (!o.committed) expect({ name: o.name, seen: o.seen }).toEqual({ name: o.name, seen: expect.stringMatching(/^(old|new)$/) });
    }
  });

  it('the recovery the next publish starts with completes a committed set, drops an unfinished one, and touches nothing else', async () => {
    for (const o of outcomes) {
      await recoverStaged(o.dir);
      expect({ name: o.name, seen: whichSet(o.dir, OUTPUTS, oldSet, newSet) }).toEqual({ name: o.name, seen: o.committed ? 'new' : o.seen });
      expect(fs.readdirSync(o.dir).filter((n) => n !== '.lllweek.lock').sort()).toEqual([...INPUTS, ...OUTPUTS].sort());
    }
  });

  it('the next run, once the lock is stale, writes the new set and leaves nothing else', async () => {
    const o = outcomes.find((x) => x.name === 'the set being written')!;
    ageLock(o.dir);
    const r = await runBounded(ARGS, o.dir);
    expect([r.status, r.timedOut, r.stderr]).toEqual([0, false, '']);
    expect(whichSet(o.dir, OUTPUTS, oldSet, newSet)).toBe('new');
    expect(fs.readdirSync(o.dir).sort()).toEqual([...INPUTS, ...OUTPUTS].sort());
  });
});
