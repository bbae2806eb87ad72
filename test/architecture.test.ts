/**
 * The shape of src/, read from its imports: one folder per stage in data-flow order, support
 * folders beneath them, no import cycle, no stage importing a later one, no source file too long
 * to read in one sitting. Exceptions are listed below, each with its reason; an exception that
 * no longer occurs fails too, so the lists only shrink.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');

/** The stages, in the order the data flows through them: each may import only those before it. */
const STAGES = ['read', 'validate', 'aggregate', 'compose', 'document', 'render', 'write'];
/** Support folders (and src/fatal.ts): they import nothing but each other. */
const SUPPORT = ['catalog', 'text', 'records', 'config', 'fatal.ts'];
/** Joiners: pipeline/ joins stages, cli/ is the shell over everything. */
const JOINERS = ['pipeline', 'cli'];

const MAX_LINES = 400;

/** Files allowed over MAX_LINES, and why. */
const LONG_FILES: Record<string, string> = {};

/**
 * Imports against the layering that are known and owned elsewhere, to be removed at merge: `from`
 * file → imported file, and why it stands for now.
 */
const KNOWN_UPWARD: Record<string, string> = {
  'render/docx/index.ts -> write/zip-normalize.ts': 'the renderers zip their own packages (on the render worker) with write/’s deterministic zip: to move to a support folder at merge with the write/ branch',
  'render/xlsx/workbook.ts -> write/zip-normalize.ts': 'as render/docx/index.ts',
};

/** Import cycles known and owned elsewhere: the files of each, sorted, joined by ' ~ '. */
const KNOWN_CYCLES: Record<string, string> = {
};

type Graph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier a file names: import/export … from, import(), require(), `typeof import()`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s+'([^']+)'/g, /\bimport\s+'([^']+)'/g, /\bimport\(\s*'([^']+)'\s*\)/g, /\brequire\(\s*'([^']+)'\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** A relative specifier as a file of src/ (relative to src/, `/`-separated), or null for a package or a file outside. */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(f) && fs.statSync(f).isFile() && f.endsWith('.ts')) return path.relative(SRC, f).split(path.sep).join('/');
  }
  return null; // a compiled file (builtin-templates.js) or package.json: not a source module
}

function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    const deps = specifiers(fs.readFileSync(file, 'utf8')).map((s) => resolve(file, s)).filter((d): d is string => d !== null && d !== rel);
    graph.set(rel, [...new Set(deps)].sort());
  }
  return graph;
}

/** The strongly connected components of more than one file (Tarjan). */
function cycles(graph: Graph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) visit(v);
  return out;
}

/** The folder a file belongs to (its first path segment; fatal.ts stands for itself). */
const folderOf = (file: string) => file.split('/')[0];

/** Whether `from` may import `to` under the layering. */
function allowed(from: string, to: string): boolean {
  const [a, b] = [folderOf(from), folderOf(to)];
  if (a === b || folderOf(from) === 'cli') return true;
  if (SUPPORT.includes(b)) return true;
  if (SUPPORT.includes(a)) return false;
  if (a === 'pipeline') return b !== 'cli';
  const [ra, rb] = [STAGES.indexOf(a), STAGES.indexOf(b)];
  return ra >= 0 && rb >= 0 && rb < ra;
}

const graph = importGraph();

test('every folder of src/ is a stage, a support folder or a joiner', () => {
  const known = new Set([...STAGES, ...SUPPORT, ...JOINERS]);
  expect([...new Set([...graph.keys()].map(folderOf))].filter((f) => !known.has(f))).toEqual([]);
});

test('no import cycle', () => {
  const found = cycles(graph).map((c) => c.join(' ~ '));
  expect(found.filter((c) => !(c in KNOWN_CYCLES))).toEqual([]);
  expect(Object.keys(KNOWN_CYCLES).filter((c) => !found.includes(c))).toEqual([]);
});

test('no stage imports a later stage, a joiner, or a support folder a stage', () => {
  const found: string[] = [];
  for (const [from, deps] of graph) for (const to of deps) if (!allowed(from, to)) found.push(`${from} -> ${to}`);
  expect(found.filter((f) => !(f in KNOWN_UPWARD))).toEqual([]);
  expect(Object.keys(KNOWN_UPWARD).filter((k) => !found.includes(k))).toEqual([]);
});

test(`no source file over ${MAX_LINES} lines`, () => {
  const long = [...graph.keys()]
    .map((f) => [f, fs.readFileSync(path.join(SRC, f), 'utf8').split('\n').length - 1] as const)
    .filter(([, n]) => n > MAX_LINES)
    .map(([f, n]) => `${f} (${n})`);
  expect(long.filter((l) => !(l.replace(/ \(\d+\)$/, '') in LONG_FILES))).toEqual([]);
  expect(Object.keys(LONG_FILES).filter((f) => !long.some((l) => l.startsWith(`${f} `)))).toEqual([]);
});

test('the checks see what they should: a cycle, an upward import and a relative path are found', () => {
  const g: Graph = new Map([
    ['read/a.ts', ['validate/b.ts']],
    ['validate/b.ts', ['read/a.ts']],
    ['catalog/c.ts', []],
  ]);
  expect(cycles(g)).toEqual([['read/a.ts', 'validate/b.ts']]);
  expect(allowed('read/a.ts', 'validate/b.ts')).toBe(false);
  expect(allowed('validate/b.ts', 'read/a.ts')).toBe(true);
  expect(allowed('catalog/c.ts', 'read/a.ts')).toBe(false);
  expect(allowed('render/x.ts', 'catalog/c.ts')).toBe(true);
  expect(allowed('pipeline/p.ts', 'write/w.ts')).toBe(true);
  expect(allowed('render/x.ts', 'pipeline/p.ts')).toBe(false);
  expect(specifiers(`import a from './a';\nimport type { B } from '../b';\nconst c = require('./c') as typeof import('./c');\nexport { d } from './d';`)).toEqual(
    ['./a', '../b', './d', './c', './c'],
  );
  expect(graph.get('pipeline/report.ts')).toContain('compose/chart-plan.ts');
});
