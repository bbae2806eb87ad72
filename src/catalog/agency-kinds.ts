/**
 * How an office heads its report, by the kind of unit it is (units list `kind`): used only when
 * the config does not say. Since 1 July 2025 a commune or ward reports through its People's
 * Committee straight to the province's Department of Education and Training.
 */
export interface AgencyDefaults {
  /** Header lines; `{name}` is the unit's name upper-cased, `{parent}` its parent's. */
  parent: string | null;
  name: string;
  code: string;
  signer: string[];
  recipients: string[];
}

const COMMUNE: AgencyDefaults = {
  parent: '{parent}',
  name: 'ỦY BAN NHÂN DÂN {name}',
  code: 'UBND',
  signer: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  recipients: ['Sở GD&ĐT (để b/c)', 'Hội Khuyến học tỉnh (để b/c)'],
};

export const AGENCY_KINDS: Record<string, AgencyDefaults> = {
  tinh: {
    parent: 'UBND {name}',
    name: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
    code: 'SGDĐT',
    signer: ['GIÁM ĐỐC'],
    recipients: ['Bộ GD&ĐT (để b/c)', 'UBND tỉnh (để b/c)', 'Hội Khuyến học tỉnh'],
  },
  'thanh pho truc thuoc trung uong': {
    parent: 'UBND {name}',
    name: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
    code: 'SGDĐT',
    signer: ['GIÁM ĐỐC'],
    recipients: ['Bộ GD&ĐT (để b/c)', 'UBND thành phố (để b/c)', 'Hội Khuyến học thành phố'],
  },
  xa: COMMUNE,
  phuong: COMMUNE,
  'dac khu': COMMUNE,
  // Older years' data still has districts.
  huyen: { ...COMMUNE, name: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', parent: 'UBND {name}', code: 'PGDĐT', signer: ['TRƯỞNG PHÒNG'], recipients: ['Sở GD&ĐT (để b/c)'] },
};

/** Anything else (a school, a centre, an unknown kind). */
export const AGENCY_FALLBACK: AgencyDefaults = {
  parent: '{parent}',
  name: '{name}',
  code: '',
  signer: ['THỦ TRƯỞNG ĐƠN VỊ'],
  recipients: ['Cơ quan cấp trên (để b/c)'],
};

/** Words a unit's name starts with that the place line (địa danh) leaves out. */
export const PLACE_PREFIXES = ['thành phố', 'tỉnh', 'phường', 'xã', 'đặc khu', 'huyện', 'quận', 'thị xã', 'thị trấn'];

export const ARCHIVE_RECIPIENT = 'Lưu: VT.';

/** How an upper-case agency name reads inside a sentence ("… của UBND phường Móng Cái 1"). */
export const NAMES_IN_TEXT: [string, string][] = [
  ['ỦY BAN NHÂN DÂN ', 'UBND '],
  ['UỶ BAN NHÂN DÂN ', 'UBND '],
  ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Sở Giáo dục và Đào tạo'],
  ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 'Phòng Giáo dục và Đào tạo'],
];
