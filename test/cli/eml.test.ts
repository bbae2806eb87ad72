/**
 * `lllweek report --eml`: the e-mail draft a clerk opens and sends. Parsed back with mailparser:
 * addresses from the config, the Vietnamese subject, both attachments byte-identical to the files
 * written beside it; and no header can be smuggled in through a name in the config.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { FIXTURES, expectNoStack } from '../helpers/cli';
import { start, type Done } from '../helpers/cli-async';

const tmp = (p = 'lllweek-eml-') => fs.mkdtempSync(path.join(os.tmpdir(), p));
const COMMUNE = path.join(FIXTURES, 'commune');
const SLUG = 'bao-cao-tuan-le-hoc-tap-suot-doi-2025-ubnd-phuong-mong-cai-1';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EVIL = '\\r\\nBcc: evil@example.com';
/** A config whose addresses are valid but whose names try to add a Bcc header (YAML escapes: real CR LF). */
const EVIL_CONFIG = `year: 2025
report_date: 2025-10-09
agency:
  name: "ỦY BAN NHÂN DÂN XÃ THỬ${EVIL}"
  code: "UBND"
place: "Thử"
signer:
  lines: ["TM. ỦY BAN NHÂN DÂN${EVIL}"]
  name: "Nguyễn Văn A${EVIL}"
recipients:
  - "Sở GD&ĐT${EVIL}"
email:
  to: "sogddt@example.edu.vn"
  from: "xa.thu@example.gov.vn"
`;

describe('report --eml', () => {
  const out = tmp();
  const evilDir = tmp('lllweek-eml-evil-');
  const evilOut = path.join(evilDir, 'out');
  let run: Done;
  let evilRun: Done;
  let evilAgain: Done;
  const evilOut2 = path.join(evilDir, 'out2');
  let mail: ParsedMail;
  let raw: Buffer;
  let evilRaw: Buffer;
  let evil: ParsedMail;

  beforeAll(async () => {
    fs.writeFileSync(path.join(evilDir, 'lllweek.yaml'), EVIL_CONFIG);
    fs.copyFileSync(path.join(FIXTURES, 'commune-csv', 'hoat-dong-utf8.csv'), path.join(evilDir, 'hoat-dong.csv'));
    // From inside fixtures/commune, so that its lllweek.yaml (found in the current folder) applies.
    const evilArgs = (o: string) => ['report', 'hoat-dong.csv', '--out', o, '--eml', '--format', 'docx'];
    [run, evilRun, evilAgain] = await Promise.all([
      start(['report', '.', '--out', out, '--eml'], { cwd: COMMUNE }).done,
      start(evilArgs(evilOut), { cwd: evilDir }).done,
      start(evilArgs(evilOut2), { cwd: evilDir, env: { TZ: 'America/Los_Angeles' } }).done,
    ]);
    raw = fs.readFileSync(path.join(out, `${SLUG}.eml`));
    mail = await simpleParser(raw);
    const evilEml = fs.readdirSync(evilOut).find((f) => f.endsWith('.eml'))!;
    evilRaw = fs.readFileSync(path.join(evilOut, evilEml));
    evil = await simpleParser(evilRaw);
  });

  it('writes <slug>.eml beside the .docx and .xlsx', () => {
    expectNoStack(run);
    expect(run.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([`${SLUG}.docx`, `${SLUG}.eml`, `${SLUG}.xlsx`]);
    expect(run.stderr).toContain(`${SLUG}.eml`);
  });

  it('is addressed as the config says, with the Vietnamese subject decoded intact', () => {
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : null).toEqual(['gdtx.sogddt@example.edu.vn']);
    expect(mail.from!.value.map((a) => a.address)).toEqual(['vhxh.mongcai1@example.gov.vn']);
    expect(mail.subject).toBe('Báo cáo kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025 - Phường Móng Cái 1');
    expect(mail.subject!.normalize('NFC')).toBe(mail.subject);
    // the raw headers are 7-bit: the subject is encoded (RFC 2047), not raw UTF-8
    const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
    expect(head).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect([...head].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(mail.date!.toISOString()).toBe('2025-10-09T01:00:00.000Z');
    expect(mail.text).toContain('Kính gửi: Sở GD&ĐT tỉnh Quảng Ninh (để b/c)');
    expect(mail.text).toContain('Tổng số: 38 hoạt động, 9.186 lượt người tham gia.');
  });

  it('attaches the .docx and .xlsx under their names, byte-identical to the files written beside it', () => {
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`${SLUG}.docx`, DOCX],
      [`${SLUG}.xlsx`, XLSX],
    ]);
    for (const a of mail.attachments) expect({ name: a.filename, same: a.content.equals(fs.readFileSync(path.join(out, a.filename!))) }).toEqual({ name: a.filename, same: true });
  });

  it('is reproducible: the same report gives the same draft, byte for byte (boundary and ids included)', () => {
    expect(evilAgain.status).toBe(0);
    const name = fs.readdirSync(evilOut).find((f) => f.endsWith('.eml'))!;
    expect(fs.readFileSync(path.join(evilOut2, name)).equals(evilRaw)).toBe(true);
  });

  it('a name with CR LF in the config cannot add a Bcc header', () => {
    expectNoStack(evilRun);
    expect(evilRun.status).toBe(0);
    expect(evil.bcc).toBeUndefined();
    expect(evil.headers.has('bcc')).toBe(false);
    expect(evilRaw.toString('latin1')).not.toMatch(/^Bcc:/im);
    expect(evil.to && !Array.isArray(evil.to) ? evil.to.value.map((a) => a.address) : null).toEqual(['sogddt@example.edu.vn']);
    expect(evil.from!.value.map((a) => a.address)).toEqual(['xa.thu@example.gov.vn']);
    expect(evil.subject).toBe('Báo cáo kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025 - ỦY BAN NHÂN DÂN XÃ THỬ Bcc: evil@example.com');
    expect(evil.text).toContain('Kính gửi: Sở GD&ĐT Bcc: evil@example.com\n');
    // the draft still carries both files
    expect(evil.attachments.map((a) => a.contentType)).toEqual([DOCX, XLSX]);
  });
});
