// Files are drawn in a worker thread, one job at a time: a PDF takes a few hundred milliseconds
// of CPU, which would otherwise stall every other request of the server, and the renderers'
// libraries (ECharts, pdfkit, docx, ExcelJS) and their garbage stay out of the main heap. The
// worker's young generation is kept small, which holds the peak memory of drawing the four
// report formats near 220 MB instead of 340 MB (bench/reports.ts). The worker stays warm for a
// while after its last job, so a second download does not pay for loading the libraries again,
// then ends and gives its memory back. It never keeps the process alive on its own.
import { Worker } from "node:worker_threads";
import { Problem } from "../../domain/shared/problem.ts";
import type { RenderJob } from "../../reports/render.ts";
import type { JobReply, JobRequest } from "../../reports/worker.ts";

const WORKER_URL = new URL("../../reports/worker.ts", import.meta.url);
const IDLE_MS = 30_000;
const LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 512 };
/**
 * Jobs drawn or waiting at most: beyond, a request is refused at once ("busy", HTTP 503 with
 * Retry-After) rather than queued for many seconds, so a burst of downloads cannot pile up.
 */
export const MAX_PENDING_JOBS = 8;

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

/** Draws files in its worker; made once by main.ts (or per app, per command) and passed in. */
export interface Renderer {
  /** Draws a file in the rendering worker; jobs are queued and drawn in order. */
  render(job: RenderJob): Promise<Uint8Array>;
  /** Ends the worker now (a server shutting down, a test finishing). */
  stop(): Promise<void>;
}

/** A renderer with its own worker, started at its first job and ended after a while idle. */
export function createRenderer(): Renderer {
  let worker: Worker | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };

  /** No job left: let the process exit if it wants to, and end the worker after a while. */
  const idle = (w: Worker) => {
    w.unref();
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (worker === w && pending.size === 0) {
        worker = null;
        void w.terminate();
      }
    }, IDLE_MS);
    idleTimer.unref();
  };

  const start = () => {
    const w = new Worker(WORKER_URL, { resourceLimits: LIMITS, execArgv: [] });
    w.on("message", (reply: JobReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.bytes);
      else job.reject(new Error(`rendering failed: ${reply.message}`));
      if (pending.size === 0) idle(w);
    });
    w.on("error", (error) => {
      if (worker === w) worker = null;
      failAll(error);
    });
    w.on("exit", (code) => {
      if (worker === w) worker = null;
      if (pending.size > 0) failAll(new Error(`rendering worker stopped (exit code ${code})`));
    });
    return w;
  };

  return {
    render(job) {
      if (pending.size >= MAX_PENDING_JOBS)
        return Promise.reject(new Problem("busy", "rendering", { pending: pending.size }));
      if (idleTimer) {
        clearTimeout(idleTimer);
        idleTimer = null;
      }
      const w = worker ?? start();
      worker = w;
      w.ref();
      const id = nextId++;
      const request: JobRequest = { id, job };
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          w.postMessage(request);
        } catch (error) {
          pending.delete(id);
          if (pending.size === 0) idle(w);
          throw error;
        }
      });
    },
    async stop() {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
