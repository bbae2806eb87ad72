import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { configSchema, type ConfigFile } from './schema';
import { Fatal } from '../fatal';

export interface LoadedConfig {
  config: ConfigFile;
  /** Folder relative paths in the config are resolved against (the config's own, else the cwd). */
  dir: string;
  /** The file read, or null when there is none. */
  file: string | null;
}

export const CONFIG_FILE_NAME = 'lllweek.yaml';

/** `--config FILE`, else `lllweek.yaml` in the current folder, else no config at all. */
export function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): LoadedConfig {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, CONFIG_FILE_NAME);
  if (!fs.existsSync(file)) {
    if (explicit) throw new Fatal('config-missing', { value: explicit });
    return { config: {}, dir: cwd, file: null };
  }
  // A folder or a named pipe is no config (reading a pipe would wait forever).
  if (!fs.statSync(file).isFile()) throw new Fatal('config-missing', { value: explicit ?? CONFIG_FILE_NAME });
  return { config: parseConfigText(fs.readFileSync(file, 'utf8'), explicit ?? CONFIG_FILE_NAME), dir: path.dirname(file), file };
}

export function parseConfigText(text: string, shownName: string): ConfigFile {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new Fatal('config-yaml', { value: shownName, line: e.linePos?.[0]?.line ?? 0, detail: e.message.split('\n')[0] });
  }
  // An empty file is a valid, empty config.
  const raw: unknown = doc.toJS() ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const field = [where, issue.keys[0]].filter(Boolean).join('.');
      throw new Fatal('config-field', { label: field, expected: 'unknownField' });
    }
    throw new Fatal('config-field', { label: where || '(root)', expected: issue.message });
  }
  const cfg = parsed.data;
  if (cfg.week && cfg.week.end < cfg.week.start) throw new Fatal('config-week', { value: cfg.week.end });
  return cfg;
}
