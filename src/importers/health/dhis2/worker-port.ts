// The worker side of a reading worker (in-worker.ts starts it): batches are posted back as they
// are made, at most AHEAD of them not yet taken by the reader, so reading goes on while the main
// thread stores the previous ones and batches never pile up between the threads. A file that
// cannot be read is posted as its error code; anything else as a failure.
import type { MessagePort, Transferable } from "node:worker_threads";
import { Dhis2ReadError } from "./map.ts";

export type WorkerMessage<T> =
  | { type: "batch"; records: T }
  | { type: "done" }
  | { type: "error"; code: string; line: number | null; details: Record<string, string | number> }
  | { type: "failed"; message: string };

/** Batches posted and not yet taken by the reader, at most. */
export const AHEAD = 3;

export async function postBatches<T>(
  port: MessagePort,
  batches: AsyncIterable<T>,
  transfer: (batch: T) => Transferable[] = () => [],
): Promise<void> {
  let credit = AHEAD;
  let wake: (() => void) | null = null;
  // Each "next" from the reader means it took one batch: one more may be read ahead.
  port.on("message", () => {
    credit++;
    wake?.();
    wake = null;
  });
  const asked = async () => {
    credit--;
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  };
  const post = (message: WorkerMessage<T>, list: Transferable[] = []) =>
    port.postMessage(message, list);
  try {
    for await (const records of batches) {
      post({ type: "batch", records }, transfer(records));
      await asked();
    }
    post({ type: "done" });
  } catch (error) {
    if (error instanceof Dhis2ReadError) {
      post({ type: "error", code: error.code, line: error.line, details: { ...error.details } });
    } else {
      post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }
}
