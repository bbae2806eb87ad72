/**
 * Which number formats show a date or a time. A workbook stores a date as a plain number; only
 * the cell's number format says it is one, and Excel decides that from the format's tokens.
 */

/**
 * Built-in formats (ECMA-376 Part 1, §18.8.30) that show dates or times without a format code in
 * the file: 14–22 (14 is the system's short date, `dd/mm/yyyy` on a Vietnamese Windows), 45–47
 * (minutes and seconds, elapsed hours), and the East Asian date and time formats 27–36 and 50–58.
 */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a format code shows a date or time, as Excel reads it: a day, month, year, hour or
 * second token (`d m y h s`, any case; the era tokens `e g`; the Buddhist year `b`), `AM/PM` or
 * `A/P`, or an elapsed-time bracket (`[h]`, `[mm]`, `[ss]`) — outside quoted text, `\`-escaped
 * and `_`/`*`-padding characters, other brackets (`[Red]`, `[$-42A]`, `[>=100]`), the word
 * `General` and a scientific exponent (`E+`). One pass, no backtracking: format codes come from
 * the file.
 */
export function isDateFormat(code: string): boolean {
  const n = code.length;
  for (let i = 0; i < n; i++) {
    const raw = code[i];
    const c = code.charCodeAt(i) | 0x20; // a letter lower-cased (only compared with letters)
    if (raw === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (raw === '\\' || raw === '_' || raw === '*') {
      i++;
    } else if (raw === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) return false;
      if (isElapsedTime(code, i + 1, end)) return true;
      i = end;
    } else if (c === 0x67 /* g */ && code.slice(i, i + 7).toLowerCase() === 'general') {
      i += 6;
    } else if (c === 0x65 /* e */ && (code[i + 1] === '+' || code[i + 1] === '-')) {
      i++;
    } else if (c === 0x61 /* a */) {
      const ahead = code.slice(i, i + 5).toLowerCase();
      if (ahead === 'am/pm' || ahead.startsWith('a/p')) return true;
    } else if (DATE_LETTERS.has(raw)) {
      return true;
    }
  }
  return false;
}

const DATE_LETTERS = new Set([...'dmyhsegb', ...'DMYHSEGB']);

/** `[h]`, `[hh]`, `[mm]`, `[ss]`…: one of h, m, s repeated (any case). */
function isElapsedTime(code: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = code.charCodeAt(from) | 0x20;
  if (first !== 0x68 && first !== 0x6d && first !== 0x73) return false;
  for (let i = from + 1; i < to; i++) if ((code.charCodeAt(i) | 0x20) !== first) return false;
  return true;
}
