/**
 * Cell values are quoted in `validate`'s text output, which goes to a terminal. A value holding
 * escape sequences (erase the line above, retitle the window) or line breaks (forge an issue
 * line, or push one out of sight) is printed inert, on its own issue's line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectNoStack, lllweek } from '../helpers/cli';
import { activitiesCsv, tmpDir } from './helpers';

const ERASE_ABOVE = '\u001b[1A\u001b[2K';
const RETITLE = '\u001b]0;pwned\u0007';
const FORGED = '\r\n  E9        info       all good [table-unrecognized]\r\n';

describe('escape sequences and line breaks in cell values', () => {
  const dir = tmpDir('lllweek-tty-');
  beforeAll(() => {
    fs.writeFileSync(
      path.join(dir, 'hd.csv'),
      activitiesCsv([
        { type: `${ERASE_ABOVE}Tuyên truyền${RETITLE}` },
        { participants: `12${FORGED}` },
        { type: `\u009b2J\u0008\u0008\u0008Hội nghị` }, // C1 CSI, backspaces
      ]),
    );
  });

  for (const [name, args] of [
    ['validate', ['validate', 'hd.csv']],
    ['report (refused: errors listed on stderr)', ['report', 'hd.csv', '--out', '.']],
  ] as const) {
    it(`${name}: no control character reaches the terminal, each issue stays on its own line`, () => {
      const r = lllweek([...args], { cwd: dir });
      expectNoStack(r);
      expect(r.status).toBe(1);
      const text = r.stdout + r.stderr;
      expect(text).toContain('[enum-unknown]');
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      // The forged line did not become a line of its own.
      expect(text.split('\n').filter((l) => /^\s+E9\s/.test(l))).toEqual([]);
      const issueLines = text.split('\n').filter((l) => /\[[a-z-]+\]$/.test(l));
      expect(issueLines.length).toBe(3);
    });
  }
});
