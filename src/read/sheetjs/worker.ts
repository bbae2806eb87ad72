/** The SheetJS adapter's worker thread (run.ts starts it): loads one file per message, answers its sheets. */
import { parentPort } from 'worker_threads';
import type { SheetjsFormat } from '../types';
import { loadWorkbook, type LoadResult } from './load';

export interface LoadJob {
  id: number;
  file: string;
  format: SheetjsFormat;
}
export type LoadReply = { id: number; result: LoadResult };

parentPort?.on('message', (job: LoadJob) => {
  const reply: LoadReply = { id: job.id, result: loadWorkbook(job.file, job.format) };
  parentPort?.postMessage(reply);
});
