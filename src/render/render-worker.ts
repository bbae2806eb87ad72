/**
 * The worker side of startRenderer (renderer.ts): draws the charts and makes the .docx it is
 * asked for, and posts the results back. It loads docx and echarts as it starts, while the main
 * thread is still reading the inputs.
 */
import { parentPort } from 'node:worker_threads';
import type { ImageStore } from '../document/types';
import { barChart } from './charts';
import { loadChartRenderers } from './charts/raster';
import { renderDocx } from './docx';
import { revive, type RenderJob, type RenderReply } from './render-protocol';

function run(job: RenderJob): Promise<Omit<RenderReply & { ok: true }, 'id' | 'ok'>> {
  if (job.kind === 'charts') return Promise.all(job.specs.map((s) => barChart(s))).then((assets) => ({ assets }));
  const images: ImageStore = new Map(job.images.map(([name, asset]) => [name, revive(asset)]));
  return renderDocx(job.model, images, { date: new Date(job.date) }).then((data) => ({ data }));
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: RenderJob) => {
    run(job).then(
      (result) => port.postMessage({ id: job.id, ok: true, ...result } satisfies RenderReply),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        port.postMessage({ id: job.id, ok: false, message: err.message, stack: err.stack } satisfies RenderReply);
      },
    ).finally(() => {
      // The .docx is the last job: done, the thread ends.
      if (job.kind === 'docx') port.close();
    });
  });
  // Messages wait in the port's queue while the chart libraries load.
  loadChartRenderers();
}
