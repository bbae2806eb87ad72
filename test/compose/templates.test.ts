import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, lllweek, ROOT } from '../helpers/cli';
import { renderTemplates as compiling } from '../../src/compose/templates';

/** The built renderer, which runs the templates the build precompiled. */
const built = require(path.join(ROOT, 'dist', 'compose', 'templates')) as typeof import('../../src/compose/templates');

describe('built-in templates', () => {
  const context = JSON.parse(lllweek(['report', '.', '--dump-context'], { cwd: path.join(FIXTURES, 'commune') }).stdout) as object;

  test('precompiled by the build, they render what the .hbs sources compile to', () => {
    expect(fs.existsSync(path.join(ROOT, 'dist', 'compose', 'builtin-templates.js'))).toBe(true);
    const html = built.renderTemplates(context, { decimals: 2 });
    expect(html).toContain('Phường Móng Cái 1');
    expect(html).toBe(compiling(context, { decimals: 2 }));
  });

  test('a built-in template changed since the build is compiled from its new source, not run stale', () => {
    // The same check as for an edited templates/ folder: a source whose hash is not the build's.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-tpl-'));
    const signature = fs.readFileSync(path.join(ROOT, 'templates', 'signature.hbs'), 'utf8');
    fs.writeFileSync(path.join(dir, 'signature.hbs'), `${signature}\n<p>Đã sửa sau khi build</p>\n`);
    const html = built.renderTemplates(context, { overrides: dir, decimals: 2 });
    expect(html).toContain('Đã sửa sau khi build');
    expect(html).toBe(compiling(context, { overrides: dir, decimals: 2 }));
  });
});
