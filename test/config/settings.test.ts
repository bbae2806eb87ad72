/** The run's settings, resolved once (config.md's defaults): what every stage reads. */
import { resolveSettings, settingsForYear, weekOf } from '../../src/config/settings';
import { today } from '../../src/config/today';

const THEME_2025 = 'Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất nước hùng cường, thịnh vượng';

describe('settingsForYear', () => {
  it("no config: the data's year, its national week and theme, 15 October, today as the report date, 2 decimals", () => {
    const s = resolveSettings({}, null, '2026-11-29');
    expect(settingsForYear(s, 2025)).toEqual({
      year: 2025, week: { start: '2025-10-01', end: '2025-10-07' }, theme: THEME_2025, deadline: '2025-10-15',
      reportDate: '2026-11-29', decimals: 2, today: '2026-11-29',
    });
  });

  it("no config and no dated data: the report date's year (report_date, else today)", () => {
    expect(settingsForYear(resolveSettings({}, null, '2026-03-01'), null).year).toBe(2026);
    expect(settingsForYear(resolveSettings({ report_date: '2025-10-20' }, null, '2026-03-01'), null).year).toBe(2025);
  });

  it("the config's year wins over the data's; a year with no national week: 1–7 October, no theme", () => {
    const s = resolveSettings({ year: 2021 }, null, '2026-11-29');
    expect(settingsForYear(s, 2025)).toMatchObject({ year: 2021, week: { start: '2021-10-01', end: '2021-10-07' }, theme: null, deadline: '2021-10-15' });
  });

  it("the config's week, theme, deadline, report date and decimals win", () => {
    const s = resolveSettings(
      { week: { start: '2025-10-12', end: '2025-10-18' }, theme: 'Chủ đề riêng', deadline: '2025-10-20', report_date: '2025-10-19', decimals: 1 },
      null,
      '2026-11-29',
    );
    expect(settingsForYear(s, 2025)).toEqual({
      year: 2025, week: { start: '2025-10-12', end: '2025-10-18' }, theme: 'Chủ đề riêng', deadline: '2025-10-20',
      reportDate: '2025-10-19', decimals: 1, today: '2026-11-29',
    });
    expect(weekOf(s, 2024)).toEqual({ start: '2025-10-12', end: '2025-10-18' });
    expect(weekOf({ week: null }, 2023)).toEqual({ start: '2023-10-02', end: '2023-10-08' });
  });
});

describe('today', () => {
  it('is LLLWEEK_TODAY when it is a date, else the clock', () => {
    expect(today({ LLLWEEK_TODAY: '2025-10-12' })).toBe('2025-10-12');
    expect(today({ LLLWEEK_TODAY: '12/10/2025' })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today({ LLLWEEK_TODAY: '12/10/2025' })).not.toBe('12/10/2025');
    expect(resolveSettings({}, null).today).toBe(today());
  });
});
