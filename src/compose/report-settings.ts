import { AGENCY_FALLBACK, AGENCY_KINDS, ARCHIVE_RECIPIENT, NAMES_IN_TEXT, PLACE_PREFIXES } from '../catalog/agency-kinds';
import type { ConfigFile } from '../config/schema';
import type { WeekSettings } from '../config/settings';
import { Fatal } from '../fatal';
import { matchKey } from '../text/normalize';
import type { Unit } from '../records/records';
import { UnitTree } from '../records/unit-tree';

/** Everything about the issuing office and the week that the document needs: the week's settings, then the office's (config first, then defaults by its kind). */
export interface ReportSettings {
  year: number;
  week: { start: string; end: string };
  theme: string;
  deadline: string;
  reportDate: string;
  decimals: number;
  agency: {
    parent: string | null;
    name: string;
    code: string;
    unit: string | null;
    unitName: string | null;
    /** The name as it reads in a sentence: "UBND phường Móng Cái 1". */
    inText: string;
    /** The area in a sentence: "phường Móng Cái 1", "tỉnh Quảng Ninh", else "đơn vị". */
    area: string;
  };
  place: string;
  number: number | null;
  basis: string[];
  signer: { lines: string[]; name: string };
  /** As printed: `- Sở GD&ĐT (để b/c);` …, the last `- Lưu: VT.` */
  recipients: string[];
  email: { to: string | null; from: string | null };
  /** Rows of the .docx appendix; the rest are only in the workbook's `Hoạt động` sheet, and the document says so. */
  appendixLimit: number;
}

/**
 * The appendix of a national report would list 200 000 activities: thousands of pages nobody
 * reads, and most of the time the report takes. The workbook keeps the full list.
 */
export const DEFAULT_APPENDIX_LIMIT = 1000;

const upper = (s: string) => s.toLocaleUpperCase('vi');

function placeOf(name: string): string {
  for (const p of PLACE_PREFIXES) {
    if (matchKey(name).startsWith(`${matchKey(p)} `)) return name.slice(p.length).trim();
  }
  return name;
}

/** "Phường Móng Cái 1" → "phường Móng Cái 1": a kind word inside a sentence is lower case. */
function lowerKind(name: string): string {
  const kind = PLACE_PREFIXES.find((p) => matchKey(name).startsWith(`${matchKey(p)} `));
  return kind ? `${kind}${name.slice(kind.length)}` : name;
}

function nameInText(name: string, unitName: string | null): string {
  for (const [upperPrefix, short] of NAMES_IN_TEXT) {
    if (!name.startsWith(upperPrefix)) continue;
    if (short.endsWith(' ')) return `${short}${unitName ? lowerKind(unitName) : name.slice(upperPrefix.length)}`;
    return short + name.slice(upperPrefix.length);
  }
  return name;
}

function formatRecipients(list: string[]): string[] {
  const clean = list.map((r) => r.replace(/^[-–\s]+/, '').replace(/[;.,\s]+$/, ''));
  const withoutArchive = clean.filter((r) => matchKey(r) !== matchKey(ARCHIVE_RECIPIENT));
  return [...withoutArchive.map((r) => `- ${r};`), `- ${ARCHIVE_RECIPIENT}`];
}

/**
 * The report's settings: `week` from config/settings.ts (`settingsForYear`), the office from the
 * config, else from its unit in the list (`agency.unit`, else the common ancestor of the reporting
 * units) and the defaults of its kind (catalog/agency-kinds.ts, Nghị định 30/2020).
 * Throws Fatal `theme-unknown` when the year has no known theme and the config gives none.
 */
export function resolveReportSettings(
  cfg: ConfigFile,
  week: WeekSettings,
  opts: { units: Map<string, Unit>; reportingCodes: string[] },
): ReportSettings {
  const { year, theme } = week;
  if (!theme) throw new Fatal('theme-unknown', { year });
  const unitCode = cfg.agency?.unit ?? new UnitTree(opts.units).commonAncestor(opts.reportingCodes);
  const unit = unitCode ? opts.units.get(unitCode) : undefined;
  const parent = unit?.parent ? opts.units.get(unit.parent) : undefined;
  const defaults = AGENCY_KINDS[matchKey(unit?.kind ?? '')] ?? AGENCY_FALLBACK;
  const fill = (t: string) => t.replace('{name}', upper(unit?.name ?? '')).replace('{parent}', upper(parent?.name ?? '')).trim();
  const parentLine = cfg.agency?.parent ?? (defaults.parent ? fill(defaults.parent) : '');
  const name = cfg.agency?.name ?? (unit ? fill(defaults.name) : '(TÊN CƠ QUAN BÁO CÁO)');
  return {
    year,
    week: week.week,
    theme,
    deadline: week.deadline,
    reportDate: week.reportDate,
    decimals: week.decimals,
    agency: {
      parent: parentLine || null,
      name,
      code: cfg.agency?.code ?? defaults.code,
      unit: unitCode ?? null,
      unitName: unit?.name ?? null,
      inText: nameInText(name, unit?.name ?? null),
      area: unit ? lowerKind(unit.name) : 'đơn vị',
    },
    place: cfg.place ?? (unit ? placeOf(unit.name) : '……'),
    number: cfg.number ?? null,
    basis: cfg.basis ?? [],
    signer: { lines: cfg.signer?.lines ?? defaults.signer, name: cfg.signer?.name ?? '' },
    recipients: formatRecipients(cfg.recipients ?? defaults.recipients),
    email: { to: cfg.email?.to ?? null, from: cfg.email?.from ?? null },
    appendixLimit: cfg.appendix_limit ?? DEFAULT_APPENDIX_LIMIT,
  };
}
