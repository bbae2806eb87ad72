/**
 * Where a report's charts and .docx are made: on a worker thread (render-worker.ts) started when
 * the command starts. On two cores, docx and echarts then load while this thread reads the
 * inputs, the charts are drawn while it builds the document, and the .docx is made while it makes
 * the workbook: a report takes the time of its longest path rather than of the sum. The same code
 * makes the same bytes there. This module loads neither docx nor echarts itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentModel, ImageAsset, ImageStore } from '../document/types';
import type { BarChartSpec } from '../compose/chart-plan';
import type { RenderDocxOptions } from './docx';
import { asBuffer, revive, type RenderJob, type RenderReply } from './render-protocol';

export interface Renderer {
  /** The charts' PNG and SVG, in the specs' order. */
  charts(specs: BarChartSpec[]): Promise<ImageAsset[]>;
  /** The .docx; the last job a renderer takes. */
  docx(doc: DocumentModel, images: ImageStore, opts: RenderDocxOptions): Promise<Buffer>;
  /** Nothing more will be asked (the report is made, or failed): let the worker go. */
  stop(): void;
}

/**
 * A renderer on a fresh worker thread. Running from the TypeScript sources (tests under ts-jest),
 * where no compiled worker exists, it renders on this thread.
 */
export function startRenderer(): Renderer {
  const file = path.join(__dirname, 'render-worker.js');
  return fs.existsSync(file) ? onWorker(file) : onThisThread();
}

function onThisThread(): Renderer {
  return {
    charts: (specs) => {
      const { barChart } = require('./charts') as typeof import('./charts');
      return Promise.all(specs.map((s) => barChart(s)));
    },
    docx: (doc, images, opts) => (require('./docx') as typeof import('./docx')).renderDocx(doc, images, opts),
    stop: () => undefined,
  };
}

type Waiting = { resolve: (reply: RenderReply & { ok: true }) => void; reject: (e: Error) => void };

function onWorker(file: string): Renderer {
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(file);
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (reply: RenderReply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.ok) w.resolve(reply);
    else w.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the render worker stopped (exit code ${code})`)));
  // Waiting for its jobs, the worker must not keep the process alive should the command stop early.
  worker.unref();

  function ask(job: RenderJob): Promise<RenderReply & { ok: true }> {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      waiting.set(job.id, { resolve, reject });
      worker.ref();
      worker.postMessage(job);
    });
  }
  return {
    async charts(specs) {
      const reply = await ask({ id: nextId++, kind: 'charts', specs });
      return (reply.assets ?? []).map(revive);
    },
    async docx(doc, images, opts) {
      const reply = await ask({ id: nextId++, kind: 'docx', model: doc, images: [...images], date: opts.date.getTime() });
      return asBuffer(reply.data!);
    },
    stop() {
      void worker.terminate();
    },
  };
}
