/** The program's version, as package.json gives it (`lllweek --version`, the workbook's `Thông tin`). */
export function version(): string {
  return (require('../../package.json') as { version: string }).version;
}
