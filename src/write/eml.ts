import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmlInput {
  to: string;
  from: string;
  subject: string;
  text: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
  /** The draft's Date header: the report date, so the draft is as reproducible as the report. */
  date: Date;
}

/**
 * No value may carry a line break into a header: a unit name cannot add a Bcc. Any line break
 * (CR, LF, VT, FF, NEL, U+2028/9), with the spaces around it, becomes one space.
 */
export const oneLine = (s: string) => s.replace(/\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g, ' ').trim();

/**
 * An address header holds exactly the one address given. Anything else (`a@b.vn Bcc: x@evil`
 * once the line break is gone) would be parsed by nodemailer as a list or a group, and the
 * draft would go to someone else: it is left out, and the clerk fills the field in.
 */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;
export const mailbox = (s: string): string => {
  const t = oneLine(s);
  return ADDRESS.test(t) ? t : '';
};

function boundaryOf(m: EmlInput): string {
  const h = createHash('sha256');
  for (const part of [m.to, m.from, m.subject, m.text, m.date.toISOString()]) h.update(part).update('\0');
  for (const a of m.attachments) h.update(a.filename).update('\0').update(a.content);
  return h.digest('hex').slice(0, 16);
}

/**
 * An e-mail draft (.eml) the clerk opens, checks and sends: built by nodemailer's composer, which
 * encodes Vietnamese subjects and file names (RFC 2047/2231).
 */
export async function composeEml(m: EmlInput): Promise<Buffer> {
  const mail = new MailComposer({
    to: mailbox(m.to),
    from: mailbox(m.from),
    subject: oneLine(m.subject),
    text: m.text,
    date: m.date,
    messageId: `<${m.date.getTime()}.${m.attachments.map((a) => a.filename).join('.').length}@lllweek>`,
    attachments: m.attachments.map((a) => ({ filename: oneLine(a.filename), content: a.content, contentType: a.contentType })),
    headers: { 'X-Unsent': '1' },
    // The MIME boundary is random by default: one derived from the content keeps drafts
    // reproducible (same report, same bytes) and still unlike anything inside them.
    boundaryPrefix: '--_lllweek',
    baseBoundary: boundaryOf(m),
  } as ConstructorParameters<typeof MailComposer>[0]);
  return mail.compile().build();
}
