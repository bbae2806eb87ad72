/** Default catalogue of activity types (inputs.md); `activity_types` in the config replaces it. */
export interface ActivityType {
  key: string;
  label: string;
  /** Other spellings clerks use for the same type (matched like labels). */
  aliases?: string[];
  /** Noun for the numbered paragraph of section II: "Tổ chức 45 lớp học, bồi dưỡng ...". */
  noun?: string;
}

export const ACTIVITY_TYPES: ActivityType[] = [
  { key: 'opening', label: 'Lễ khai mạc, phát động', aliases: ['Lễ khai mạc', 'Khai mạc', 'Lễ phát động'], noun: 'lễ khai mạc, phát động' },
  { key: 'communication', label: 'Tuyên truyền', aliases: ['Thông tin, tuyên truyền'], noun: 'hoạt động tuyên truyền' },
  { key: 'banners', label: 'Băng rôn, khẩu hiệu', aliases: ['Treo băng rôn, khẩu hiệu', 'Băng rôn'], noun: 'đợt treo băng rôn, khẩu hiệu' },
  { key: 'class', label: 'Lớp học, bồi dưỡng', aliases: ['Lớp học', 'Lớp bồi dưỡng'], noun: 'lớp học, bồi dưỡng' },
  { key: 'training', label: 'Tập huấn', aliases: ['Lớp tập huấn'], noun: 'lớp tập huấn' },
  { key: 'seminar', label: 'Hội thảo, tọa đàm', aliases: ['Hội thảo', 'Tọa đàm'], noun: 'hội thảo, tọa đàm' },
  { key: 'conference', label: 'Hội nghị', noun: 'hội nghị' },
  { key: 'exchange', label: 'Giao lưu, chuyên đề', aliases: ['Giao lưu', 'Chuyên đề'], noun: 'hoạt động giao lưu, chuyên đề' },
  { key: 'book_exhibition', label: 'Triển lãm, trưng bày sách', aliases: ['Triển lãm sách', 'Trưng bày sách'], noun: 'cuộc triển lãm, trưng bày sách' },
  { key: 'book_donation', label: 'Thu gom, tặng sách', aliases: ['Tặng sách', 'Quyên góp sách'], noun: 'đợt thu gom, tặng sách' },
  { key: 'contest', label: 'Cuộc thi', aliases: ['Thi'], noun: 'cuộc thi' },
  { key: 'award', label: 'Khen thưởng', noun: 'đợt khen thưởng' },
  { key: 'other', label: 'Khác', aliases: ['Hoạt động khác'], noun: 'hoạt động khác' },
];
