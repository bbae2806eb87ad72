/**
 * Where SheetJS runs: on a worker thread with a bounded heap (`resourceLimits`) and a wall-clock
 * limit, so that a hostile file which makes the parser build gigabytes, or loop, costs its own
 * thread and a `too-large` notice, never the process. The thread is started on the first file of
 * these formats, serves the following ones in turn (SheetJS loads once), and does not keep the
 * process alive while idle. Running from the TypeScript sources (tests under ts-jest), where no
 * compiled worker exists, files load on this thread, unbounded.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { SheetjsFormat } from '../types';
import { SHEETJS_LIMITS, type SheetjsLimits } from './limits';
import type { LoadResult } from './load';
import type { LoadJob, LoadReply } from './worker';

const WORKER_FILE = path.join(__dirname, 'worker.js');

let thread: { worker: Worker; heapMb: number } | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

/** The sheets of `file`, read as `format`; one file at a time. Never rejects. */
export function loadSheets(file: string, format: SheetjsFormat): Promise<LoadResult> {
  if (fs.existsSync(WORKER_FILE)) return loadSheetsOnWorker(WORKER_FILE, file, format);
  const { loadWorkbook } = require('./load') as typeof import('./load');
  return Promise.resolve(loadWorkbook(file, format));
}

/**
 * The same on the worker compiled as `workerFile` (the fuzz suite runs the built one from the
 * sources), within `limits`. Jobs queue: one file at a time.
 */
export function loadSheetsOnWorker(workerFile: string, file: string, format: SheetjsFormat, limits: SheetjsLimits = SHEETJS_LIMITS): Promise<LoadResult> {
  const run = queue.then(() => onWorker(workerFile, { id: nextId++, file, format }, limits));
  queue = run;
  return run;
}

/** A thread's failures are reported to the job that was running (below); between jobs they only retire it. */
function started(worker: Worker): Worker {
  worker.on('error', () => undefined).on('exit', () => {
    if (thread?.worker === worker) thread = null;
  });
  return worker;
}

function onWorker(workerFile: string, job: LoadJob, limits: SheetjsLimits): Promise<LoadResult> {
  const { Worker } = require('worker_threads') as typeof import('worker_threads');
  // A heap limit is set when a thread starts: other limits need another thread.
  if (thread && thread.heapMb !== limits.maxHeapMb) {
    void thread.worker.terminate();
    thread = null;
  }
  thread ??= { worker: started(new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb } })), heapMb: limits.maxHeapMb };
  const worker = thread.worker;
  return new Promise<LoadResult>((resolve) => {
    const tooLarge = (detail: string): void => {
      // The thread is spent (out of memory) or busy for good (a loop): the next file gets a new one.
      if (thread?.worker === worker) thread = null;
      void worker.terminate();
      settle({ ok: false, reason: `${job.format}-too-large`, detail });
    };
    const onMessage = (reply: LoadReply): void => {
      if (reply.id === job.id) settle(reply.result);
    };
    const onError = (e: Error): void => tooLarge((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `over ${limits.maxHeapMb} MB while parsing` : e.message);
    const onExit = (code: number): void => tooLarge(`the parser stopped (exit code ${code})`);
    const timer = setTimeout(() => tooLarge(`over ${limits.maxMillis / 1000} s while parsing`), limits.maxMillis);

    function settle(result: LoadResult): void {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      worker.unref();
      resolve(result);
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.ref();
    worker.postMessage(job);
  });
}
