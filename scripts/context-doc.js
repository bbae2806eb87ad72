#!/usr/bin/env node
'use strict';
/**
 * `npm run docs:context`: writes the template context's fields (src/compose/context-schema.ts,
 * from the build in dist/) into docs/templates.md, between its context markers. A test checks
 * the page holds the table the schema makes, so the two never drift apart.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { contextTable } = require(path.join(root, 'dist', 'compose', 'context-schema.js'));
const file = path.join(root, 'docs', 'templates.md');
const START = '<!-- context:start -->';
const END = '<!-- context:end -->';
const text = fs.readFileSync(file, 'utf8');
const a = text.indexOf(START);
const b = text.indexOf(END);
if (a < 0 || b < a) throw new Error(`${path.relative(root, file)} has no context markers`);
fs.writeFileSync(file, `${text.slice(0, a + START.length)}\n${contextTable()}${text.slice(b)}`);
console.error(`${path.relative(root, file)}: context fields written`);
