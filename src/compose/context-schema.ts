/**
 * The template context, declared: what every template receives (`lllweek report --dump-context`
 * prints it), field by field, for the offices that write their own templates (docs/templates.md
 * is made from these descriptions: `npm run docs:context`). A field's meaning never changes
 * under the same CONTEXT_VERSION; a field removed or changed raises it, a field added does not.
 *
 * Numbers are plain numbers (format them with the helpers: `num`, `rate` …); rates are fractions
 * (0.7358 is 73,58 %); dates are ISO (`2025-10-09`); a figure nobody reported is null, never 0.
 */
import { z } from 'zod';

/** The version of the context's shape: `contextVersion` in the context. */
export const CONTEXT_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);
const fraction = z.number();

/** An object whose fields are texts or null, each described. */
function textsOrNull<K extends string>(fields: Record<K, string>) {
  const shape = {} as Record<K, z.ZodNullable<z.ZodString>>;
  for (const key of Object.keys(fields) as K[]) shape[key] = z.string().nullable().describe(fields[key]);
  return z.strictObject(shape);
}

const tally3 = z.strictObject({
  count: count.describe('activities'),
  sessions: count.describe('sessions (buổi) of those activities'),
  participants: count.describe('participations (lượt người)'),
});

const modeTally = z.strictObject({
  key: z.string().describe('the mode’s key (in_person, online, hybrid)'),
  label: z.string().describe('its name: “Trực tiếp”'),
  ...tally3.shape,
});

const modeTallyInText = z.strictObject({
  ...modeTally.shape,
  lower: z.string().describe('its name as it reads in a sentence: “trực tiếp”'),
});

const indicator = z.strictObject({
  key: z.string().describe('the indicator’s key (families, clans …)'),
  label: z.string().describe('its name: “Gia đình học tập”'),
  unit: z.string().describe('what its numerator counts (hộ, người …), or ""'),
  numerator: count.nullable().describe('Σ achieved over the units that reported both parts; null when none did'),
  denominator: count.nullable().describe('Σ total over the same units'),
  rate: fraction.nullable().describe('numerator ÷ denominator, unrounded; null when it cannot be computed'),
  unitsReporting: count.describe('the units whose figures count'),
  baseline: z
    .strictObject({
      year: z.number().int(),
      numerator: count.nullable(),
      denominator: count.nullable(),
      rate: fraction.nullable(),
    })
    .nullable()
    .describe('the same figures in the baseline (last year’s workbook), or null'),
  change: z
    .strictObject({
      rate: fraction.nullable().describe('this year’s rate minus the baseline’s, as rounded in the report (fraction points)'),
      numerator: z.number().int().nullable().describe('this year’s numerator minus the baseline’s'),
    })
    .nullable()
    .describe('the change against the baseline, or null'),
  target: z
    .strictObject({
      year: z.number().int(),
      rate: fraction.describe('the national target for the year'),
      source: z.string().describe('the decision that sets it: “Quyết định 387/QĐ-TTg”'),
      met: z.boolean(),
    })
    .nullable()
    .describe('the national target for the report’s year, or null'),
});

const activities = z.strictObject({
  total: tally3.describe('all activities'),
  first: isoDate.nullable().describe('the first activity’s date (null: no activity)'),
  last: isoDate.nullable().describe('the last activity’s date'),
  modes: z.array(modeTally).describe('by mode of organisation, in the catalogue’s order'),
  byType: z
    .array(
      z.strictObject({
        key: z.string().describe('the type’s key'),
        label: z.string().describe('its name: “Lớp học, bồi dưỡng”'),
        noun: z.string().describe('what one is called in a sentence: “lớp học, bồi dưỡng”'),
        total: tally3,
        modes: z.array(modeTallyInText).describe('by mode, every mode'),
        remoteModes: z.array(modeTallyInText).describe('the modes other than the first (in person) that occurred: “trong đó 12 trực tuyến”'),
      }),
    )
    .describe('by activity type, the types that occurred, in the catalogue’s order'),
  unitsTookPart: count.describe('units with at least one activity'),
  units: z
    .array(z.strictObject({ code: z.string(), name: z.string(), ...tally3.shape }))
    .describe('those units, in units-list order, with their activities'),
});

const society = z.strictObject({
  indicators: z.array(indicator).describe('the learning-society indicators (chỉ tiêu), Σ achieved ÷ Σ total'),
  hasBaseline: z.boolean().describe('a baseline was given and has figures'),
  baselineYear: z.number().int().nullable().describe('its year, or null'),
  hasTargets: z.boolean().describe('some indicator has a national target this year'),
  units: z
    .array(
      z.strictObject({
        code: z.string(),
        name: z.string(),
        rates: z.array(z.strictObject({ key: z.string(), rate: fraction.nullable() })).describe('each indicator’s rate, in `columns`’ order'),
      }),
    )
    .describe('the units that reported tallies'),
  columns: z.array(z.strictObject({ key: z.string(), label: z.string() })).describe('the indicators, as table columns'),
});

