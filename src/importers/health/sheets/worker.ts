// The worker thread that reads one uploaded facility workbook (services/health/sheet-reading.ts
// starts it, one per file, and ends it after its answer or at the deadline): exceljs's
// inflating and XML parsing run here, off the server's event loop, inside a bounded heap.
import { parentPort } from "node:worker_threads";
import { readXlsxLines, type XlsxRead } from "./xlsx.ts";

export type XlsxReply = { ok: true; result: XlsxRead } | { ok: false; message: string };

const port = parentPort;
if (port) {
  port.once("message", async (bytes: Uint8Array) => {
    let reply: XlsxReply;
    try {
      reply = { ok: true, result: await readXlsxLines(bytes) };
    } catch (error) {
      reply = {
        ok: false,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    port.postMessage(reply);
  });
}
