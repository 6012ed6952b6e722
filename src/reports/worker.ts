// The worker thread that draws files (services/rendering.ts starts it): one job at a time, each
// answered with its bytes (transferred, not copied) or with the error's message.
import { parentPort } from "node:worker_threads";
import { type RenderJob, renderJob } from "./render.ts";

export interface JobRequest {
  id: number;
  job: RenderJob;
}
export type JobReply =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (port) {
  port.on("message", async ({ id, job }: JobRequest) => {
    try {
      const drawn = await renderJob(job);
      // A small Buffer may be a view into a shared slab: only a buffer of its own is transferred.
      const whole = drawn.byteOffset === 0 && drawn.byteLength === drawn.buffer.byteLength;
      const bytes = whole ? drawn : new Uint8Array(drawn);
      const reply: JobReply = { id, ok: true, bytes };
      port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const reply: JobReply = { id, ok: false, message };
      port.postMessage(reply);
    }
  });
}
