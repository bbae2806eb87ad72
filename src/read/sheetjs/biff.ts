/**
 * Whether an .xls is password-protected, from its BIFF record stream ([MS-XLS] 2.4.117 FilePass).
 * SheetJS does not refuse such a file: without the password it decrypts nothing and reads the
 * encrypted bytes as cells. Excel writes FILEPASS (RC4, RC4 CryptoAPI, or the older XOR
 * obfuscation) right after the workbook's first BOF; record headers stay in clear, so walking
 * the first records finds it.
 */

const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085; // the sheets' directory: FILEPASS, when present, comes before it
/** Records looked at: FILEPASS is among the first few; a stream of garbage stops here. */
const MAX_RECORDS = 64;

/** True when the workbook stream (`Workbook` or `Book`) holds a FILEPASS record before its sheet list. */
export function hasFilePass(stream: Uint8Array): boolean {
  let at = 0;
  for (let n = 0; n < MAX_RECORDS && at + 4 <= stream.length; n++) {
    const type = stream[at] | (stream[at + 1] << 8);
    const length = stream[at + 2] | (stream[at + 3] << 8);
    if (type === FILEPASS) return true;
    if (type === BOUNDSHEET) return false;
    at += 4 + length;
  }
  return false;
}
