/** The national weeks and themes (config.md), so that `year` alone is enough; other years' defaults are in config/settings.ts. */
export interface KnownWeek {
  start: string;
  end: string;
  theme: string;
}

export const KNOWN_WEEKS: Record<number, KnownWeek> = {
  2020: { start: '2020-10-01', end: '2020-10-07', theme: 'Chuyển đổi số thúc đẩy học tập suốt đời' },
  2022: { start: '2022-10-01', end: '2022-10-07', theme: 'Thúc đẩy chuyển đổi số phục vụ cho học tập suốt đời sau đại dịch COVID-19' },
  2023: { start: '2023-10-02', end: '2023-10-08', theme: 'Xây dựng năng lực tự học trong kỷ nguyên số' },
  2024: { start: '2024-10-01', end: '2024-10-07', theme: 'Phát triển văn hóa đọc thúc đẩy học tập suốt đời' },
  2025: {
    start: '2025-10-01',
    end: '2025-10-07',
    theme: 'Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất nước hùng cường, thịnh vượng',
  },
};
