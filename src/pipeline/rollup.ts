import { settingsForYear, type Settings } from '../config/settings';
import type { Issue } from '../records/issue';
import type { Unit } from '../records/records';
import { UnitTree } from '../records/unit-tree';
import type { UnitStatus } from '../render/workbook-input';
import { collectFiles, type Collected } from './collect';
import { submissionTime } from './submission-time';

export interface Submission {
  file: string;
  /** The unit the submission reports for: the lowest unit all its rows sit under. */
  unit: string | null;
  time: string;
  /** Judged against the deadline of the week's year (config/settings.ts), once the data's year is known. */
  late: boolean;
  state: 'accepted' | 'rejected' | 'superseded';
  supersededBy: string | null;
  collected: Collected;
}

export interface RollupResult {
  root: string | null;
  submissions: Submission[];
  units: (UnitStatus & { issueList: Issue[] })[];
  /** The accepted submissions' records together, as if one input. */
  merged: Collected;
  totals: { expected: number; submitted: number; onTime: number; late: number; rejected: number; missing: number; rate: number | null };
}

/** After the deadline day ends in Vietnam (UTC+7), a submission is late. */
function isLate(time: string, deadline: string): boolean {
  return Date.parse(time) > Date.parse(`${deadline}T23:59:59.999+07:00`);
}

function codesOf(c: Collected): string[] {
  return [...new Set([...c.activities.map((a) => a.unit), ...c.tallies.map((t) => t.unit)])];
}

/** Each file of the inbox checked on its own; the units lists the files carry join `units`. */
async function readSubmissions(files: string[], settings: Settings, units: Map<string, Unit>, tree: UnitTree): Promise<Submission[]> {
  const subs: Submission[] = [];
  for (const file of files) {
    const collected = await collectFiles([file], settings);
    for (const [code, u] of collected.units) if (!units.has(code)) units.set(code, u);
    const { time } = await submissionTime(file);
    subs.push({
      file,
      unit: tree.commonAncestor(codesOf(collected)),
      time,
      late: false,
      state: collected.check.summary.errors > 0 ? 'rejected' : 'accepted',
      supersededBy: null,
      collected,
    });
  }
  return subs;
}

/**
 * Newest first: each unit's data comes from the newest accepted submission that carries it
 * (whatever level it was sent from: a school's own form or its ward's output workbook). An older
 * submission all of whose units a newer accepted one carries is superseded, a rejected one too (it
 * was fixed by a resend); an older accepted one that shares only some units keeps the others.
 * Answers the submissions newest first and which one carries each unit.
 */
function supersede(subs: Submission[]): { byTime: Submission[]; carriedBy: Map<string, Submission> } {
  const newestFirst = (a: Submission, b: Submission) => Date.parse(b.time) - Date.parse(a.time) || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0);
  const byTime = [...subs].sort(newestFirst);
  const carriedBy = new Map<string, Submission>();
  for (const s of byTime) {
    const codes = codesOf(s.collected);
    if (codes.length === 0) continue;
    const taken = codes.filter((c) => carriedBy.has(c));
    if (taken.length === codes.length) {
      s.state = 'superseded';
      s.supersededBy = carriedBy.get(taken[0])!.file;
      continue;
    }
    if (s.state !== 'accepted') continue;
    if (taken.length > 0) {
      const keep = (r: { unit: string }) => !taken.includes(r.unit);
      s.collected = { ...s.collected, activities: s.collected.activities.filter(keep), tallies: s.collected.tallies.filter(keep) };
    }
    for (const c of codes) if (!carriedBy.has(c)) carriedBy.set(c, s);
  }
  return { byTime, carriedBy };
}

type UnitStanding = RollupResult['units'][number];

