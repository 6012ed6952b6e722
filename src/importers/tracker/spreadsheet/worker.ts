// The worker thread that reads one uploaded workbook (services/upload-reading.ts starts it, one
// per upload, and ends it after its answer or at the deadline): exceljs's inflating and XML
// parsing run here, off the server's event loop, inside a bounded heap.
import { parentPort } from "node:worker_threads";
import { type ReadResult, readQuestionnaireFile } from "./read.ts";

export type ReadReply = { ok: true; result: ReadResult } | { ok: false; message: string };

const port = parentPort;
if (port) {
  port.once("message", async (bytes: Uint8Array) => {
    let reply: ReadReply;
    try {
      reply = { ok: true, result: await readQuestionnaireFile(bytes) };
    } catch (error) {
      reply = {
        ok: false,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    port.postMessage(reply);
  });
}
