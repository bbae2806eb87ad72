/**
 * Text from outside lllweek (a file name, a cell's value inside a message, a sheet name) as it may
 * reach a terminal. A terminal obeys what it is sent: `ESC[2J` clears the screen, `ESC[1A ESC[2K`
 * erases the line above (an error), `ESC]0;…BEL` retitles the window, a line break starts a line
 * that looks like one of ours ("Written: …", an issue line), and U+202E (RIGHT-TO-LEFT OVERRIDE)
 * shows `xlsx.exe` as `exe.xlsx`. Each such character is shown instead as a visible escape, so the
 * clerk sees what is really there:
 * - line breaks and tabs as `\n`, `\r`, `\t`;
 * - every other C0 control, DEL and C1 control (ESC, BEL, backspace, CSI U+009B…) as `\xHH`;
 * - bidi controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) and the Unicode line and
 *   paragraph separators (U+2028, U+2029) as `\uHHHH`.
 * Everything else, Vietnamese letters included, passes unchanged. JSON output needs none of this
 * (JSON escapes itself, and a script reads it, not a person).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every character a terminal would obey (see above) shown as a visible escape; one line. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Several lines for a terminal: each made safe, then joined by the only line breaks that remain. */
export function terminalLines(lines: readonly string[]): string {
  return lines.map(terminalSafe).join('\n');
}
