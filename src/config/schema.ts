import { z } from 'zod';

/**
 * The shape of `lllweek.yaml` (config.md). Every field is optional. Each check carries the key of
 * what it expects (CONFIG_EXPECTS in the message catalogue), so the error can name the field and
 * say, in the user's language, what belongs there.
 */
const isoDate = z.string({ error: 'isoDate' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'isoDate' });
const text = z.string({ error: 'text' }).min(1, { error: 'text' });
const textList = z.array(text, { error: 'textList' });
const code = z.union([z.string(), z.number()], { error: 'code' }).transform(String);

const unitInline = z.strictObject({
  code,
  name: text,
  kind: text.optional(),
  parent: code.optional(),
});

const activityType = z.strictObject({
  key: z.string({ error: 'key' }).regex(/^[a-z][a-z0-9_]*$/, { error: 'key' }),
  label: text,
  aliases: textList.optional(),
  noun: text.optional(),
});

const target = z.strictObject({
  year: z.number({ error: 'year' }).int({ error: 'year' }),
  rate: z.number({ error: 'fraction' }).min(0, { error: 'fraction' }).max(1, { error: 'fraction' }),
  source: text,
});

const indicator = z.strictObject({
  key: z.string({ error: 'key' }).regex(/^[a-z][a-z0-9_]*$/, { error: 'key' }),
  label: text,
  numerator: text,
  denominator: text,
  fallback_denominator: text.optional(),
  unit: text.optional(),
  targets: z.array(target, { error: 'list' }).optional(),
});

export const configSchema = z.strictObject({
  year: z.number({ error: 'year' }).int({ error: 'year' }).min(2000, { error: 'year' }).max(2100, { error: 'year' }).optional(),
  week: z.strictObject({ start: isoDate, end: isoDate }, { error: 'week' }).optional(),
  theme: text.optional(),
  deadline: isoDate.optional(),
  report_date: isoDate.optional(),
  agency: z
    .strictObject(
      {
        parent: text.optional(),
        name: text.optional(),
        code: text.optional(),
        unit: code.optional(),
      },
      { error: 'object' },
    )
    .optional(),
  place: text.optional(),
  number: z.number({ error: 'number' }).int({ error: 'number' }).positive({ error: 'number' }).nullable().optional(),
  basis: textList.optional(),
  signer: z.strictObject({ lines: textList.optional(), name: text.optional() }, { error: 'object' }).optional(),
  recipients: textList.optional(),
  email: z
    .strictObject(
      {
        to: z.email({ error: 'email' }).optional(),
        from: z.email({ error: 'email' }).optional(),
      },
      { error: 'object' },
    )
    .optional(),
  units: z.union([text, z.array(unitInline)], { error: 'units' }).optional(),
  baseline: text.optional(),
  narrative: text.optional(),
  templates: text.optional(),
  decimals: z.number({ error: 'decimals' }).int({ error: 'decimals' }).min(0, { error: 'decimals' }).max(4, { error: 'decimals' }).optional(),
  activity_types: z.array(activityType, { error: 'list' }).min(1, { error: 'list' }).optional(),
  indicators: z.array(indicator, { error: 'list' }).optional(),
  appendix_limit: z.number({ error: 'count' }).int({ error: 'count' }).positive({ error: 'count' }).optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;
