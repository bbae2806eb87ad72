import type { Lang } from '../catalog/messages';
import type { CheckSettings } from '../validate/check-state';
import type { Issue } from '../validate/issue';
import type { Unit } from '../records/records';
import { unitsUnder } from '../validate/units';
import { reportingRoot } from '../compose/report-settings';
import type { UnitStatus } from '../render/workbook-input';
import { collectFiles, type Collected } from './collect';
import { submissionTime } from './submission-time';

export interface Submission {
  file: string;
  /** The unit the submission reports for: the lowest unit all its rows sit under. */
  unit: string | null;
  time: string;
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

/** Is `code` the unit or below it in the list? */
function covers(units: Map<string, Unit>, top: string, code: string): boolean {
  const seen = new Set<string>();
  for (let c: string | undefined = code; c && !seen.has(c); c = units.get(c)?.parent ?? undefined) {
    if (c === top) return true;
    seen.add(c);
  }
  return false;
}

/**
 * Every file of the inbox is one submission, checked on its own: one with errors is rejected
 * whole; of two for the same unit the newer wins; units of the list that nothing covers are missing.
 */
export async function rollup(files: string[], settings: CheckSettings, opts: { root: string | null; deadline: string; lang: Lang }): Promise<RollupResult> {
  const units = new Map((settings.units ?? []).map((u) => [u.code, u]));
  const subs: Submission[] = [];
  for (const file of files) {
    const collected = await collectFiles([file], settings, opts.lang);
    for (const [code, u] of collected.units) if (!units.has(code)) units.set(code, u);
    const { time } = await submissionTime(file);
    subs.push({
      file,
      unit: reportingRoot(codesOf(collected), units),
      time,
      late: isLate(time, opts.deadline),
      state: collected.check.summary.errors > 0 ? 'rejected' : 'accepted',
      supersededBy: null,
      collected,
    });
  }

  // Newest first: each unit's data comes from the newest accepted submission that carries it
  // (whatever level it was sent from: a school's own form or its ward's output workbook). An older
  // submission all of whose units a newer accepted one carries is superseded, a rejected one too (it
  // was fixed by a resend); an older accepted one that shares only some units keeps the others.
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

  const accepted = subs.filter((s) => s.state === 'accepted');
  const rejected = byTime.filter((s) => s.state === 'rejected');
  const root = opts.root ?? reportingRoot(subs.map((s) => s.unit).filter((u): u is string => u !== null), units);
  const expected = root ? unitsUnder(units, root) : [];
  const standing = [...new Set(byTime.filter((s) => s.state === 'accepted' && s.unit !== null).map((s) => s.unit!))];
  const expectedList = expected.length ? expected : standing.map((c) => units.get(c) ?? { code: c, name: c, kind: null, parent: null });

  const statuses = expectedList.map((u) => {
    const own = (ss: Submission[]) => ss.filter((s) => s.unit !== null && covers(units, s.unit, u.code));
    // the submission its own data came from, else the newest accepted one sent for a unit above it
    const ok = (carriedBy.get(u.code)?.state === 'accepted' ? carriedBy.get(u.code) : undefined) ?? own(byTime.filter((s) => s.state === 'accepted'))[0];
    const bad = own(rejected);
    const used = ok ?? bad[0] ?? null;
    // a rejected submission is the unit's to fix, even when an older accepted one still stands
    const issueList = bad.flatMap((s) => s.collected.check.issues.filter((i) => i.severity === 'error'));
    return {
      code: u.code,
      name: u.name,
      status: ok ? ('submitted' as const) : bad.length ? ('rejected' as const) : ('missing' as const),
      file: used?.file ?? null,
      time: used?.time ?? null,
      late: used?.late ?? false,
      issues: issueList.length,
      issueList,
      superseded: subs.filter((s) => s.state === 'superseded' && s.unit !== null && covers(units, s.unit, u.code)).map((s) => s.file),
    };
  });

  const merged: Collected = {
    check: {
      files: accepted.map((s) => s.file),
      tables: accepted.flatMap((s) => s.collected.check.tables),
      issues: subs.filter((s) => s.state === 'rejected').flatMap((s) => s.collected.check.issues),
      summary: { errors: 0, warnings: 0, infos: 0, tables: 0, rows: 0 },
      year: settings.year ?? accepted.map((s) => s.collected.check.year).find((y) => y !== null) ?? null,
    },
    activities: accepted.flatMap((s) => s.collected.activities),
    tallies: accepted.flatMap((s) => s.collected.tallies),
    units,
  };
  const count = (st: string) => statuses.filter((s) => s.status === st).length;
  const submitted = count('submitted');
  return {
    root,
    submissions: subs,
    units: statuses,
    merged,
    totals: {
      expected: statuses.length,
      submitted,
      onTime: statuses.filter((s) => s.status === 'submitted' && !s.late).length,
      late: statuses.filter((s) => s.status === 'submitted' && s.late).length,
      rejected: count('rejected'),
      missing: count('missing'),
      rate: statuses.length ? submitted / statuses.length : null,
    },
  };
}
