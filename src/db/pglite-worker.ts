// The embedded database's own thread: it owns the PGlite instance and runs one request at a
// time, in the order they arrive, so that parsing, planning and executing SQL (all synchronous
// WebAssembly) never hold the server's event loop. The main thread speaks to it through
// src/db/pglite-thread.ts; this file is only ever loaded as a worker.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PreparedStatements } from "./pglite-statements.ts";
import type { Notice, Reply, Request, WireError, WorkerInit } from "./pglite-thread.ts";

const DATE_OID = 1082;
const SHARED_BUFFERS = "32MB";
const keepDate = (value: string) => value;

/** The fields of a database error that callers read (SQLSTATE, constraint, …), as plain data. */
const ERROR_FIELDS = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "routine",
] as const;

function toWire(error: unknown): WireError {
  const source = (error ?? {}) as Record<string, unknown>;
  const wire: WireError = { message: error instanceof Error ? error.message : String(error) };
  for (const field of ERROR_FIELDS) {
    const value = source[field];
    if (typeof value === "string") wire[field] = value;
  }
  return wire;
}

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("pglite-worker.ts runs only as a worker thread");
  const init = workerData as WorkerInit;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(init.dataDir === null ? {} : { dataDir: init.dataDir }),
      parsers: { [DATE_OID]: keepDate },
      // PostgreSQL's 128 MB of shared buffers live in the WebAssembly heap, which never shrinks:
      // 32 MB holds the tracker's working set and the operating system caches the files anyway.
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`],
    });
  } catch (error) {
    port.postMessage({ id: 0, ok: false, error: toWire(error) } satisfies Reply);
    return;
  }
  port.postMessage({ id: 0, ok: true, rows: [], command: "ready" } satisfies Reply);
  const statements = new PreparedStatements(pglite);

  // One request at a time: the next waits for the one before, as on a single connection.
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (request: Request) => {
    queue = queue.then(async () => {
      const reply =
        request.kind === "listen"
          ? await listen(pglite, request.id, request.channel, (notice) => port.postMessage(notice))
          : await handle(pglite, statements, request);
      port.postMessage(reply);
      if (request.kind === "close") port.close();
    });
  });
}

/** Starts listening to a channel; each notification is posted as a Notice. */
async function listen(
  pglite: PGlite,
  id: number,
  channel: string,
  post: (notice: Notice) => void,
): Promise<Reply> {
  try {
    await pglite.listen(channel, (payload) => post({ notice: true, channel, payload }));
    return { id, ok: true, rows: [] };
  } catch (error) {
    return { id, ok: false, error: toWire(error) };
  }
}

async function handle(
  pglite: PGlite,
  statements: PreparedStatements,
  request: Request,
): Promise<Reply> {
  try {
    if (request.kind === "close") {
      if (!pglite.closed) await pglite.close();
      return { id: request.id, ok: true, rows: [] };
    }
    if (request.kind === "listen") throw new Error("listen is answered by listen()");
    const result =
      request.kind === "copy"
        ? await pglite.query<Record<string, unknown>>(request.sql, [], {
            rowMode: "object",
            blob: new Blob([request.data]),
          })
        : await statements.query(request.sql, request.params);
    // `command` is set by PGlite at run time though its type does not declare it.
    const { command } = result as { command?: string };
    return {
      id: request.id,
      ok: true,
      rows: result.rows,
      ...(result.affectedRows === undefined ? {} : { affectedRows: result.affectedRows }),
      ...(command === undefined ? {} : { command }),
    };
  } catch (error) {
    return { id: request.id, ok: false, error: toWire(error) };
  }
}

await serve();
