import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type HandlebarsLib from 'handlebars';
import { Fatal } from '../fatal';
import { viHelpers } from './helpers';

/** The built-in templates ship with the package, beside dist/. */
export const BUILTIN_TEMPLATES = path.resolve(__dirname, '..', '..', 'templates');
const MAIN = 'report';

type Handlebars = typeof HandlebarsLib;
type TemplateSpec = Parameters<Handlebars['template']>[0];

/** The built-in templates precompiled by the build (scripts/precompile-templates.js), with the SHA-256 of their source. */
function precompiled(): Record<string, { sha256: string; spec: TemplateSpec }> {
  try {
    return require('./builtin-templates') as Record<string, { sha256: string; spec: TemplateSpec }>;
  } catch {
    return {}; // not built (tests from the TypeScript sources): every template is compiled
  }
}

function templateFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.hbs')) out.set(f.slice(0, -4), path.join(dir, f));
  }
  return out;
}

/**
 * Renders the report's HTML: the built-in templates, any of which an office's folder replaces
 * by name. Each run gets its own Handlebars environment, so helpers see this report's decimals.
 * A template whose source is the one the build precompiled runs from that; any other (an
 * office's, or a built-in one edited since the build) is compiled here, with Handlebars'
 * compiler loaded only then. `context`: the template context (context-schema.ts); `decimals`: of
 * the rate helpers. Returns the report's HTML. Throws Fatal `template-dir` (`overrides` is not a
 * folder) and `template-error` (a template that does not compile or run, by its file name).
 */
export function renderTemplates(context: object, opts: { overrides?: string; decimals: number }): string {
  const files = templateFiles(BUILTIN_TEMPLATES);
  if (opts.overrides) {
    if (!fs.existsSync(opts.overrides) || !fs.statSync(opts.overrides).isDirectory()) throw new Fatal('template-dir', { value: opts.overrides });
    for (const [name, file] of templateFiles(opts.overrides)) files.set(name, file);
  }
  const built = precompiled();
  const sources = new Map([...files].map(([name, file]) => [name, fs.readFileSync(file, 'utf8')]));
  // The names whose source is the one the build precompiled (each source hashed once).
  const ready = new Set([...sources].filter(([name, source]) => built[name]?.sha256 === crypto.createHash('sha256').update(source).digest('hex')).map(([name]) => name));
  const compiling = ready.size < sources.size;
  const hb: Handlebars = (compiling ? require('handlebars') : require('handlebars/runtime')).create();
  for (const [name, fn] of Object.entries(viHelpers(opts.decimals))) hb.registerHelper(name, fn as HandlebarsLib.HelperDelegate);
  let current = MAIN;
  try {
    const template = (name: string, source: string): HandlebarsLib.TemplateDelegate => {
      current = name;
      if (ready.has(name)) return hb.template(built[name].spec);
      hb.parse(source); // compile is lazy: parse now so a syntax error names its own file
      return hb.compile(source);
    };
    for (const [name, source] of sources) if (name !== MAIN) hb.registerPartial(name, template(name, source));
    const main = template(MAIN, sources.get(MAIN)!);
    current = MAIN;
    return main(context);
  } catch (e) {
    throw new Fatal('template-error', { value: `${current}.hbs`, detail: (e as Error).message.split('\n')[0] });
  }
}
