/**
 * E-mail header injection: a subject, an address or an attachment name carrying a line break
 * and `Bcc: x@evil` cannot add a header to the draft, nor change who it goes to.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { composeEml, type EmlInput } from '../../src/write/eml';
import { expectNoStack, lllweek } from '../helpers/cli';
import { activitiesCsv, outputFile, tmpDir } from './helpers';

const BREAKS = ['\r\n', '\n', '\r', '\r\n\t', '\u0085', '\u2028', '\v', '\f'];
const inject = (s: string, br: string) => `${s}${br}Bcc: x@evil.example`;

function message(over: Partial<EmlInput> = {}): EmlInput {
  return {
    to: 'phonggd@mongcai.edu.vn',
    from: 'vanthu@mongcai1.gov.vn',
    subject: 'Báo cáo Tuần lễ',
    text: 'Kính gửi Phòng GD&ĐT.',
    date: new Date('2025-10-09T08:00:00+07:00'),
    attachments: [{ filename: 'bao-cao.docx', content: Buffer.from('PK'), contentType: 'application/octet-stream' }],
    ...over,
  };
}

/** The header lines of the message and of each MIME part (unfolded), never the bodies. */
function headerLines(raw: string): string[] {
  const lines: string[] = [];
  const blocks = raw.split(/\r\n--[^\r\n]+\r\n/);
  for (const block of blocks) {
    const head = block.split('\r\n\r\n')[0];
    lines.push(...head.replace(/\r\n[ \t]+/g, ' ').split('\r\n'));
  }
  return lines;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.flatMap((v) => [v.address ?? '', ...(v.group ?? []).map((g) => g.address ?? '')])).filter(Boolean);

async function expectNoInjection(buf: Buffer): Promise<ParsedMail> {
  const raw = buf.toString('latin1');
  for (const line of headerLines(raw)) expect(line).not.toMatch(/^(?:bcc|cc|reply-to|x-evil)\s*:/i);
  const parsed = await simpleParser(buf);
  expect(parsed.bcc).toBeUndefined();
  expect(parsed.cc).toBeUndefined();
  expect(parsed.headers.has('bcc')).toBe(false);
  expect(addresses(parsed.to)).not.toContain('x@evil.example');
  expect(addresses(parsed.from)).not.toContain('x@evil.example');
  return parsed;
}

describe('composeEml', () => {
  it.each(BREAKS.map((b) => [JSON.stringify(b), b]))('a subject with %s + Bcc: stays one subject, no Bcc header', async (_, br) => {
    const parsed = await expectNoInjection(await composeEml(message({ subject: inject('Báo cáo Tuần lễ', br) })));
    expect(parsed.subject).toMatch(/^Báo cáo Tuần lễ\s+Bcc: x@evil\.example$/);
    expect(addresses(parsed.to)).toEqual(['phonggd@mongcai.edu.vn']);
  });

  it.each(BREAKS.map((b) => [JSON.stringify(b), b]))('an attachment name with %s + Bcc: stays a file name', async (_, br) => {
    const parsed = await expectNoInjection(await composeEml(message({ attachments: [{ filename: inject('bao-cao.docx', br), content: Buffer.from('PK'), contentType: 'application/octet-stream' }] })));
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0].filename).not.toMatch(/[\r\n]/);
  });

  it.each(BREAKS.map((b) => [JSON.stringify(b), b]))('a To address with %s + Bcc: adds no header and no recipient', async (_, br) => {
    const parsed = await expectNoInjection(await composeEml(message({ to: inject('phonggd@mongcai.edu.vn', br) })));
    expect(addresses(parsed.to).every((a) => a === 'phonggd@mongcai.edu.vn')).toBe(true);
  });

  it('a From address with CRLF + Bcc: adds no header and no sender', async () => {
    await expectNoInjection(await composeEml(message({ from: inject('vanthu@mongcai1.gov.vn', '\r\n') })));
  });

  it('all of them at once', async () => {
    const br = '\r\n';
    await expectNoInjection(
      await composeEml(
        message({
          to: inject('phonggd@mongcai.edu.vn', br),
          from: inject('vanthu@mongcai1.gov.vn', br),
          subject: inject('Báo cáo', br),
          attachments: [{ filename: inject('r.docx', br), content: Buffer.from('PK'), contentType: inject('application/octet-stream', br) }],
        }),
      ),
    );
  });
});

describe('lllweek report --eml with a unit name carrying CRLF + Bcc (it goes into the subject)', () => {
  it('writes a draft with no Bcc header', async () => {
    const dir = tmpDir('lllweek-eml-');
    const out = tmpDir('lllweek-eml-out-');
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', 'units.csv'), 'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên\r\nX1,"Phường Thử\r\nBcc: x@evil.example\r\nX-Evil: 1",phường,\r\n');
    fs.writeFileSync(path.join(dir, 'in', 'hd.csv'), activitiesCsv([{ code: 'X1', name: 'Phường Thử' }]));
    fs.writeFileSync(path.join(dir, 'lllweek.yaml'), 'agency:\n  unit: X1\nemail:\n  to: phonggd@mongcai.edu.vn\n  from: vanthu@mongcai1.gov.vn\n');
    const r = lllweek(['report', 'in', '--out', out, '--eml', '--force'], { cwd: dir });
    expectNoStack(r);
    expect([0, 1]).toContain(r.status);
    const parsed = await expectNoInjection(fs.readFileSync(outputFile(out, 'eml')));
    expect(addresses(parsed.to)).toEqual(['phonggd@mongcai.edu.vn']);
    expect(parsed.headers.has('x-evil')).toBe(false);
  });
});
