/**
 * `rollup` killed (SIGKILL) at any moment: its output folder shows the previous run's three outputs
 * or the new run's three, never some of each (the hostile case `kill-between-renames.py`: 12 of 12
 * kills right after the first rename used to leave the new .docx beside the old .xlsx and
 * status.json); a file the user put in the folder is still there; and the next run, without
 * anyone's help, leaves the new set and nothing of the killed run behind.
 * Kills at chosen moments (the lock taken, the new generation made, half and fully written, the
 * pointer switched, the old generation removed; the first run over a previous version's plain
 * files; the python procedure of the case) and at random ones, 24 in all.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN } from '../helpers/cli';
import { start } from '../helpers/cli-async';
import { recoverSwitched } from '../../src/write/switched-set';
import { ROLLUP_OUTPUTS, ageLock, digests, provinceOffice, runBounded, tmpDir, whichSet } from './helpers';

jest.setTimeout(300_000);

const KILL_SCRIPT = '/work/shared/cases/hostile/kill-between-renames.py';
const USER_FILE = 'ghi-chu-cua-van-thu.txt';

let office: string;
let previous: string; // an output folder holding the old inbox's outputs, as this version writes them
let oldSet: string[];
let newSet: string[];
let newRunMs: number;

beforeAll(async () => {
  office = provinceOffice();
  previous = path.join(tmpDir(), 'tong-hop');
  const refNew = path.join(tmpDir(), 'tong-hop');
  const t0 = Date.now();
  const [a, b] = await Promise.all([
    runBounded(['rollup', 'hop-thu-cu', '--out', previous], office),
    runBounded(['rollup', 'hop-thu', '--out', refNew], office).then((r) => ((newRunMs = Date.now() - t0), r)),
  ]);
  expect([a.status, b.status]).toEqual([3, 3]);
  oldSet = digests(previous, ROLLUP_OUTPUTS);
  newSet = digests(refNew, ROLLUP_OUTPUTS);
  expect(oldSet).not.toContain('missing');
  expect(newSet.filter((d, i) => d === oldSet[i])).toEqual([]);
});

const meta = (out: string) => path.join(out, '.lllweek');
const pointer = (out: string) => {
  try {
    return fs.readlinkSync(path.join(meta(out), 'current'));
  } catch {
    return null;
  }
};
const generations = (out: string) => (fs.existsSync(meta(out)) ? fs.readdirSync(meta(out)).filter((n) => n.startsWith('gen-')) : []);
const newGeneration = (out: string, old: string | null) => generations(out).find((g) => g !== old) ?? null;
const filesIn = (out: string, gen: string | null) => (gen ? fs.readdirSync(path.join(meta(out), gen)).length : 0);

/** A fresh output folder holding the previous outputs: as links into a generation (this version) or as plain files (an older one). */
function prepared(layout: 'links' | 'plain'): string {
  const out = path.join(tmpDir(), 'tong-hop');
  if (layout === 'links') fs.cpSync(previous, out, { recursive: true, verbatimSymlinks: true });
  else {
    fs.mkdirSync(out);
    for (const f of ROLLUP_OUTPUTS) fs.copyFileSync(path.join(previous, f), path.join(out, f));
  }
  fs.writeFileSync(path.join(out, USER_FILE), 'ghi chú của văn thư\n');
  return out;
}

/** What the folder held before the run: the generation `current` named, the .docx's inode. */
interface Before {
  gen: string | null;
  docx: number;
}
type Moment = { ms: number } | { when: (out: string, before: Before) => boolean };

interface Trial {
  name: string;
  layout: 'links' | 'plain';
  moment: Moment;
}

