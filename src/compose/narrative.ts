import * as fs from 'node:fs';
import { marked } from 'marked';
import { matchKey } from '../text/normalize';

/** The office's own text for the sections the data cannot write, as HTML for the templates. */
export interface Narrative {
  direction: string | null;   // I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI
  assessment: string | null;  // IV. ĐÁNH GIÁ CHUNG
  proposals: string | null;   // V. ĐỀ XUẤT, KIẾN NGHỊ
}

const SECTIONS: { key: keyof Narrative; numeral: string }[] = [
  { key: 'direction', numeral: 'i' },
  { key: 'assessment', numeral: 'iv' },
  { key: 'proposals', numeral: 'v' },
];

export const NO_NARRATIVE: Narrative = { direction: null, assessment: null, proposals: null };

/**
 * `narrative.md` split at its `#`/`##` headings `I.`, `IV.`, `V.`. Raw HTML in it is shown as
 * text (escaped before Markdown), so the document model only ever sees Markdown's own tags.
 */
export function parseNarrative(markdown: string): Narrative {
  const out: Narrative = { ...NO_NARRATIVE };
  const parts = markdown.replace(/\r\n?/g, '\n').split(/^#{1,3}\s+(.*)$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const numeral = /^([ivx]+)\b/.exec(matchKey(parts[i]))?.[1];
    const section = SECTIONS.find((s) => s.numeral === numeral);
    const body = parts[i + 1].trim();
    if (section && body) out[section.key] = marked.parse(escapeHtml(body), { async: false, gfm: true }) as string;
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The narrative of the file (UTF-8 Markdown); none when there is no file. Throws the file system's error on an unreadable one. */
export function loadNarrative(file: string | undefined): Narrative {
  if (!file || !fs.existsSync(file)) return NO_NARRATIVE;
  return parseNarrative(fs.readFileSync(file, 'utf8'));
}
