/**
 * Where the report's .docx is made: on a worker thread (worker.ts), so that the workbook is made
 * on the main thread meanwhile — on two cores a report's .docx and .xlsx then take the time of
 * the longer one. The worker is started early (it loads docx while the charts are drawn) and
 * given the document when the model is ready. The same code makes the same bytes there.
 * This module does not load docx itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentModel, ImageStore } from '../../model/types';
import type { RenderDocxOptions } from './index';
import type { DocxJob, DocxReply } from './worker';

export interface DocxRenderer {
  render(doc: DocumentModel, images: ImageStore, opts: RenderDocxOptions): Promise<Buffer>;
  /** Nothing will be rendered (the report failed): let the worker go. */
  stop(): void;
}

/**
 * A renderer on a fresh worker thread. Running from the TypeScript sources (tests under ts-jest),
 * where no compiled worker exists, it renders on this thread.
 */
export function startDocxRenderer(): DocxRenderer {
  const file = path.join(__dirname, 'worker.js');
  if (!fs.existsSync(file)) {
    return { render: (doc, images, opts) => (require('./index') as typeof import('./index')).renderDocx(doc, images, opts), stop: () => undefined };
  }
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(file);
  let failure: Error | null = null;
  let settle: ((reply: DocxReply | Error) => void) | null = null;
  const done = (r: DocxReply | Error) => {
    if (settle) settle(r);
    else if (r instanceof Error) failure = r;
    settle = null;
  };
  worker.on('message', (reply: DocxReply) => done(reply));
  worker.on('error', (e) => done(e));
  worker.on('exit', (code) => done(new Error(`the .docx worker stopped (exit code ${code})`)));
  // Waiting for its job, the worker must not keep the process alive should the report stop early.
  worker.unref();
  return {
    render(doc, images, opts) {
      if (failure) return Promise.reject(failure);
      const job: DocxJob = { model: doc, images: [...images], date: opts.date.getTime() };
      return new Promise((resolve, reject) => {
        settle = (r) => {
          if (r instanceof Error) reject(r);
          else if (r.ok) resolve(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength));
          else reject(Object.assign(new Error(r.message), { stack: r.stack }));
        };
        worker.ref();
        worker.postMessage(job);
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}
