import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { Fatal } from '../fatal';
import { viHelpers } from './helpers';

/** The built-in templates ship with the package, beside dist/. */
export const BUILTIN_TEMPLATES = path.resolve(__dirname, '..', '..', 'templates');
const MAIN = 'report';

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
 */
export function renderTemplates(context: object, opts: { overrides?: string; decimals: number }): string {
  const files = templateFiles(BUILTIN_TEMPLATES);
  if (opts.overrides) {
    if (!fs.existsSync(opts.overrides) || !fs.statSync(opts.overrides).isDirectory()) throw new Fatal('template-dir', { value: opts.overrides });
    for (const [name, file] of templateFiles(opts.overrides)) files.set(name, file);
  }
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(viHelpers(opts.decimals))) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  let current = MAIN;
  try {
    for (const [name, file] of files) {
      current = name;
      const source = fs.readFileSync(file, 'utf8');
      hb.parse(source); // compile is lazy: parse now so a syntax error names its own file
      if (name !== MAIN) hb.registerPartial(name, hb.compile(source));
    }
    current = MAIN;
    const main = hb.compile(fs.readFileSync(files.get(MAIN)!, 'utf8'));
    return main(context);
  } catch (e) {
    throw new Fatal('template-error', { value: `${current}.hbs`, detail: (e as Error).message.split('\n')[0] });
  }
}
