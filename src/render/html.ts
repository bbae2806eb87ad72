import { unknownBlock, type Block, type DocumentModel, type ImageStore, type Run, type Table, type TableCell } from '../document/types';

/** The HTML preview: the same document model, self-contained (images inline), for a browser. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function runs(rs: Run[]): string {
  return rs
    .map((r) => {
      if (r.break) return '<br>';
      let t = esc(r.text);
      if (r.bold) t = `<b>${t}</b>`;
      if (r.italic) t = `<i>${t}</i>`;
      return t;
    })
    .join('');
}

function img(images: ImageStore, name: string, cls: string): string {
  const a = images.get(name);
  if (!a) return '';
  const mime = (a as { format?: string }).format === 'jpeg' ? 'image/jpeg' : 'image/png';
  return `<img class="${cls}" alt="${esc(a.alt)}" src="data:${mime};base64,${a.png.toString('base64')}">`;
}

function cell(tag: 'th' | 'td', c: TableCell): string {
  const attrs = [c.colspan ? ` colspan="${c.colspan}"` : '', c.rowspan ? ` rowspan="${c.rowspan}"` : '', c.numeric ? ' class="num"' : ''].join('');
  return `<${tag}${attrs}>${runs(c.runs)}</${tag}>`;
}

function table(t: Table): string {
  const head = t.head.map((r) => `<tr>${r.map((c) => cell('th', c)).join('')}</tr>`).join('');
  const body = t.body.map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`).join('');
  return `<table class="${t.borders === 'none' ? 'plain' : 'grid'}"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function block(b: Block, images: ImageStore): string {
  switch (b.type) {
    case 'paragraph':
      return `<p class="${b.role}${b.align ? ` ${b.align}` : ''}">${runs(b.runs)}</p>`;
    case 'heading':
      return `<h${b.level + 1}>${runs(b.runs)}</h${b.level + 1}>`;
    case 'list':
      return `<${b.ordered ? 'ol' : 'ul'}>${b.items.map((i) => `<li>${runs(i)}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`;
    case 'table':
      return table(b);
    case 'figure':
      return `<figure>${img(images, b.image, 'chart')}${b.caption ? `<figcaption>${runs(b.caption)}</figcaption>` : ''}</figure>`;
    case 'gallery':
      return `<div class="gallery">${b.items.map((i) => `<figure>${img(images, i.image, 'photo')}<figcaption>${runs(i.caption)}</figcaption></figure>`).join('')}</div>`;
    case 'pagebreak':
      return '<hr class="pagebreak">';
    case 'header-block':
      return `<div class="header-block"><div>${b.parent ? `<p>${esc(b.parent)}</p>` : ''}<p><b>${esc(b.agency)}</b></p><p>${esc(b.number)}</p></div>` +
        `<div><p><b>${esc(b.nation)}</b></p><p><b><u>${esc(b.motto)}</u></b></p><p><i>${esc(b.placeDate)}</i></p></div></div>`;
    case 'signature-block':
      return `<div class="signature-block"><div><p><b><i>${esc(b.recipientsTitle)}</i></b></p>${b.recipients.map((r) => `<p class="small">${esc(r)}</p>`).join('')}</div>` +
        `<div class="sign">${b.signerLines.map((l) => `<p><b>${esc(l)}</b></p>`).join('')}<p class="room"></p><p><b>${esc(b.signerName)}</b></p></div></div>`;
    default:
      return unknownBlock(b, 'renderHtml');
  }
}

const STYLE = `body{font-family:"Times New Roman",serif;font-size:14pt;max-width:17cm;margin:2cm auto;color:#000}
p{text-align:justify;text-indent:1.27cm;margin:0 0 6pt}p.title,p.subject,p.caption,figcaption{text-align:center;text-indent:0;font-weight:bold}
p.caption,figcaption{font-weight:normal;font-style:italic;font-size:12pt}p.placeholder,p.basis{font-style:italic}p.note{font-size:12pt;font-style:italic;text-indent:0}
h2,h3,h4{font-size:14pt;margin:8pt 0 6pt}table{border-collapse:collapse;width:100%;margin:6pt 0;font-size:12pt}
table.grid td,table.grid th{border:1px solid #000;padding:2pt 4pt}td.num{text-align:right}img{max-width:100%}figure{text-align:center;margin:6pt 0}
.gallery{display:grid;grid-template-columns:1fr 1fr;gap:8pt}.header-block,.signature-block{display:flex;justify-content:space-between;text-align:center}
.header-block p,.signature-block p{text-indent:0;text-align:center;margin:0}.signature-block p.small{text-align:left;font-size:11pt}.room{height:3cm}`;

/** The document as one self-contained HTML page (pictures inline as data: URLs), for a browser. */
export function renderHtml(doc: DocumentModel, images: ImageStore): string {
  return `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${STYLE}</style></head>\n<body>\n${doc.blocks.map((b) => block(b, images)).join('\n')}\n</body></html>\n`;
}
