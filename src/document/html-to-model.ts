import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Align, Block, DocumentModel, HeaderBlock, ParagraphRole, Run, SignatureBlock, Table, TableCell } from './types';

/**
 * The small, safe HTML subset templates write, turned into the document model. Anything outside
 * the subset is dropped (its text kept where it has any): a template cannot inject what a
 * renderer does not know.
 */
const ROLES: ParagraphRole[] = ['body', 'title', 'subject', 'basis', 'placeholder', 'caption', 'note'];
const ALIGNS: Align[] = ['left', 'center', 'right', 'justify'];

/** HTML's white space: not the no-break space, which templates use on purpose. */
const WS = /[ \t\r\n\f]+/g;

const isEl = (n: ChildNode): n is Element => n.type === 'tag';
const classes = (el: Element) => (el.attribs.class ?? '').split(/\s+/).filter(Boolean);
const children = (el: Element) => el.children.filter(isEl);

/** Collapse template white space the way a browser does; `<br>` survives as a break run. */
function runsOf(nodes: ChildNode[], style: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const out: Run[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const text = n.data.replace(WS, ' ');
      if (text) out.push({ text, ...style });
    } else if (isEl(n)) {
      const tag = n.name;
      if (tag === 'br') out.push({ text: '', break: true });
      else if (tag === 'b' || tag === 'strong') out.push(...runsOf(n.children, { ...style, bold: true }));
      else if (tag === 'i' || tag === 'em') out.push(...runsOf(n.children, { ...style, italic: true }));
      else out.push(...runsOf(n.children, style));
    }
  }
  return out;
}

/** Trim the white space templates leave at the edges of a paragraph, and merge runs of one style. */
function tidy(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && !last.break && !r.break && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.text += r.text;
    else merged.push({ ...r });
  }
  if (merged.length && !merged[0].break) merged[0].text = merged[0].text.replace(/^[ \t\r\n\f]+/, '');
  const end = merged[merged.length - 1];
  if (end && !end.break) end.text = end.text.replace(/[ \t\r\n\f]+$/, '');
  return merged.filter((r) => r.break || r.text !== '');
}

const textOf = (el: Element) => tidy(runsOf(el.children)).map((r) => r.text).join('');

function paragraph(el: Element): Block {
  const cls = classes(el);
  const role = (ROLES.find((r) => cls.includes(r)) ?? 'body') as ParagraphRole;
  const align = ALIGNS.find((a) => cls.includes(a));
  return { type: 'paragraph', role, ...(align ? { align } : {}), runs: tidy(runsOf(el.children)) };
}

function cell(el: Element): TableCell {
  const cls = classes(el);
  const raw = el.attribs['data-value'];
  const value = raw !== undefined && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  const numeric = cls.includes('num') || cls.includes('pct');
  const c: TableCell = { runs: tidy(runsOf(el.children)) };
  if (numeric) c.numeric = true;
  if (value !== undefined) c.value = value;
  if (cls.includes('pct')) c.percent = true;
  const colspan = Number(el.attribs.colspan ?? 1);
  const rowspan = Number(el.attribs.rowspan ?? 1);
  if (colspan > 1) c.colspan = colspan;
  if (rowspan > 1) c.rowspan = rowspan;
  const align = ALIGNS.find((a) => cls.includes(a));
  if (align) c.align = align;
  if (el.name === 'th') c.bold = true;
  return c;
}

