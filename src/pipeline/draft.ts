import { formatViDate } from '../text/vi-date';
import { formatInt } from '../text/vi-number';
import { composeEml, oneLine } from '../write/eml';
import type { ReportOutput } from './report';

const TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The e-mail draft of a report (`<slug>.eml`): to `email.to`, from `email.from`, the .docx and
 * .xlsx attached, dated the report's date at 08:00 in Vietnam. In Vietnamese whatever the CLI's
 * language: it goes to the Sở.
 */
export async function draftFor(report: ReportOutput): Promise<{ name: string; data: Buffer }> {
  const s = report.settings;
  const c = report.context;
  const subject = `Báo cáo kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm ${s.year} - ${s.agency.unitName ?? s.agency.name}`;
  // Names from the config go into the body on one line each: a line break in one cannot start a
  // line of its own there (`Bcc: ...`) any more than in a header.
  const text = [
    'Kính gửi: ' + oneLine(s.recipients[0]?.replace(/^- /, '').replace(/;$/, '') ?? ''),
    '',
    `${oneLine(s.agency.name)} gửi Báo cáo kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm ${s.year} (${c.numberLine}, ${formatViDate(s.reportDate)}), kèm theo số liệu và hình ảnh tiêu biểu.`,
    '',
    `Tổng số: ${formatInt(c.activities.total.count)} hoạt động, ${formatInt(c.activities.total.participants)} lượt người tham gia.`,
    '',
    'Trân trọng.',
  ].join('\r\n');
  const data = await composeEml({
    to: s.email.to ?? '',
    from: s.email.from ?? '',
    subject,
    text,
    date: new Date(`${s.reportDate}T08:00:00+07:00`),
    attachments: report.files
      .filter((f) => TYPES[f.name.split('.').pop() ?? ''])
      .map((f) => ({ filename: f.name, content: f.data, contentType: TYPES[f.name.split('.').pop()!] })),
  });
  return { name: `${report.slug}.eml`, data };
}
