import { Fatal } from '../fatal';

/** Error codes of a full disk (or a full quota: the same to the clerk, the same remedy). */
const FULL = new Set(['ENOSPC', 'EDQUOT']);
/** Error codes of a folder one may not write in: permissions, a read-only mount. */
const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The plain-words reason (a Fatal, exit 2) for a failure to write in the output folder `dir`,
 * while writing `file` (an output, named as the clerk knows it, not its temporary name):
 * `disk-full` naming the file, `output-denied` naming the folder (its rights are what to fix),
 * else `output-unwritable` with the system's code. A Fatal passes through unchanged.
 */
export function outputFault(e: unknown, dir: string, file = dir): Fatal {
  if (e instanceof Fatal) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  if (FULL.has(code)) return new Fatal('disk-full', { value: file });
  if (DENIED.has(code)) return new Fatal('output-denied', { value: dir });
  return new Fatal('output-unwritable', { value: file, detail: code || (e as Error)?.message || String(e) });
}