function table(el: Element): Table {
  const cls = classes(el);
  const t: Table = { type: 'table', head: [], body: [] };
  const rowsIn = (parent: Element) => children(parent).filter((r) => r.name === 'tr').map((r) => children(r).filter((c) => c.name === 'td' || c.name === 'th').map(cell));
  // A loop, not push(...rows): a spread of 100 000 rows overflows the call stack.
  const add = (to: TableCell[][], rows: TableCell[][]) => {
    for (const r of rows) to.push(r);
  };
  for (const part of children(el)) {
    if (part.name === 'thead') add(t.head, rowsIn(part));
    else if (part.name === 'tbody' || part.name === 'tfoot') add(t.body, rowsIn(part));
    else if (part.name === 'tr') add(t.body, rowsIn({ ...part, children: [part] } as Element));
    else if (part.name === 'colgroup') t.widths = children(part).map((c) => Number(c.attribs.width) || 1);
  }
  if (cls.includes('landscape')) t.landscape = true;
  if (cls.includes('borderless')) t.borders = 'none';
  return t;
}

function headerBlock(el: Element): HeaderBlock {
  const part = (c: string) => {
    const p = children(el).find((x) => classes(x).includes(c));
    return p ? textOf(p) : '';
  };
  return {
    type: 'header-block',
    parent: part('parent') || null,
    agency: part('agency'),
    number: part('number'),
    nation: part('nation'),
    motto: part('motto'),
    placeDate: part('place-date'),
  };
}

function signatureBlock(el: Element): SignatureBlock {
  const parts = children(el);
  const byClass = (c: string) => parts.filter((x) => classes(x).includes(c));
  const list = byClass('recipients')[0];
  return {
    type: 'signature-block',
    recipientsTitle: byClass('recipients-title').map(textOf)[0] ?? 'Nơi nhận:',
    recipients: list ? children(list).filter((li) => li.name === 'li').map(textOf) : [],
    signerLines: byClass('signer-line').map(textOf),
    signerName: byClass('signer-name').map(textOf)[0] ?? '',
  };
}

function figureItem(el: Element) {
  const cap = children(el).find((c) => c.name === 'figcaption');
  return { image: el.attribs['data-image'] ?? '', caption: cap ? tidy(runsOf(cap.children)) : [] };
}

function blocks(nodes: ChildNode[], out: Block[]): Block[] {
  for (const n of nodes) {
    if (!isEl(n)) {
      const text = n.type === 'text' ? n.data.trim() : '';
      if (text) out.push({ type: 'paragraph', role: 'body', runs: [{ text }] });
      continue;
    }
    const cls = classes(n);
    switch (n.name) {
      case 'p':
        out.push(paragraph(n));
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        out.push({ type: 'heading', level: Math.min(Number(n.name[1]), 3) as 1 | 2 | 3, runs: tidy(runsOf(n.children)) });
        break;
      case 'ul':
      case 'ol':
        out.push({ type: 'list', ordered: n.name === 'ol', items: children(n).filter((li) => li.name === 'li').map((li) => tidy(runsOf(li.children))) });
        break;
      case 'table':
        out.push(table(n));
        break;
      case 'figure': {
        const f = figureItem(n);
        out.push({ type: 'figure', image: f.image, ...(f.caption.length ? { caption: f.caption } : {}) });
        break;
      }
      case 'hr':
        if (cls.includes('pagebreak')) {
          const o = n.attribs['data-orientation'];
          out.push({ type: 'pagebreak', ...(o === 'landscape' || o === 'portrait' ? { orientation: o } : {}) });
        }
        break;
      case 'section':
        if (cls.includes('header-block')) out.push(headerBlock(n));
        else if (cls.includes('signature-block')) out.push(signatureBlock(n));
        else blocks(n.children, out);
        break;
      default:
        if (cls.includes('gallery')) out.push({ type: 'gallery', items: children(n).filter((f) => f.name === 'figure').map(figureItem) });
        else blocks(n.children, out);
    }
  }
  return out;
}

/**
 * The document model of a template's HTML (the subset docs/templates.md lists), titled `title`
 * (the .docx's and the HTML preview's metadata). Never throws: HTML is parsed leniently, and what
 * falls outside the subset is dropped, its text kept as body paragraphs.
 */
export function htmlToModel(html: string, title: string): DocumentModel {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  return { title, blocks: blocks(doc.children, []) };
}
