/**
 * The worker side of startDocxRenderer (in-worker.ts): renders one .docx from what it is sent and posts the
 * bytes back. Structured cloning turns Buffers into plain Uint8Arrays: they are made Buffers again
 * so the renderer sees exactly what it sees in the main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentModel, ImageAsset, ImageStore } from '../../model/types';
import { renderDocx } from './index';

export interface DocxJob {
  model: DocumentModel;
  images: [string, ImageAsset][];
  /** The report date, as milliseconds. */
  date: number;
}

export type DocxReply = { ok: true; data: Uint8Array } | { ok: false; message: string; stack?: string };

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

function revive(a: ImageAsset): ImageAsset {
  return { ...a, png: asBuffer(a.png), ...(a.svg ? { svg: asBuffer(a.svg) } : {}) };
}

// Started before the document is ready (docx loads meanwhile, with this module); one job, then done.
if (parentPort) {
  const port = parentPort;
  port.once('message', (job: DocxJob) => {
    const images: ImageStore = new Map(job.images.map(([name, asset]) => [name, revive(asset)]));
    renderDocx(job.model, images, { date: new Date(job.date) }).then(
      (data) => port.postMessage({ ok: true, data } satisfies DocxReply),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        port.postMessage({ ok: false, message: err.message, stack: err.stack } satisfies DocxReply);
      },
    ).finally(() => port.close());
  });
}
