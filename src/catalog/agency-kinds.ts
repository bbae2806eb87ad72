import { matchKey } from '../text/normalize';

/**
 * The agencies that head reports, one entry each: the name as headed (upper case), its
 * abbreviation (the document number's suffix, `Số: 05/BC-UBND`, and file names), how it reads
 * inside a sentence, and whether the unit's name follows it (`ỦY BAN NHÂN DÂN PHƯỜNG …`).
 */
export interface Agency {
  name: string;
  /** Other spellings clerks type (old tone placement). */
  spellings?: string[];
  code: string;
  inText: string;
  ofUnit: boolean;
}

export const AGENCIES = {
  committee: { name: 'ỦY BAN NHÂN DÂN', spellings: ['UỶ BAN NHÂN DÂN'], code: 'UBND', inText: 'UBND', ofUnit: true },
  department: { name: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', code: 'SGDĐT', inText: 'Sở Giáo dục và Đào tạo', ofUnit: false },
  office: { name: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', code: 'PGDĐT', inText: 'Phòng Giáo dục và Đào tạo', ofUnit: false },
} as const satisfies Record<string, Agency>;

const COMMITTEE = AGENCIES.committee;

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
  name: `${COMMITTEE.name} {name}`,
  code: COMMITTEE.code,
  signer: [`TM. ${COMMITTEE.name}`, 'CHỦ TỊCH'],
  recipients: ['Sở GD&ĐT (để b/c)', 'Hội Khuyến học tỉnh (để b/c)'],
};

export const AGENCY_KINDS: Record<string, AgencyDefaults> = {
  tinh: {
    parent: `${COMMITTEE.code} {name}`,
    name: AGENCIES.department.name,
    code: AGENCIES.department.code,
    signer: ['GIÁM ĐỐC'],
    recipients: ['Bộ GD&ĐT (để b/c)', 'UBND tỉnh (để b/c)', 'Hội Khuyến học tỉnh'],
  },
  'thanh pho truc thuoc trung uong': {
    parent: `${COMMITTEE.code} {name}`,
    name: AGENCIES.department.name,
    code: AGENCIES.department.code,
    signer: ['GIÁM ĐỐC'],
    recipients: ['Bộ GD&ĐT (để b/c)', 'UBND thành phố (để b/c)', 'Hội Khuyến học thành phố'],
  },
  xa: COMMUNE,
  phuong: COMMUNE,
  'dac khu': COMMUNE,
  // Older years' data still has districts.
  huyen: { ...COMMUNE, name: AGENCIES.office.name, parent: `${COMMITTEE.code} {name}`, code: AGENCIES.office.code, signer: ['TRƯỞNG PHÒNG'], recipients: ['Sở GD&ĐT (để b/c)'] },
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

/**
 * How an upper-case agency name reads inside a sentence ("… của UBND phường Móng Cái 1"): the
 * prefix as headed, and what replaces it; a replacement ending in a space takes the unit's name.
 */
export const NAMES_IN_TEXT: [string, string][] = Object.values(AGENCIES).flatMap((a: Agency) =>
  [a.name, ...(a.spellings ?? [])].map((n): [string, string] => (a.ofUnit ? [`${n} `, `${a.inText} `] : [n, a.inText])),
);

/**
 * An agency's name with the agency abbreviated, for file names: "ỦY BAN NHÂN DÂN PHƯỜNG MÓNG
 * CÁI 1" → "UBND PHƯỜNG MÓNG CÁI 1", "Sở Giáo dục và Đào tạo" → "SGDĐT". Matched on the words,
 * whatever their case and diacritics; any other name is returned as it is.
 */
export function abbreviateAgency(name: string): string {
  const words = name.trim().split(/\s+/);
  for (const a of Object.values(AGENCIES) as Agency[]) {
    for (const spelled of [a.name, ...(a.spellings ?? [])]) {
      const n = spelled.split(' ').length;
      if (words.length >= n && matchKey(words.slice(0, n).join(' ')) === matchKey(spelled)) return [a.code, ...words.slice(n)].join(' ');
    }
  }
  return name;
}
