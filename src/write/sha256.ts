import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

/** The SHA-256 of a file, streamed: inputs can be large. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
