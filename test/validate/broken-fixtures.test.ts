import * as fs from 'node:fs';
import * as path from 'node:path';
import { ISSUES, issueText } from '../../src/catalog/issues';
import { FIXTURES, lllweek, expectNoStack } from '../helpers/cli';
import { loadConfig } from '../../src/config/load';
import { resolveSettings } from '../../src/config/settings';
import { loadUnitsList } from '../../src/validate/units-list';
import { checkFiles } from '../../src/validate/run';
import type { Issue } from '../../src/records/issue';

/** Each broken fixture plants known problems at known cells; EXPECTED.json lists them all. */
interface Expected {
  file: string;
  code: string;
  severity: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
}

const DIR = path.join(FIXTURES, 'broken');
const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(DIR, 'EXPECTED.json'), 'utf8'));
const files = [...new Set(expected.map((e) => e.file))].sort();
const key = (i: Expected) => JSON.stringify([i.code, i.severity, i.sheet, i.row, i.column, i.cell]);

describe('every issue code of the contract', () => {
  it('is planted in a broken fixture (whose issues below are worded in both languages)', () => {
    const planted = new Set(expected.map((e) => e.code));
    for (const code of Object.keys(ISSUES)) expect(planted).toContain(code);
  });
});

describe.each(files)('validate %s', (file) => {
  const want = expected.filter((e) => e.file === file);
  // English through the CLI as a script runs it; Vietnamese in-process, to keep the suite quick.
  const runs = { en: lllweek(['validate', file, '--format', 'json'], { cwd: DIR }) };
  let vi: Issue[] = [];
  beforeAll(async () => {
    const loaded = loadConfig(path.join(DIR, 'lllweek.yaml'));
    const settings = resolveSettings(loaded.config, await loadUnitsList(loaded.config.units, loaded.dir));
    const drop = { activity: () => undefined, tally: () => undefined, unit: () => undefined };
    vi = (await checkFiles([path.join(DIR, file)], settings, drop)).issues;
  });

  it('reports exactly the planted issues, with their code, severity, sheet, row, column and cell', () => {
    const doc = JSON.parse(runs.en.stdout);
    const got = doc.issues.map((i: Expected) => key(i)).sort();
    expect(got).toEqual(want.map(key).sort());
    for (const i of doc.issues) {
      expect(i.file).toBe(file);
      expect(i.severity).toBe(ISSUES[i.code as keyof typeof ISSUES].severity);
      expect(typeof i.message).toBe('string');
      expect(i.message.length).toBeGreaterThan(10);
    }
  });

  it('exits 1 on errors, 0 otherwise, and never shows a stack', () => {
    const hasError = want.some((e) => e.severity === 'error');
    expect(runs.en.status).toBe(hasError ? 1 : 0);
    expectNoStack(runs.en);
  });

  it('keeps the codes and changes the words with the language', () => {
    const en = JSON.parse(runs.en.stdout).issues;
    expect(vi.map((i) => i.code)).toEqual(en.map((i: Expected) => i.code));
    const words = vi.map((i) => issueText(i, 'vi'));
    for (const w of words) expect(w).not.toMatch(/\bundefined\b|\[object Object\]/);
    const differs = en.some((i: { message: string }, n: number) => i.message !== words[n]);
    expect(differs).toBe(true);
  });
});