const CHOSEN: Trial[] = [
  { name: 'the lock taken', layout: 'links', moment: { when: (o) => fs.existsSync(path.join(o, '.lllweek.lock')) } },
  { name: 'the new generation made', layout: 'links', moment: { when: (o, b) => newGeneration(o, b.gen) !== null } },
  { name: 'the first output written', layout: 'links', moment: { when: (o, b) => filesIn(o, newGeneration(o, b.gen)) >= 1 } },
  { name: 'every output written', layout: 'links', moment: { when: (o, b) => filesIn(o, newGeneration(o, b.gen)) === 3 } },
  { name: 'the pointer switched', layout: 'links', moment: { when: (o, b) => pointer(o) !== null && pointer(o) !== b.gen } },
  { name: 'the .docx changed (as kill-between-renames.py)', layout: 'links', moment: { when: (o, b) => fs.statSync(path.join(o, ROLLUP_OUTPUTS[0])).ino !== b.docx } },
  { name: 'the old generation removed', layout: 'links', moment: { when: (o, b) => !fs.existsSync(path.join(meta(o), b.gen ?? '-')) } },
  { name: 'plain files: adopted into a generation', layout: 'plain', moment: { when: (o) => pointer(o) !== null } },
  { name: 'plain files: the first replaced by a link', layout: 'plain', moment: { when: (o) => fs.lstatSync(path.join(o, ROLLUP_OUTPUTS[0])).isSymbolicLink() } },
  { name: 'plain files: the .docx changed', layout: 'plain', moment: { when: (o, b) => fs.statSync(path.join(o, ROLLUP_OUTPUTS[0])).ino !== b.docx } },
];

/** Random moments over a whole run's span (measured on this machine), both layouts. */
function randomTrials(n: number): Trial[] {
  return Array.from({ length: n }, (_, i) => {
    const ms = Math.round(50 + Math.random() * newRunMs * 0.9);
    return { name: `random, after ${ms} ms`, layout: i % 4 === 3 ? 'plain' : 'links', moment: { ms } };
  });
}

interface Outcome {
  trial: Trial;
  out: string;
  killed: boolean;
  seen: string;
}

async function killedRun(trial: Trial): Promise<Outcome> {
  const out = prepared(trial.layout);
  const before: Before = { gen: pointer(out), docx: fs.statSync(path.join(out, ROLLUP_OUTPUTS[0])).ino };
  const run = start(['rollup', 'hop-thu', '--out', out], { cwd: office, env: { LLLWEEK_TODAY: '2025-10-20' } });
  const kill = () => run.child.kill('SIGKILL');
  const { moment } = trial;
  let timer: NodeJS.Timeout;
  if ('ms' in moment) timer = setTimeout(kill, moment.ms);
  else
    timer = setInterval(() => {
      try {
        if (moment.when(out, before)) {
          kill();
          clearInterval(timer);
        }
      } catch {
        /* a folder switched while we looked: look again */
      }
    }, 1);
  const hang = setTimeout(kill, 30_000);
  const done = await run.done;
  clearTimeout(timer);
  clearInterval(timer);
  clearTimeout(hang);
  return { trial, out, killed: done.signal === 'SIGKILL', seen: whichSet(out, ROLLUP_OUTPUTS, oldSet, newSet) };
}

/** The python procedure of the hostile case, as its README gives it. */
function scriptRun(): Promise<Outcome> {
  const out = prepared('links');
  return new Promise((resolve) => {
    const p = spawn('python3', [KILL_SCRIPT, 'KILL', 'hop-thu', out, process.execPath, BIN], { cwd: office, env: { ...process.env, LLLWEEK_TODAY: '2025-10-20', LANG: 'C' } });
    let stdout = '';
    p.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    const hang = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.on('close', () => {
      clearTimeout(hang);
      const trial: Trial = { name: 'kill-between-renames.py', layout: 'links', moment: { ms: -1 } };
      resolve({ trial, out, killed: /^exit -9$/m.test(stdout), seen: whichSet(out, ROLLUP_OUTPUTS, oldSet, newSet) });
    });
  });
}

/** Runs the jobs two at a time (two cores). */
async function twoAtATime<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < jobs.length; i += 2) results.push(...(await Promise.all(jobs.slice(i, i + 2).map((j) => j()))));
  return results;
}