/** Where one expected unit stands: the submission its data came from, else one sent for a unit above it; rejected ones it must fix. */
function standingOf(u: Unit, tree: UnitTree, subs: Submission[], order: ReturnType<typeof supersede>): UnitStanding {
  const { byTime, carriedBy } = order;
  const own = (ss: Submission[]) => ss.filter((s) => s.unit !== null && tree.isUnder(u.code, s.unit));
  // the submission its own data came from, else the newest accepted one sent for a unit above it
  const ok = (carriedBy.get(u.code)?.state === 'accepted' ? carriedBy.get(u.code) : undefined) ?? own(byTime.filter((s) => s.state === 'accepted'))[0];
  const bad = own(byTime.filter((s) => s.state === 'rejected'));
  const used = ok ?? bad[0] ?? null;
  // a rejected submission is the unit's to fix, even when an older accepted one still stands
  const issueList = bad.flatMap((s) => s.collected.check.issues.filter((i) => i.severity === 'error'));
  return {
    code: u.code,
    name: u.name,
    status: ok ? 'submitted' : bad.length ? 'rejected' : 'missing',
    file: used?.file ?? null,
    time: used?.time ?? null,
    late: used?.late ?? false,
    issues: issueList.length,
    issueList,
    superseded: subs.filter((s) => s.state === 'superseded' && s.unit !== null && tree.isUnder(u.code, s.unit)).map((s) => s.file),
  };
}

function totalsOf(statuses: UnitStanding[]): RollupResult['totals'] {
  const count = (f: (s: UnitStanding) => boolean) => statuses.filter(f).length;
  const submitted = count((s) => s.status === 'submitted');
  return {
    expected: statuses.length,
    submitted,
    onTime: count((s) => s.status === 'submitted' && !s.late),
    late: count((s) => s.status === 'submitted' && s.late),
    rejected: count((s) => s.status === 'rejected'),
    missing: count((s) => s.status === 'missing'),
    rate: statuses.length ? submitted / statuses.length : null,
  };
}

/**
 * Every file of the inbox is one submission, checked on its own: one with errors is rejected
 * whole; of two for the same unit the newer wins; units of the list that nothing covers are
 * missing; one made after the deadline of the week's year (config/settings.ts) is late.
 */
export async function rollup(files: string[], settings: Settings, opts: { root: string | null }): Promise<RollupResult> {
  const units = new Map((settings.units ?? []).map((u) => [u.code, u]));
  // Read upward while the submissions add their units lists to it; first read downward once they all have.
  const tree = new UnitTree(units);
  const subs = await readSubmissions(files, settings, units, tree);
  const order = supersede(subs);
  const accepted = subs.filter((s) => s.state === 'accepted');
  // Lateness waits for the week's year: the config's, else the data's (never the clock's).
  const year = settings.year ?? accepted.map((s) => s.collected.check.year).find((y) => y !== null) ?? null;
  const { deadline } = settingsForYear(settings, year);
  for (const s of subs) s.late = isLate(s.time, deadline);

  const root = opts.root ?? tree.commonAncestor(subs.map((s) => s.unit).filter((u): u is string => u !== null));
  const expected = root ? tree.descendants(root) : [];
  const standing = [...new Set(order.byTime.filter((s) => s.state === 'accepted' && s.unit !== null).map((s) => s.unit!))];
  const expectedList = expected.length ? expected : standing.map((c) => units.get(c) ?? { code: c, name: c, kind: null, parent: null });
  const statuses = expectedList.map((u) => standingOf(u, tree, subs, order));

  const merged: Collected = {
    check: {
      files: accepted.map((s) => s.file),
      tables: accepted.flatMap((s) => s.collected.check.tables),
      issues: subs.filter((s) => s.state === 'rejected').flatMap((s) => s.collected.check.issues),
      summary: { errors: 0, warnings: 0, infos: 0, tables: 0, rows: 0 },
      year,
    },
    activities: accepted.flatMap((s) => s.collected.activities),
    tallies: accepted.flatMap((s) => s.collected.tallies),
    units,
  };
  return { root, submissions: subs, units: statuses, merged, totals: totalsOf(statuses) };
}