/** The context every template receives. */
export const reportContextSchema = z.strictObject({
  contextVersion: z.literal(CONTEXT_VERSION).describe('the version of this shape (docs/templates.md)'),
  generator: z.string().describe('“lllweek 0.1.0”'),
  year: z.number().int().describe('the report’s year'),
  theme: z.string().describe('the year’s theme (chủ đề)'),
  week: z.strictObject({ start: isoDate, end: isoDate }).describe('the week’s first and last day'),
  deadline: isoDate.describe('the day the report is due'),
  reportDate: isoDate.describe('the report’s date'),
  decimals: z.number().int().min(0).describe('decimals of rates (config `decimals`)'),
  agency: z
    .strictObject({
      parent: z.string().nullable().describe('the line above the agency in the header block, or null'),
      name: z.string().describe('the issuing agency, as headed: “ỦY BAN NHÂN DÂN PHƯỜNG MÓNG CÁI 1”'),
      code: z.string().describe('its abbreviation in the number line: “UBND”'),
      unit: z.string().nullable().describe('the report’s unit code, or null'),
      unitName: z.string().nullable().describe('that unit’s name: “Phường Móng Cái 1”'),
      inText: z.string().describe('the agency in a sentence: “UBND phường Móng Cái 1”'),
      area: z.string().describe('the area in a sentence: “phường Móng Cái 1”'),
    })
    .describe('the office that issues the report'),
  place: z.string().describe('the place name of the date line: “Móng Cái”'),
  numberLine: z.string().describe('“Số: 05/BC-UBND” (no-break spaces in place of a number not given)'),
  placeDate: z.string().describe('“Móng Cái, ngày 09 tháng 10 năm 2025”'),
  basis: z.array(z.string()).describe('the documents the report answers (căn cứ), one a line'),
  signer: z.strictObject({ lines: z.array(z.string()), name: z.string() }).describe('the signature block: authority and title lines, the signer’s name'),
  recipients: z.array(z.string()).describe('Nơi nhận, as printed: “- Sở GD&ĐT (để b/c);” …, the last “- Lưu: VT.”'),
  title: z.string().describe('“BÁO CÁO”'),
  subject: z.string().describe('the subject line (trích yếu)'),
  activities: activities.describe('the activities (hoạt động) the units reported'),
  society: society.describe('the learning society (xã hội học tập): the units’ tallies'),
  narrative: textsOrNull({
    direction: 'I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI',
    assessment: 'IV. ĐÁNH GIÁ CHUNG',
    proposals: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
  }).describe('the office’s own text from narrative.md, as HTML (write it with {{{ }}}), null for a section not written'),
  charts: textsOrNull({
    activities: 'activities by type and mode',
    rates: 'the indicators’ rates by unit',
    change: 'this year against the baseline',
  }).describe('the charts’ image names, for <figure data-image="…">; null for a chart the report has not'),
  photos: z
    .array(z.strictObject({ image: z.string().describe('the image name: “photo-1”'), caption: z.string() }))
    .describe('the photos (at most 20, by date), for a gallery'),
  appendix: z
    .strictObject({
      total: count.describe('activities in all'),
      shown: count.describe('rows listed (config `appendix_limit`)'),
      capped: z.boolean().describe('fewer rows listed than there are'),
      rows: z
        .array(
          z.strictObject({
            when: z.string().describe('“02/10/2025” or “02/10/2025 - 04/10/2025”'),
            unit: z.string().describe('the unit’s name'),
            type: z.string().describe('the activity type’s name'),
            title: z.string().describe('the activity as the unit wrote it'),
            mode: z.string().describe('the mode’s name'),
            sessions: count,
            participants: count,
          }),
        )
        .describe('by date, then unit, then row'),
    })
    .describe('the list of activities (PHỤ LỤC)'),
});

export type ReportContext = z.infer<typeof reportContextSchema>;

/** One field of the context, for the documentation: its path (`activities.byType[].label`), type and meaning. */
export interface ContextField {
  path: string;
  type: string;
  description: string;
}

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
  pattern?: string;
};

/** A type as the documentation says it: `string | null`, `date`, `object[]`. */
function typeOf(s: JsonSchema): string {
  return (s.anyOf ?? [s])
    .flatMap((a) => {
      if (a.const !== undefined) return [JSON.stringify(a.const)];
      const types = Array.isArray(a.type) ? a.type : [a.type ?? 'any'];
      return types.map((t) => (t === 'array' && a.items ? `${typeOf(a.items)}[]` : t === 'string' && a.pattern ? 'date' : t));
    })
    .join(' | ');
}

/** Every field of the context, depth first, as the documentation lists them. */
export function contextFields(): ContextField[] {
  const out: ContextField[] = [];
  const walk = (s: JsonSchema, path: string) => {
    if (path) out.push({ path, type: typeOf(s), description: s.description ?? '' });
    for (const a of s.anyOf ?? [s]) {
      const inner = a.items ?? a;
      const prefix = a.items ? `${path}[]` : path;
      for (const [key, child] of Object.entries(inner.properties ?? {})) walk(child, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(z.toJSONSchema(reportContextSchema) as JsonSchema, '');
  return out;
}

/** The fields as the Markdown table of docs/templates.md (scripts/context-doc.js writes it there). */
export function contextTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = contextFields().map((f) => `| \`${f.path}\` | ${cell(f.type)} | ${cell(f.description)} |`);
  return ['| field | type | what it holds |', '|---|---|---|', ...rows, ''].join('\n');
}