describe('rollup killed at any moment', () => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    const hasPython = fs.existsSync(KILL_SCRIPT);
    const trials = [...CHOSEN, ...randomTrials(12)];
    outcomes = await twoAtATime([...trials.map((t) => () => killedRun(t)), ...(hasPython ? [scriptRun, scriptRun] : [])]);
  });

  it('at least 20 runs were really killed mid-way (the others ended before their moment came)', () => {
    expect(outcomes.filter((o) => o.killed).length).toBeGreaterThanOrEqual(20);
  });

  it('after every kill the three outputs are all the previous run\'s or all the new run\'s', () => {
    expect(outcomes.map((o) => [o.trial.name, o.seen]).filter(([, seen]) => seen !== 'old' && seen !== 'new')).toEqual([]);
  });

  it('the kill-between-renames procedure (killed the moment the .docx changes) sees the new set whole', () => {
    const scripted = outcomes.filter((o) => o.trial.name === 'kill-between-renames.py');
    if (!scripted.length) {
      console.warn(`skipped: ${KILL_SCRIPT} is not on this machine`);
      return;
    }
    for (const o of scripted) expect([o.killed, o.seen]).toEqual([true, 'new']);
  });

  it('the file the user put in the output folder is never lost', () => {
    for (const o of outcomes) expect(fs.readFileSync(path.join(o.out, USER_FILE), 'utf8')).toBe('ghi chú của văn thư\n');
  });

  /** The folder holds the outputs (links through `current`), the user's file, one generation and nothing else (but the lock a killed run left). */
  const expectTidy = (out: string) => {
    expect(fs.readdirSync(out).filter((n) => n !== '.lllweek.lock').sort()).toEqual(['.lllweek', ...ROLLUP_OUTPUTS, USER_FILE].sort());
    expect(fs.readdirSync(meta(out)).sort()).toEqual([pointer(out), 'current'].sort());
    expect(fs.readdirSync(path.join(meta(out), pointer(out)!)).sort()).toEqual([...ROLLUP_OUTPUTS].sort());
    for (const f of ROLLUP_OUTPUTS) expect(fs.readlinkSync(path.join(out, f))).toBe(`.lllweek/current/${f}`);
  };

  it('what every kill left is cleared by the recovery a run starts with, and the set seen stays as it was', async () => {
    for (const o of outcomes) {
      await recoverSwitched(o.out);
      if (o.trial.layout === 'plain' && o.seen === 'old' && !fs.existsSync(meta(o.out))) continue; // killed before it touched anything
      expect({ name: o.trial.name, seen: whichSet(o.out, ROLLUP_OUTPUTS, oldSet, newSet) }).toEqual({ name: o.trial.name, seen: o.seen });
      if (pointer(o.out) !== null && ROLLUP_OUTPUTS.every((f) => fs.lstatSync(path.join(o.out, f)).isSymbolicLink())) expectTidy(o.out);
    }
  });

  it('the next run, once the killed run\'s lock is stale, leaves the new set and nothing of the killed run', async () => {
    const sample = ['the new generation made', 'every output written', 'the pointer switched', 'plain files: the first replaced by a link'];
    const again = await twoAtATime(
      outcomes
        .filter((o) => sample.includes(o.trial.name))
        .map((o) => async () => {
          ageLock(o.out);
          return { o, r: await runBounded(['rollup', 'hop-thu', '--out', o.out, '-q'], office) };
        }),
    );
    expect(again.length).toBe(sample.length);
    for (const { o, r } of again) {
      expect({ name: o.trial.name, status: r.status, timedOut: r.timedOut, stderr: r.stderr }).toEqual({ name: o.trial.name, status: 3, timedOut: false, stderr: '' });
      expect(whichSet(o.out, ROLLUP_OUTPUTS, oldSet, newSet)).toBe('new');
      expect(fs.existsSync(path.join(o.out, '.lllweek.lock'))).toBe(false);
      expectTidy(o.out);
    }
  });
});
