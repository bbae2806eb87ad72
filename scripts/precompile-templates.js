#!/usr/bin/env node
/**
 * Precompiles the built-in templates (templates/*.hbs) into dist/compose/builtin-templates.js, so a
 * report does not spend ~0.2 s compiling them on every run. Each entry keeps the SHA-256 of the
 * source it was made from: compose/templates.ts uses it only while the .hbs file is unchanged, and
 * compiles the file itself otherwise (an edited template, or no build at all under ts-jest).
 * Run by `npm run build` (and so by `prepare` and `npm test`).
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Handlebars = require('handlebars');

const root = path.join(__dirname, '..');
const dir = path.join(root, 'templates');
const out = path.join(root, 'dist', 'compose', 'builtin-templates.js');

const entries = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.hbs'))
  .sort()
  .map((f) => {
    const source = fs.readFileSync(path.join(dir, f), 'utf8');
    const sha256 = crypto.createHash('sha256').update(source).digest('hex');
    return `  ${JSON.stringify(f.slice(0, -4))}: { sha256: ${JSON.stringify(sha256)}, spec: ${Handlebars.precompile(source)} },`;
  });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `'use strict';\n// Made by scripts/precompile-templates.js from templates/*.hbs: do not edit.\nmodule.exports = {\n${entries.join('\n')}\n};\n`);
