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

/** No value may carry a line break into a header: a unit name cannot add a Bcc. */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

/**
 * An e-mail draft (.eml) the clerk opens, checks and sends: built by nodemailer's composer, which
 * encodes Vietnamese subjects and file names (RFC 2047/2231).
 */
export async function composeEml(m: EmlInput): Promise<Buffer> {
  const mail = new MailComposer({
    to: oneLine(m.to),
    from: oneLine(m.from),
    subject: oneLine(m.subject),
    text: m.text,
    date: m.date,
    messageId: `<${m.date.getTime()}.${m.attachments.map((a) => a.filename).join('.').length}@lllweek>`,
    attachments: m.attachments.map((a) => ({ filename: oneLine(a.filename), content: a.content, contentType: a.contentType })),
    headers: { 'X-Unsent': '1' },
  });
  const node = mail.compile();
  // The MIME boundary is random by default; a fixed base keeps drafts reproducible.
  (node as unknown as { boundaryPrefix: string }).boundaryPrefix = '--_lllweek';
  return node.build();
}
