/** How an activity was held (inputs.md); blank means in person. */
export interface Mode {
  key: string;
  label: string;
  aliases?: string[];
}

export const MODES: Mode[] = [
  { key: 'in_person', label: 'Trực tiếp', aliases: ['in person'] },
  { key: 'online', label: 'Trực tuyến', aliases: ['online'] },
  { key: 'hybrid', label: 'Kết hợp', aliases: ['Trực tiếp kết hợp trực tuyến', 'hybrid'] },
];

export const DEFAULT_MODE = 'in_person';
