import type { Lang } from '../catalog/lang';
import { issueText } from '../catalog/issues';
import { issueJson, type Issue } from '../records/issue';
import { CLI } from '../catalog/cli-messages';
import type { CheckResult } from '../validate/run';
import { terminalSafe } from './terminal';

/** Colours only for a terminal, and never with NO_COLOR (no-color.org). */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' } as const;

/** `validate`'s text output: grouped by file and sheet, one line per issue, a closing count line. */
export function formatIssuesText(result: CheckResult, lang: Lang, color: boolean): string {
  const out: string[] = [];
  let group = '';
  for (const i of result.issues) {
    const g = terminalSafe(i.sheet === null ? i.file : `${i.file} › ${i.sheet}`);
    if (g !== group) {
      if (group) out.push('');
      out.push(g);
      group = g;
    }
    out.push(`  ${where(i, lang).padEnd(9)} ${paint(i, lang, color)}  ${terminalSafe(issueText(i, lang))} [${i.code}]`);
  }
  if (out.length) out.push('');
  out.push(result.issues.length ? CLI.summary[lang](result.summary) : `${CLI.clean[lang]} ${CLI.summary[lang](result.summary)}`);
  return out.join('\n') + '\n';
}

function where(i: Issue, lang: Lang): string {
  if (i.cell) return i.cell;
  if (i.row !== null) return `${CLI.line[lang]} ${i.row}`;
  return '-';
}

function paint(i: Issue, lang: Lang, color: boolean): string {
  const word = CLI.severity[i.severity][lang].padEnd(9);
  return color ? `${COLORS[i.severity]}${word}\x1b[0m` : word;
}

/** Exactly the JSON document of inputs.md, the messages in `lang`. */
export function formatIssuesJson(result: CheckResult, lang: Lang): string {
  const doc = {
    valid: result.summary.errors === 0,
    summary: result.summary,
    tables: result.tables.map((t) => ({ file: t.file, sheet: t.sheet, kind: t.kind, headerRow: t.headerRow, rows: t.rows, encoding: t.encoding })),
    issues: result.issues.map((i) => issueJson(i, lang)),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
