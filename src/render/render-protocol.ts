/**
 * The messages between a renderer (renderer.ts) and its worker thread (render-worker.ts): jobs
 * one way, replies the other, and how a reply's buffers are made Buffers again after the
 * structured cloning that carried them.
 */
import type { BarChartSpec } from '../compose/chart-plan';
import type { DocumentModel, ImageAsset } from '../document/types';

export type RenderJob =
  | { id: number; kind: 'charts'; specs: BarChartSpec[] }
  | {
      id: number;
      kind: 'docx';
      model: DocumentModel;
      images: [string, ImageAsset][];
      /** The report date, as milliseconds. */
      date: number;
    };

export type RenderReply =
  | { id: number; ok: true; assets?: ImageAsset[]; data?: Uint8Array }
  | { id: number; ok: false; message: string; stack?: string };

/** Structured cloning turns Buffers into plain Uint8Arrays: they are made Buffers again on arrival. */
export const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** An image asset as it was before it crossed threads. */
export function revive(a: ImageAsset): ImageAsset {
  return { ...a, png: asBuffer(a.png), ...(a.svg ? { svg: asBuffer(a.svg) } : {}) };
}
